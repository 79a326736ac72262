using Nyc311.Domain;
using Nyc311.Forecasting.Prophet;

namespace Nyc311.Forecasting.Models;

/// <summary>
/// US federal and New York City holidays (<see cref="HolidayCalendar"/>) as model inputs: Prophet's
/// holidays table with windows, and day flags for LightGBM features.
/// </summary>
public static class NycHolidays
{
    /// <summary>
    /// Prophet's holidays table for the years <paramref name="from"/> to <paramref name="to"/>: every holiday
    /// and observed day, with a day either side for the holidays whose effect spreads (the winter
    /// holidays, Thanksgiving and Independence Day), as Prophet's <c>lower_window</c>/<c>upper_window</c>.
    /// </summary>
    public static IReadOnlyList<ProphetHoliday> ForProphet(DateOnly from, DateOnly to)
    {
        var holidays = new List<ProphetHoliday>();
        foreach (var holiday in HolidayCalendar.Between(new DateOnly(from.Year, 1, 1), new DateOnly(to.Year, 12, 31)))
        {
            var (lower, upper) = holiday.Name switch
            {
                "Christmas Day" or "New Year's Day" or "Independence Day" => (-1, 1),
                "Thanksgiving" => (0, 1),
                _ => (0, 0),
            };
            holidays.Add(new ProphetHoliday(holiday.Name, holiday.Date, lower, upper));
        }

        return holidays;
    }

    /// <summary>True when <paramref name="day"/> is a holiday or the observed day of one.</summary>
    public static bool IsHoliday(DateOnly day) => HolidayCalendar.On(day) is not null;
}

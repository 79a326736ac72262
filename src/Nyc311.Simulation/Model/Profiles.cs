using Nyc311.Domain;

namespace Nyc311.Simulation.Model;

/// <summary>Yearly seasonality: a multiplier at mid-month, linearly interpolated in between (cyclic).</summary>
internal sealed class SeasonProfile(string name, double[] monthly)
{
    public string Name => name;

    public double On(DateOnly date)
    {
        // Position in months measured from the middle of January (mid-month = day 15).
        var monthPosition = date.Month - 1 + ((date.Day - 15.0) / DateTime.DaysInMonth(date.Year, date.Month));
        var lower = (int)Math.Floor(monthPosition);
        var t = monthPosition - lower;
        var a = monthly[((lower % 12) + 12) % 12];
        var b = monthly[(((lower + 1) % 12) + 12) % 12];
        return a + ((b - a) * t);
    }
}

/// <summary>Weekly pattern: a multiplier per weekday, Monday first; holidays take Sunday's.</summary>
internal sealed class WeekdayProfile(string name, double[] mondayFirst)
{
    public string Name => name;

    public double On(DateOnly date, bool isHoliday) =>
        isHoliday ? mondayFirst[6] : mondayFirst[((int)date.DayOfWeek + 6) % 7];
}

/// <summary>Relative weights for the 24 hours of creation.</summary>
internal sealed class HourProfile(string name, double[] hours)
{
    public string Name => name;

    public double[] Hours => hours;
}

/// <summary>Relative weights per borough in <see cref="Boroughs.All"/> order.</summary>
internal sealed class BoroughProfile(string name, double[] weights)
{
    public string Name => name;

    public double[] Weights => weights;
}

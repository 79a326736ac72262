namespace Nyc311.Domain;

/// <summary>Who observes a holiday: the whole United States, or New York City government only.</summary>
public enum HolidayScope
{
    /// <summary>A US federal holiday (also observed by the City).</summary>
    UnitedStates,

    /// <summary>Observed by New York City government but not federally (Lincoln's Birthday, Election Day).</summary>
    NewYorkCity,
}

/// <summary>A holiday on a calendar day in America/New_York.</summary>
/// <param name="Date">The day the holiday falls on, or its observed weekday when <paramref name="IsObserved"/>.</param>
/// <param name="Name">The holiday's name, without "(observed)".</param>
/// <param name="Scope">Whether it is federal or City-only.</param>
/// <param name="IsObserved">True when this is the weekday substitute for a holiday falling on a weekend.</param>
public sealed record Holiday(DateOnly Date, string Name, HolidayScope Scope, bool IsObserved = false);

/// <summary>
/// US federal and New York City holidays, computed by rule for any year, with the federal
/// weekend rule (Saturday is observed on Friday, Sunday on Monday) for fixed-date holidays.
/// </summary>
public static class HolidayCalendar
{
    /// <summary>All holidays that fall (or are observed) in <paramref name="year"/>, sorted by date.</summary>
    public static IReadOnlyList<Holiday> For(int year)
    {
        var list = new List<Holiday>();

        void Fixed(int month, int day, string name, HolidayScope scope, int fromYear = 0)
        {
            if (year < fromYear)
            {
                return;
            }

            var date = new DateOnly(year, month, day);
            list.Add(new Holiday(date, name, scope));
            var observed = date.DayOfWeek switch
            {
                DayOfWeek.Saturday => date.AddDays(-1),
                DayOfWeek.Sunday => date.AddDays(1),
                _ => date,
            };
            if (observed != date)
            {
                list.Add(new Holiday(observed, name, scope, IsObserved: true));
            }
        }

        Fixed(1, 1, "New Year's Day", HolidayScope.UnitedStates);
        list.Add(new Holiday(NthWeekday(year, 1, DayOfWeek.Monday, 3), "Martin Luther King Jr. Day", HolidayScope.UnitedStates));
        Fixed(2, 12, "Lincoln's Birthday", HolidayScope.NewYorkCity);
        list.Add(new Holiday(NthWeekday(year, 2, DayOfWeek.Monday, 3), "Washington's Birthday", HolidayScope.UnitedStates));
        list.Add(new Holiday(LastWeekday(year, 5, DayOfWeek.Monday), "Memorial Day", HolidayScope.UnitedStates));
        Fixed(6, 19, "Juneteenth National Independence Day", HolidayScope.UnitedStates, fromYear: 2021);
        Fixed(7, 4, "Independence Day", HolidayScope.UnitedStates);
        list.Add(new Holiday(NthWeekday(year, 9, DayOfWeek.Monday, 1), "Labor Day", HolidayScope.UnitedStates));
        list.Add(new Holiday(NthWeekday(year, 10, DayOfWeek.Monday, 2), "Columbus Day", HolidayScope.UnitedStates));
        // Election Day: the Tuesday after the first Monday of November.
        list.Add(new Holiday(NthWeekday(year, 11, DayOfWeek.Monday, 1).AddDays(1), "Election Day", HolidayScope.NewYorkCity));
        Fixed(11, 11, "Veterans Day", HolidayScope.UnitedStates);
        list.Add(new Holiday(NthWeekday(year, 11, DayOfWeek.Thursday, 4), "Thanksgiving", HolidayScope.UnitedStates));
        Fixed(12, 25, "Christmas Day", HolidayScope.UnitedStates);

        // New Year's Day of the next year falling on a Saturday is observed on Dec 31 of this year.
        if (new DateOnly(year + 1, 1, 1).DayOfWeek == DayOfWeek.Saturday)
        {
            list.Add(new Holiday(new DateOnly(year, 12, 31), "New Year's Day", HolidayScope.UnitedStates, IsObserved: true));
        }

        list.RemoveAll(h => h.Date.Year != year);
        list.Sort((a, b) => a.Date.CompareTo(b.Date));
        return list;
    }

    /// <summary>All holidays between two dates inclusive.</summary>
    public static IEnumerable<Holiday> Between(DateOnly from, DateOnly to)
    {
        for (var year = from.Year; year <= to.Year; year++)
        {
            foreach (var holiday in For(year))
            {
                if (holiday.Date >= from && holiday.Date <= to)
                {
                    yield return holiday;
                }
            }
        }
    }

    /// <summary>The holiday on a day (its observed date counts), or null.</summary>
    public static Holiday? On(DateOnly date)
    {
        foreach (var holiday in For(date.Year))
        {
            if (holiday.Date == date)
            {
                return holiday;
            }
        }

        return null;
    }

    private static DateOnly NthWeekday(int year, int month, DayOfWeek weekday, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)weekday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (n - 1)));
    }

    private static DateOnly LastWeekday(int year, int month, DayOfWeek weekday)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var offset = ((int)last.DayOfWeek - (int)weekday + 7) % 7;
        return last.AddDays(-offset);
    }
}

namespace Nyc311.Simulation.Generation;

/// <summary>
/// America/New_York offsets under the US rule in force since 2007 (EDT from the second Sunday of
/// March 02:00 to the first Sunday of November 02:00), written out so output never depends on the
/// machine's time-zone database. The simulator only produces days from 2010 on.
/// </summary>
internal static class EasternTime
{
    /// <summary>The UTC instant of a New York wall-clock time (the first one when the hour repeats).</summary>
    public static DateTime ToUtc(DateTime local) =>
        DateTime.SpecifyKind(local - TimeSpan.FromHours(IsDaylight(local) ? -4 : -5), DateTimeKind.Utc);

    /// <summary>True for wall-clock times in daylight saving time.</summary>
    public static bool IsDaylight(DateTime local)
    {
        var start = SecondSundayOfMarch(local.Year).AddHours(2);
        var end = FirstSundayOfNovember(local.Year).AddHours(2);
        return local >= start && local < end;
    }

    /// <summary>True when the wall-clock hour does not exist (02:00-02:59 on the spring-forward day).</summary>
    public static bool IsSkipped(DateOnly date, int hour) =>
        hour == 2 && date.ToDateTime(TimeOnly.MinValue) == SecondSundayOfMarch(date.Year);

    private static DateTime SecondSundayOfMarch(int year)
    {
        var first = new DateTime(year, 3, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return first.AddDays(((7 - (int)first.DayOfWeek) % 7) + 7);
    }

    private static DateTime FirstSundayOfNovember(int year)
    {
        var first = new DateTime(year, 11, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return first.AddDays((7 - (int)first.DayOfWeek) % 7);
    }
}

namespace Nyc311.Simulation.Calibration;

public sealed partial class DailyTotals
{
    // What SOURCES.md (beside the original file) says about individual days; the numbers decide,
    // these only explain.
    private static readonly HashSet<DateOnly> KnownPartialDays = [new(2023, 11, 27), new(2026, 7, 30)];
    private static readonly HashSet<DateOnly> SuspectDays = [new(2023, 9, 15), new(2023, 9, 23), new(2025, 1, 25)];

    private static string ReasonFor(DateOnly date, int published, int usual)
    {
        var share = (double)published / usual;
        var listed = KnownPartialDays.Contains(date)
            ? "SOURCES.md lists it as a known partial-day artifact"
            : SuspectDays.Contains(date)
                ? "SOURCES.md lists it as suspect"
                : "SOURCES.md does not list it";
        return $"{published:N0} requests is {share * 100:F0}% of the usual {usual:N0} for a {date.DayOfWeek} and it is no holiday: " +
               $"a partial day kept by the nightly job ({listed}).";
    }
}

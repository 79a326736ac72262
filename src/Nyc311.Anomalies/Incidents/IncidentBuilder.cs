using Nyc311.Anomalies.Detection;
using Nyc311.Anomalies.Series;

namespace Nyc311.Anomalies.Incidents;

/// <summary>An anomalous (or data-problem) day of one series, as detection flagged it.</summary>
/// <param name="Series">The series.</param>
/// <param name="Kind">Spike, drop or data problem.</param>
/// <param name="Score">The day's score (for a data problem only observed and expected are meaningful).</param>
/// <param name="PValue">The p-value after the false-discovery-rate correction (NaN for a data problem).</param>
/// <param name="Note">For a data problem, the finding's explanation.</param>
internal sealed record FlaggedDay(SeriesKey Series, IncidentKind Kind, DayScore Score, double PValue, string? Note = null);

/// <summary>
/// Turns flagged days into incidents: consecutive days of one series and kind are one incident, and a run
/// of days that touches or overlaps an incident already stored continues it (same id, so one alert).
/// </summary>
internal static class IncidentBuilder
{
    public static List<Incident> Build(
        IEnumerable<FlaggedDay> days,
        IReadOnlyList<Incident> existing,
        Func<FlaggedDay, string> contributors,
        string detector,
        string runId,
        DateTimeOffset now)
    {
        var stored = existing.ToList();
        var result = new Dictionary<string, Incident>(StringComparer.Ordinal);
        foreach (var group in days.GroupBy(d => (d.Series, d.Kind)).OrderBy(g => g.Key.Series).ThenBy(g => g.Key.Kind))
        {
            foreach (var run in ConsecutiveRuns(group.OrderBy(d => d.Score.Date).ToList()))
            {
                var first = run[0].Score.Date;
                var last = run[^1].Score.Date;
                var continued = stored
                    .Where(i => i.Kind == group.Key.Kind && i.ComplaintType == group.Key.Series.ComplaintType && i.Borough == group.Key.Series.Borough
                        && i.StartDate.DayNumber <= last.DayNumber + 1 && i.EndDate.DayNumber >= first.DayNumber - 1)
                    .OrderBy(i => i.StartDate)
                    .FirstOrDefault();
                var peak = Peak(run);
                var start = continued is null ? first : Min(continued.StartDate, first);
                var end = continued is null ? last : Max(continued.EndDate, last);
                var keepStoredPeak = continued is not null && group.Key.Kind != IncidentKind.DataProblem && (continued.PeakDate < first || continued.PeakDate > last)
                    && Size(group.Key.Kind, continued.Observed, continued.Expected) > Size(group.Key.Kind, peak.Score.Observed, peak.Score.Expected);
                var incident = keepStoredPeak
                    ? continued! with { StartDate = start, EndDate = end }
                    : FromPeak(peak, contributors(peak)) with { StartDate = start, EndDate = end };
                incident = incident with
                {
                    IncidentId = continued?.IncidentId ?? Incident.IdFor(group.Key.Series.ComplaintType, group.Key.Series.Borough, group.Key.Kind, first),
                    Explanation = Explain(group.Key.Kind, keepStoredPeak ? null : peak, incident, start, end),
                    Detector = keepStoredPeak ? continued!.Detector : detector,
                    RunId = runId,
                    Status = continued?.Status ?? IncidentStatus.Open,
                    DetectedAt = continued?.DetectedAt ?? now,
                    UpdatedAt = now,
                };
                if (continued is not null)
                {
                    stored.Remove(continued);
                }

                stored.Add(incident);
                result[incident.IncidentId] = incident;
            }
        }

        return [.. result.Values];
    }

    private static Incident FromPeak(FlaggedDay peak, string contributors) => new()
    {
        IncidentId = "",
        ComplaintType = peak.Series.ComplaintType,
        Borough = peak.Series.Borough,
        Kind = peak.Kind,
        StartDate = peak.Score.Date,
        EndDate = peak.Score.Date,
        PeakDate = peak.Score.Date,
        Observed = peak.Score.Observed,
        Expected = Math.Round(peak.Score.Expected, 3),
        Lower = peak.Score.Lower,
        Upper = peak.Score.Upper,
        PValue = peak.PValue,
        Severity = IncidentText.Severity(peak.Kind, peak.Score.Observed, peak.Score.Expected, peak.PValue),
        Explanation = "",
        Contributors = contributors,
        Detector = "",
        RunId = "",
        DetectedAt = default,
        UpdatedAt = default,
    };

    private static string Explain(IncidentKind kind, FlaggedDay? peak, Incident incident, DateOnly start, DateOnly end)
    {
        if (kind == IncidentKind.DataProblem)
        {
            var note = peak?.Note ?? incident.Explanation;
            return end > start ? $"{note} ({end.DayNumber - start.DayNumber + 1} days from {start:yyyy-MM-dd} to {end:yyyy-MM-dd})" : note;
        }

        return IncidentText.Explain(new SeriesKey(incident.ComplaintType, incident.Borough), kind, incident.Observed, incident.Expected, incident.Lower, incident.Upper, start, end, incident.PeakDate);
    }

    // The peak is the day furthest from expected in the incident's direction.
    private static FlaggedDay Peak(List<FlaggedDay> run) => run.MaxBy(d => Size(d.Kind, d.Score.Observed, d.Score.Expected))!;

    private static double Size(IncidentKind kind, double observed, double expected) => kind switch
    {
        IncidentKind.Drop => expected - observed,
        IncidentKind.Spike => observed - expected,
        _ => Math.Abs(expected - observed),
    };

    private static IEnumerable<List<FlaggedDay>> ConsecutiveRuns(List<FlaggedDay> sorted)
    {
        var run = new List<FlaggedDay>();
        foreach (var day in sorted)
        {
            if (run.Count > 0 && day.Score.Date.DayNumber != run[^1].Score.Date.DayNumber + 1)
            {
                yield return run;
                run = [];
            }

            run.Add(day);
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}

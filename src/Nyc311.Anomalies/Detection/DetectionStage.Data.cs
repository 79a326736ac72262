using Nyc311.Anomalies.Health;
using Nyc311.Anomalies.Incidents;
using Nyc311.Anomalies.Maths;
using Nyc311.Anomalies.Series;

namespace Nyc311.Anomalies.Detection;

public static partial class DetectionStage
{
    // The citywide total shows partial days and gaps; its copy is cleaned as it is checked.
    private static List<DataHealthFinding> CheckTotals(Dictionary<SeriesKey, DailySeries> series, DateOnly start, AnomalyOptions options) =>
        series.TryGetValue(SeriesKey.Citywide, out var total)
            ? TotalHealthCheck.Run(total.Key, (double[])total.Values.Clone(), start, 0, options)
            : [];

    private static void RemoveDays(IEnumerable<DailySeries> series, IReadOnlySet<DateOnly> days)
    {
        foreach (var s in series)
        {
            foreach (var day in days)
            {
                var i = s.IndexOf(day);
                if (i >= 0 && i < s.Count)
                {
                    s.Values[i] = double.NaN;
                }
            }
        }
    }

    private static List<DataHealthFinding> Reclassifications(DateOnly day, Dictionary<SeriesKey, DailySeries> series, Dictionary<SeriesKey, DayScore> scores, AnomalyOptions options)
    {
        var types = series.Values
            .Where(s => s.Key.Borough == SeriesKey.All && s.Key.ComplaintType != SeriesKey.All && double.IsFinite(s.On(day)))
            .Select(s => (s.Key, s.On(day), scores.TryGetValue(s.Key, out var score) ? score : (DayScore?)null))
            .ToList();
        return ReclassificationCheck.Run(day, types, scores.TryGetValue(SeriesKey.Citywide, out var total) ? total : null, options);
    }

    /// <summary>The latest new-normal incident of each series: from its first day the series is judged at its new level.</summary>
    private static Dictionary<SeriesKey, Incident> NewNormalChanges(IReadOnlyList<Incident> incidents) =>
        incidents.Where(i => i.Status == IncidentStatus.NewNormal)
            .GroupBy(i => new SeriesKey(i.ComplaintType, i.Borough))
            .ToDictionary(g => g.Key, g => g.MaxBy(i => i.StartDate)!);

    /// <summary>
    /// The values a series is judged with on <paramref name="day"/>. After a new normal, the days before the
    /// change are rescaled to the new level (the median of up to four weeks since the change over the four
    /// weeks before it; the incident's peak ratio until a day of the new level is known), so later detection
    /// compares with the new level instead of alerting every day.
    /// </summary>
    internal static double[] ValuesFor(DailySeries series, DateOnly day, IReadOnlyDictionary<SeriesKey, Incident> newNormals)
    {
        if (!newNormals.TryGetValue(series.Key, out var change) || change.StartDate > day)
        {
            return series.Values;
        }

        var values = (double[])series.Values.Clone();
        var c = Math.Clamp(series.IndexOf(change.StartDate), 0, values.Length);
        var t = Math.Clamp(series.IndexOf(day), 0, values.Length);
        var before = RobustStatistics.Median(values.AsSpan(Math.Max(0, c - 28), c - Math.Max(0, c - 28)));
        var after = t > c ? RobustStatistics.Median(values.AsSpan(c, Math.Min(t, c + 28) - c)) : double.NaN;
        var factor = double.IsFinite(after) && before > 0
            ? after / before
            : change.Expected > 0 ? change.Observed / change.Expected : double.NaN;
        for (var i = 0; i < c; i++)
        {
            values[i] = double.IsFinite(factor) && factor > 0 ? values[i] * factor : double.NaN;
        }

        return values;
    }
}

using Nyc311.Anomalies.Detection;
using Nyc311.Anomalies.Series;

namespace Nyc311.Anomalies.Health;

/// <summary>
/// Finds bulk re-classifications on one day: a complaint type that lost most of its expected requests
/// while another gained a comparable number (within a factor of two) and the day's total stayed normal.
/// Both types' series are then left unjudged that day: the requests moved, demand did not change.
/// </summary>
internal static class ReclassificationCheck
{
    // Each side must be clearly unusual on its own before a pair is considered.
    private const double SidePValue = 1e-3;

    /// <param name="date">The day.</param>
    /// <param name="types">Type-level citywide series (<c>(type, (all))</c>): observed requests and, when the series could be judged, its score.</param>
    /// <param name="total">The citywide total's score that day, when judged.</param>
    /// <param name="options">Thresholds.</param>
    public static List<DataHealthFinding> Run(DateOnly date, IReadOnlyList<(SeriesKey Series, double Observed, DayScore? Score)> types, DayScore? total, AnomalyOptions options)
    {
        var findings = new List<DataHealthFinding>();
        var lost = types
            .Where(t => t.Score is { } s && s.Expected >= options.MinDropExpected && s.Expected - s.Observed >= options.ReclassificationShare * s.Expected && s.DropPValue <= SidePValue)
            .OrderByDescending(t => t.Score!.Value.Expected - t.Score!.Value.Observed)
            .ToList();
        var used = new HashSet<SeriesKey>();
        foreach (var loser in lost)
        {
            var deficit = loser.Score!.Value.Expected - loser.Score.Value.Observed;
            if (total is { } t && Math.Abs(t.Observed - t.Expected) > 0.5 * deficit)
            {
                continue;
            }

            var gainer = types
                .Where(g => g.Series != loser.Series && !used.Contains(g.Series))
                .Select(g => (g.Series, g.Observed, Expected: g.Score?.Expected ?? 0, SpikeP: g.Score?.SpikePValue ?? 0))
                .Where(g => g.SpikeP <= SidePValue && g.Observed - g.Expected >= 0.5 * deficit && g.Observed - g.Expected <= 2 * deficit)
                .OrderBy(g => Math.Abs(Math.Log((g.Observed - g.Expected) / deficit)))
                .FirstOrDefault();
            if (gainer.Series is null)
            {
                continue;
            }

            used.Add(loser.Series);
            used.Add(gainer.Series);
            findings.Add(new DataHealthFinding(DataProblemKind.Reclassification, date, loser.Series, loser.Observed, loser.Score.Value.Expected,
                $"Bulk re-classification on {date:yyyy-MM-dd}: {loser.Series.ComplaintType} fell to {loser.Observed:N0} requests (expected {loser.Score.Value.Expected:N0}) " +
                $"while {gainer.Series.ComplaintType} rose to {gainer.Observed:N0} (expected {gainer.Expected:N0}) and the total stayed normal: " +
                "requests moved between types; neither is judged that day.")
            {
                RelatedComplaintType = gainer.Series.ComplaintType,
            });
        }

        return findings;
    }
}

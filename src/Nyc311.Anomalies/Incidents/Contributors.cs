using System.Text.Json;
using Nyc311.Anomalies.Detection;
using Nyc311.Anomalies.Series;

namespace Nyc311.Anomalies.Incidents;

/// <summary>One series that makes up part of a rollup's excess (an element of <see cref="Incident.Contributors"/>).</summary>
/// <param name="ComplaintType">The member's complaint type.</param>
/// <param name="Borough">The member's borough.</param>
/// <param name="Observed">Its requests on the rollup's peak day.</param>
/// <param name="Expected">Its expected requests that day.</param>
/// <param name="Excess">Observed minus expected (negative for a drop).</param>
/// <param name="Share">Its excess over the rollup's excess.</param>
public sealed record Contributor(string ComplaintType, string Borough, double Observed, double Expected, double Excess, double Share);

/// <summary>
/// Drill-down for an anomaly in a rollup (citywide, a borough, all types): the (complaint type, borough)
/// series inside it that contribute most to its excess (spikes) or deficit (drops) on the peak day.
/// </summary>
public static class Contributors
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The top <paramref name="top"/> contributors, largest first; empty when the series is no rollup.</summary>
    public static IReadOnlyList<Contributor> For(SeriesKey rollup, IncidentKind kind, DayScore rollupScore, IEnumerable<(SeriesKey Series, DayScore Score)> scoresThatDay, int top = 5)
    {
        ArgumentNullException.ThrowIfNull(rollup);
        ArgumentNullException.ThrowIfNull(scoresThatDay);
        if (!rollup.IsRollup || kind == IncidentKind.DataProblem)
        {
            return [];
        }

        var sign = kind == IncidentKind.Spike ? 1 : -1;
        var total = rollupScore.Observed - rollupScore.Expected;
        return [.. scoresThatDay
            .Where(s => rollup.Contains(s.Series) && double.IsFinite(s.Score.Expected) && sign * (s.Score.Observed - s.Score.Expected) > 0)
            .OrderByDescending(s => sign * (s.Score.Observed - s.Score.Expected))
            .ThenBy(s => s.Series)
            .Take(top)
            .Select(s =>
            {
                var excess = s.Score.Observed - s.Score.Expected;
                return new Contributor(s.Series.ComplaintType, s.Series.Borough, s.Score.Observed, Math.Round(s.Score.Expected, 2), Math.Round(excess, 2),
                    Math.Abs(total) > 0 ? Math.Round(excess / total, 4) : 0);
            })];
    }

    /// <summary>The JSON array stored in <c>gold.anomalies.contributors</c>.</summary>
    public static string ToJson(IReadOnlyList<Contributor> contributors) => JsonSerializer.Serialize(contributors, Json);

    /// <summary>Reads the stored JSON array back.</summary>
    public static IReadOnlyList<Contributor> FromJson(string json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<List<Contributor>>(json, Json) ?? [];
}

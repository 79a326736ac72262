using System.Globalization;
using System.Text;
using Nyc311.Anomalies.Incidents;

namespace Nyc311.Anomalies.Evaluation;

/// <summary>How one detector's incidents of one kind were judged by operators (each incident by its latest label).</summary>
/// <param name="Detector">The detector that raised the incidents.</param>
/// <param name="Kind"><c>spike</c> or <c>drop</c>.</param>
/// <param name="Incidents">Incidents it raised.</param>
/// <param name="Labelled">Incidents with a label.</param>
/// <param name="Acknowledged">Latest label acknowledged.</param>
/// <param name="FalsePositives">Latest label false positive.</param>
/// <param name="NewNormals">Latest label new normal (a real change, so it counts as a true alarm).</param>
public sealed record LabelPrecision(string Detector, string Kind, int Incidents, int Labelled, int Acknowledged, int FalsePositives, int NewNormals)
{
    /// <summary>(labelled - false positives) / labelled: the precision operators' labels give; NaN before any label.</summary>
    public double Precision => Labelled == 0 ? double.NaN : (Labelled - FalsePositives) / (double)Labelled;
}

/// <summary>
/// The evaluation on live data: precision of each detector from the labels operators gave its incidents
/// (<c>gold.incident_feedback</c>), beside the harness's precision on injected and known events.
/// </summary>
public static class LabelEvaluation
{
    /// <summary>One row per detector and kind (spikes and drops apart; data problems are no alarms), ordered by detector.</summary>
    /// <param name="incidents">The incidents (<see cref="IncidentStore.List"/>).</param>
    /// <param name="feedback">Every label given (<see cref="IncidentStore.Feedback"/>); the latest per incident counts.</param>
    public static IReadOnlyList<LabelPrecision> ByDetector(IEnumerable<Incident> incidents, IEnumerable<IncidentFeedback> feedback)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentNullException.ThrowIfNull(feedback);
        var latest = feedback.OrderBy(f => f.At).GroupBy(f => f.IncidentId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Label, StringComparer.Ordinal);
        return [.. incidents
            .Where(i => i.Kind != IncidentKind.DataProblem)
            .GroupBy(i => (i.Detector, Kind: IncidentStore.KindText(i.Kind)))
            .OrderBy(g => g.Key.Detector, StringComparer.Ordinal).ThenBy(g => g.Key.Kind, StringComparer.Ordinal)
            .Select(g =>
            {
                var labels = g.Where(i => latest.ContainsKey(i.IncidentId)).Select(i => latest[i.IncidentId]).ToList();
                return new LabelPrecision(g.Key.Detector, g.Key.Kind, g.Count(), labels.Count,
                    labels.Count(l => l == IncidentLabel.Acknowledged), labels.Count(l => l == IncidentLabel.FalsePositive), labels.Count(l => l == IncidentLabel.NewNormal));
            })];
    }

    /// <summary>A fixed-width table of <see cref="ByDetector"/>'s rows.</summary>
    public static string Table(IEnumerable<LabelPrecision> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        List<string[]> table = [Header];
        table.AddRange(rows.Select(r => (string[])
        [
            r.Detector, r.Kind, Count(r.Incidents), Count(r.Labelled), Count(r.Acknowledged), Count(r.FalsePositives), Count(r.NewNormals),
            double.IsFinite(r.Precision) ? r.Precision.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal) : "-",
        ]));
        var widths = Enumerable.Range(0, table[0].Length).Select(c => table.Max(row => row[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in table)
        {
            text.AppendLine(string.Join("  ", row.Select((cell, c) => c < 2 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd());
        }

        return text.ToString();
    }

    private static readonly string[] Header = ["detector", "kind", "incidents", "labelled", "acknowledged", "false positive", "new normal", "precision by labels"];

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using Nyc311.Forecasting.Evaluation;
using Nyc311.Forecasting.Tuning;

namespace Nyc311.Forecasting.Platform;

/// <summary>The files a training run stores as artifacts (CSV with invariant numbers, JSON).</summary>
internal static class RunArtifacts
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static byte[] Inputs(IEnumerable<TableInput> inputs) =>
        JsonSerializer.SerializeToUtf8Bytes(
            inputs.Select(i => new { table = i.Table, version = i.Version, committed_at = i.CommittedAt.ToString("O", CultureInfo.InvariantCulture) }),
            Indented);

    public static byte[] Scores(BacktestReport report) => Csv(
        ["complaint_type", "borough", "model", "cutoff", .. MetricSet.Names],
        report.Scores.Select(s => (IEnumerable<object>)[s.Series.ComplaintType, s.Series.Borough, s.Model, s.Cutoff.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), .. Metrics(s.Metrics)]));

    public static byte[] Summary(BacktestReport report) => Csv(
        ["complaint_type", "borough", "model", "windows", .. MetricSet.Names],
        report.BySeries.Select(s => (IEnumerable<object>)[s.Series.ComplaintType, s.Series.Borough, s.Model, s.Windows, .. Metrics(s.Metrics)]));

    public static byte[] Selection(IReadOnlyList<SeriesChoice> choices, IReadOnlyList<string> models) => Csv(
        ["complaint_type", "borough", "chosen", "metric", "score", .. models],
        choices.Select(c => (IEnumerable<object>)[c.Series.ComplaintType, c.Series.Borough, c.Model, c.Metric, c.Score, .. models.Select(m => (object)c.ScoresByModel.GetValueOrDefault(m, double.NaN))]));

    public static byte[] Trials(TuningResult result, IReadOnlyList<string> parameters) => Csv(
        ["trial", "score", "error", .. parameters],
        result.Trials.Select(t => (IEnumerable<object>)[t.Number, t.Score, t.Error ?? "", .. parameters.Select(p => (object)t.Parameters.GetValueOrDefault(p, ""))]));

    private static IEnumerable<object> Metrics(MetricSet m) => MetricSet.Names.Select(n => (object)m[n]);

    private static byte[] Csv(IEnumerable<string> header, IEnumerable<IEnumerable<object>> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', header.Select(Quote)).Append('\n');
        foreach (var row in rows)
        {
            text.AppendJoin(',', row.Select(v => v switch
            {
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => Quote(Convert.ToString(v, CultureInfo.InvariantCulture) ?? ""),
            })).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}

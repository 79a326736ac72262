using System.Globalization;
using System.Text;

namespace Nyc311.Anomalies.Evaluation;

/// <summary>Renders evaluation results as fixed-width text tables.</summary>
public static class EvaluationReport
{
    /// <summary>One table: a row per method and suite at one setting.</summary>
    public static string Table(IEnumerable<MethodEvaluation> results, string setting)
    {
        ArgumentNullException.ThrowIfNull(results);
        var rows = results.Where(r => r.Setting == setting).ToList();
        var sizes = rows.SelectMany(r => r.RecallBySize.Keys).Where(k => k > 0).Distinct().Order().ToList();
        var header = new List<string> { "suite", "method", setting == "budget" ? "p threshold" : "FDR level", "events", "recall" };
        header.AddRange(sizes.Select(s => $"recall +{s * 100:0}%"));
        header.AddRange(["precision", "delay (days)", "FA/1000 normal", "alerts/normal day", "ms/series-day"]);
        var table = new List<string[]> { header.ToArray() };
        foreach (var r in rows)
        {
            var cells = new List<string>
            {
                r.Suite,
                r.Method,
                r.Threshold.ToString("G2", CultureInfo.InvariantCulture),
                r.Events.ToString(CultureInfo.InvariantCulture),
                Percent(r.Recall),
            };
            cells.AddRange(sizes.Select(s => r.RecallBySize.TryGetValue(s, out var v) && v.Events > 0 ? Percent(v.Detected / (double)v.Events) : "-"));
            cells.Add(Percent(r.Precision));
            cells.Add(double.IsFinite(r.MeanDelayDays) ? r.MeanDelayDays.ToString("0.00", CultureInfo.InvariantCulture) : "-");
            cells.Add(double.IsFinite(r.FalseAlarmsPer1000) ? r.FalseAlarmsPer1000.ToString("0.00", CultureInfo.InvariantCulture) : "-");
            cells.Add(double.IsFinite(r.AlertsPerNormalDay) ? r.AlertsPerNormalDay.ToString("0.000", CultureInfo.InvariantCulture) : "-");
            var seriesDays = Math.Max(1, r.NormalSeriesDays);
            cells.Add((r.Elapsed.TotalMilliseconds / seriesDays).ToString("0.000", CultureInfo.InvariantCulture));
            table.Add([.. cells]);
        }

        var widths = Enumerable.Range(0, header.Count).Select(c => table.Max(row => row[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var (row, index) in table.Select((row, index) => (row, index)))
        {
            text.AppendLine(string.Join("  ", row.Select((cell, c) => c < 2 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd());
            if (index == 0)
            {
                text.AppendLine(new string('-', widths.Sum() + (2 * (widths.Length - 1))));
            }
        }

        return text.ToString();
    }

    private static string Percent(double value) => double.IsFinite(value) ? value.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal) : "-";
}

using System.Globalization;
using Nyc311.Anomalies.Series;

namespace Nyc311.Anomalies.Incidents;

/// <summary>Severity and plain-language explanation of an incident.</summary>
public static class IncidentText
{
    /// <summary>
    /// <c>critical</c>, <c>high</c>, <c>medium</c> or <c>low</c>, from the size of the change on the peak day
    /// (observed against expected, as a ratio and in requests) and how sure it is (the corrected p-value).
    /// </summary>
    public static string Severity(IncidentKind kind, double observed, double expected, double pValue)
    {
        if (kind == IncidentKind.DataProblem)
        {
            return "low";
        }

        var ratio = kind == IncidentKind.Spike ? observed / Math.Max(expected, 0.5) : Math.Max(expected, 0.5) / Math.Max(observed, 0.5);
        var change = Math.Abs(observed - expected);
        var p = double.IsNaN(pValue) ? 1 : pValue;
        if ((ratio >= 5 || change >= 5000) && p <= 1e-6)
        {
            return "critical";
        }

        if ((ratio >= 2.5 || change >= 1000) && p <= 1e-4)
        {
            return "high";
        }

        return ratio >= 1.5 || change >= 200 ? "medium" : "low";
    }

    /// <summary>
    /// "Damaged Tree in Queens: 1,840 requests, expected 95 (range 70-125), 19x", followed, for an incident of
    /// several days, by its span and peak; a drop adds that it may be an outage of the intake.
    /// </summary>
    public static string Explain(SeriesKey series, IncidentKind kind, double observed, double expected, double lower, double upper, DateOnly start, DateOnly end, DateOnly peak)
    {
        ArgumentNullException.ThrowIfNull(series);
        var text = $"{series.Describe()}: {Count(observed)} requests, expected {Count(expected)} (range {Count(lower)}-{Count(upper)}), {Ratio(observed / Math.Max(expected, 0.5))}";
        if (end > start)
        {
            text += $"; {end.DayNumber - start.DayNumber + 1} days from {start:yyyy-MM-dd} to {end:yyyy-MM-dd}, peak on {peak:yyyy-MM-dd}";
        }
        else
        {
            text += $" on {peak:yyyy-MM-dd}";
        }

        return kind == IncidentKind.Drop ? text + " (a drop: check the intake before reading it as less demand)" : text;
    }

    /// <summary>A ratio as people say it: "19x", "2.5x", "0.04x".</summary>
    public static string Ratio(double ratio) => ratio switch
    {
        >= 9.95 => $"{ratio.ToString("F0", CultureInfo.InvariantCulture)}x",
        >= 0.995 => $"{ratio.ToString("0.#", CultureInfo.InvariantCulture)}x",
        _ => $"{ratio.ToString("0.0#", CultureInfo.InvariantCulture)}x",
    };

    private static string Count(double value) => double.IsFinite(value) ? Math.Round(value).ToString("N0", CultureInfo.InvariantCulture) : "?";
}

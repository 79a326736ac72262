using Nyc311.Anomalies.Detection.Expectations;
using Nyc311.Anomalies.Series;

namespace Nyc311.Anomalies.Health;

/// <summary>
/// Checks a total (the citywide series, or a stand-alone series) day by day for partial days and
/// ingestion gaps. Days found bad are removed (NaN) before later days are checked, so a cut day does
/// not drag down the level the next days are compared with.
/// </summary>
internal static class TotalHealthCheck
{
    /// <summary>The findings, in date order, for days from <paramref name="fromIndex"/> on; <paramref name="values"/> is cleaned in place.</summary>
    public static List<DataHealthFinding> Run(SeriesKey series, double[] values, DateOnly start, int fromIndex, AnomalyOptions options)
    {
        var findings = new List<DataHealthFinding>();
        var expectation = new WeekdayMedianExpectation();
        var firstValue = Array.FindIndex(values, double.IsFinite);
        if (firstValue < 0)
        {
            return findings;
        }

        for (var t = Math.Max(fromIndex, firstValue + 1); t < values.Length; t++)
        {
            var date = start.AddDays(t);
            var y = values[t];
            var from = Math.Max(0, t - options.HistoryDays);
            var expected = expectation.Fit(values.AsSpan(from..t), start.AddDays(from), 0).Expected;
            if (!double.IsFinite(y) || (y == 0 && expected >= options.PartialDayMinExpected))
            {
                findings.Add(new DataHealthFinding(DataProblemKind.IngestionGap, date, series, double.IsFinite(y) ? y : 0, expected,
                    $"Ingestion gap: no requests at all in {series.Describe()} on {date:yyyy-MM-dd} ({date.DayOfWeek}){Usual(expected, date)}; " +
                    "the day is not judged until it is loaded."));
                values[t] = double.NaN;
            }
            else if (double.IsFinite(expected) && expected >= options.PartialDayMinExpected && y < options.PartialDayShare * expected && !Holidays.IsHoliday(date))
            {
                findings.Add(new DataHealthFinding(DataProblemKind.PartialDay, date, series, y, expected,
                    $"Partial day: {series.Describe()} had {y:N0} requests on {date:yyyy-MM-dd}, {100 * y / expected:F0}% of the usual {expected:N0} for a {date.DayOfWeek}, " +
                    "and it is no holiday: the intake stopped or the export was cut; the day is not judged until it is reloaded."));
                values[t] = double.NaN;
            }
        }

        return findings;
    }

    private static string Usual(double expected, DateOnly date) =>
        double.IsFinite(expected) ? $", usually {expected:N0} on a {date.DayOfWeek}" : "";
}

using Nyc311.Anomalies.Detection;
using Nyc311.Anomalies.Health;
using Nyc311.Anomalies.Incidents;
using Nyc311.Anomalies.Series;

namespace Nyc311.Anomalies.Standalone;

/// <summary>One output row of the stand-alone mode.</summary>
/// <param name="Series">The input's series name.</param>
/// <param name="Ds">The day.</param>
/// <param name="Y">Its value (NaN when the input had none for the day).</param>
/// <param name="Expected">Expected value, from the days before only (NaN with too little history).</param>
/// <param name="Lower">Lower end of the expected range.</param>
/// <param name="Upper">Upper end of the expected range.</param>
/// <param name="PValue">The p-value in the direction of the change, after the correction across series of the day.</param>
/// <param name="Anomaly">True for a spike or a drop (a data problem is not an anomaly).</param>
/// <param name="Kind"><c>spike</c>, <c>drop</c>, <c>data_problem</c>, or empty for a normal day.</param>
public sealed record StandaloneDay(string Series, DateOnly Ds, double Y, double Expected, double Lower, double Upper, double PValue, bool Anomaly, string Kind);

/// <summary>
/// Detection for any daily series an analyst has (<c>nyc311 detect --input FILE.csv</c>): every day from
/// <c>from</c> on is judged only with the days before it, as the detector would have run that morning.
/// Each series is also checked as a total: a missing day, or a day far below its usual level on no holiday,
/// is a data problem, left out of the history of later days.
/// </summary>
public static class StandaloneDetection
{
    public static IReadOnlyList<StandaloneDay> Run(IReadOnlyList<SeriesRow> rows, DateOnly from, AnomalyOptions options, string sourceName = "input")
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var settings = DetectionSettings.From(options);
        var series = new List<(SeriesKey Key, DailySeries Raw, double[] Clean, Dictionary<DateOnly, DataHealthFinding> Problems)>();
        foreach (var group in rows.GroupBy(r => r.Series, StringComparer.Ordinal))
        {
            var start = group.Min(r => r.Ds);
            var end = group.Max(r => r.Ds);
            var values = new double[end.DayNumber - start.DayNumber + 1];
            Array.Fill(values, double.NaN);
            var seen = new HashSet<DateOnly>();
            foreach (var row in group)
            {
                if (!seen.Add(row.Ds))
                {
                    throw AnomalyInputException.BadRow(sourceName, row.Line, $"day {row.Ds:yyyy-MM-dd} appears twice in series '{group.Key}'");
                }

                values[row.Ds.DayNumber - start.DayNumber] = row.Y ?? double.NaN;
            }

            var key = new SeriesKey(group.Key, SeriesKey.All);
            var raw = new DailySeries(key, start, values);
            var clean = (double[])values.Clone();
            var problems = TotalHealthCheck.Run(key, clean, start, 0, options).ToDictionary(f => f.Date);
            series.Add((key, raw, clean, problems));
        }

        var last = series.Max(s => s.Raw.End);
        if (from > last)
        {
            throw AnomalyInputException.NothingToJudge(sourceName, from, last);
        }

        var judge = new DayJudge(options, settings);
        var output = new List<StandaloneDay>();
        for (var day = from; day <= last; day = day.AddDays(1))
        {
            var present = series.Where(s => s.Raw.Start <= day && day <= s.Raw.End).ToList();
            var scores = judge.Score(day, present.Select(s => (s.Key, s.Clean, s.Raw.Start)), _ => null);
            var judged = judge.Correct(day, scores).ToDictionary(j => j.Series);
            foreach (var s in present)
            {
                var y = s.Raw.On(day);
                if (s.Problems.TryGetValue(day, out var problem))
                {
                    output.Add(new StandaloneDay(s.Key.ComplaintType, day, y, problem.Expected, double.NaN, double.NaN, double.NaN, false, "data_problem"));
                }
                else if (judged.TryGetValue(s.Key, out var j))
                {
                    output.Add(new StandaloneDay(s.Key.ComplaintType, day, y, j.Score.Expected, j.Score.Lower, j.Score.Upper, j.PValue, j.Flag is not null,
                        j.Flag is { } kind ? IncidentStore.KindText(kind) : ""));
                }
                else
                {
                    output.Add(new StandaloneDay(s.Key.ComplaintType, day, y, double.NaN, double.NaN, double.NaN, double.NaN, false, ""));
                }
            }
        }

        return output;
    }
}

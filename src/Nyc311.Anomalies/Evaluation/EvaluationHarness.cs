using System.Diagnostics;
using Nyc311.Anomalies.Detection;
using Nyc311.Anomalies.Health;
using Nyc311.Anomalies.Maths;

namespace Nyc311.Anomalies.Evaluation;

/// <summary>How one method did on one suite of series.</summary>
/// <param name="Method">The method's name.</param>
/// <param name="Suite">The suite's name.</param>
/// <param name="Setting"><c>budget</c> (threshold set so false alarms meet the budget) or <c>fdr</c> (the production setting: Benjamini-Hochberg per day across the suite and the practical thresholds).</param>
/// <param name="Threshold">The p-value threshold (budget) or the FDR level.</param>
/// <param name="Events">Events to detect.</param>
/// <param name="Detected">Events with an alarm on one of their days.</param>
/// <param name="Precision">Alarm-days inside events over all alarm-days counted (inside events or on normal days).</param>
/// <param name="MeanDelayDays">Mean days from an event's first day to its first alarm, over detected events.</param>
/// <param name="FalseAlarms">Alarms on normal days.</param>
/// <param name="NormalSeriesDays">Judged series-days that are normal (no event, no tail, no data problem).</param>
/// <param name="NormalDates">Distinct calendar days with at least one normal series-day.</param>
/// <param name="RecallBySize">Recall per injected size (relative to the level); real events under key 0.</param>
/// <param name="Elapsed">Time spent scoring the suite with the method.</param>
public sealed record MethodEvaluation(
    string Method, string Suite, string Setting, double Threshold, int Events, int Detected, double Precision, double MeanDelayDays,
    int FalseAlarms, int NormalSeriesDays, int NormalDates, IReadOnlyDictionary<double, (int Events, int Detected)> RecallBySize, TimeSpan Elapsed)
{
    /// <summary>The alarms on normal days (series name and score), for inspection.</summary>
    public IReadOnlyList<(string Series, DayScore Score)> FalseAlarmDays { get; init; } = [];

    /// <summary>Each event with the delay of its first alarm (null when missed).</summary>
    public IReadOnlyList<(string Series, LabeledWindow Event, int? Delay)> EventOutcomes { get; init; } = [];

    public double Recall => Events == 0 ? double.NaN : Detected / (double)Events;

    /// <summary>False alarms per 1,000 normal series-days.</summary>
    public double FalseAlarmsPer1000 => NormalSeriesDays == 0 ? double.NaN : 1000.0 * FalseAlarms / NormalSeriesDays;

    /// <summary>False alerts: false alarms that start an incident (the series had no alarm the day before), since consecutive alarm days are one incident and one alert.</summary>
    public int FalseAlerts { get; init; }

    /// <summary>False alerts per normal calendar day across the suite's series: how many alerts a normal day produces.</summary>
    public double AlertsPerNormalDay => NormalDates == 0 ? double.NaN : FalseAlerts / (double)NormalDates;
}

/// <summary>What the data-health check found on a suite's totals.</summary>
/// <param name="Suite">The suite.</param>
/// <param name="Found">Days flagged as partial or gaps.</param>
/// <param name="Known">Days known to be data problems.</param>
/// <param name="Caught">Known days that were flagged.</param>
public sealed record DataHealthEvaluation(string Suite, IReadOnlyList<DataHealthFinding> Found, int Known, int Caught);

/// <summary>
/// Judges detectors instead of assuming them: every day of every series is scored from the days before
/// it, then each method is measured (recall, precision, detection delay) at a fixed false-alarm budget
/// (the p-value threshold that gives that rate on normal days) and at the production setting.
/// </summary>
public static class EvaluationHarness
{
    /// <summary>Days after an event's last day that count neither as event nor as normal (a spike's tail).</summary>
    public const int TailDays = 3;

    /// <summary>Scores the suite with every method and measures each at <paramref name="budget"/> false alarms per normal series-day and at the production setting.</summary>
    public static (IReadOnlyList<MethodEvaluation> Results, DataHealthEvaluation Health) Evaluate(string suite, IReadOnlyList<EvaluationSeries> series, IReadOnlyList<EvaluationMethod> methods, double budget)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(methods);
        var (cleaned, health) = CheckTotals(suite, series, methods.Count > 0 ? methods[0].Options : new AnomalyOptions());
        var results = new List<MethodEvaluation>();
        foreach (var method in methods)
        {
            var watch = Stopwatch.StartNew();
            var scores = cleaned.Select(s => ScoreSeries(s, method.Options)).ToList();
            watch.Stop();
            results.Add(AtBudget(method.Name, suite, cleaned, scores, budget, watch.Elapsed));
            results.Add(AtFdr(method.Name, suite, cleaned, scores, method.Options, watch.Elapsed));
        }

        return (results, health);
    }

    /// <summary>Every judged day's score (null where the day is not judged).</summary>
    internal static DayScore?[] ScoreSeries(EvaluationSeries series, AnomalyOptions options)
    {
        var scorer = new SeriesScorer(DetectionSettings.From(options));
        var scores = new DayScore?[series.Values.Length];
        var from = series.JudgeFrom is { } f ? Math.Max(0, f.DayNumber - series.Start.DayNumber) : 0;
        Parallel.For(from, series.Values.Length, t =>
        {
            var day = series.Start.AddDays(t);
            if (series.JudgeOnly is null || series.JudgeOnly.Any(w => w.Contains(day)))
            {
                scores[t] = scorer.Score(series.Values, series.Start, t);
            }
        });
        return scores;
    }

    private static (List<EvaluationSeries> Cleaned, DataHealthEvaluation Health) CheckTotals(string suite, IReadOnlyList<EvaluationSeries> series, AnomalyOptions options)
    {
        var cleaned = new List<EvaluationSeries>();
        var found = new List<DataHealthFinding>();
        var known = 0;
        var caught = 0;
        foreach (var s in series)
        {
            if (!s.IsTotal)
            {
                cleaned.Add(s);
                continue;
            }

            var values = (double[])s.Values.Clone();
            var findings = TotalHealthCheck.Run(new Series.SeriesKey(s.Name, Series.SeriesKey.All), values, s.Start, 0, options);
            found.AddRange(findings);
            known += s.KnownDataProblems.Count;
            caught += s.KnownDataProblems.Count(d => findings.Any(f => f.Date == d));
            cleaned.Add(s with { Values = values });
        }

        return (cleaned, new DataHealthEvaluation(suite, found, known, caught));
    }

    private enum DayClass
    {
        Normal,
        Event,
        Excluded,
    }

    private static DayClass Classify(EvaluationSeries series, DateOnly day) =>
        series.Events.Any(e => e.Contains(day)) ? DayClass.Event
        : series.Events.Any(e => day > e.End && day <= e.End.AddDays(TailDays)) || series.Ignored.Any(w => w.Contains(day)) ? DayClass.Excluded
        : DayClass.Normal;

    private static MethodEvaluation AtBudget(string method, string suite, List<EvaluationSeries> series, List<DayScore?[]> scores, double budget, TimeSpan elapsed)
    {
        var normal = new List<(double P, double Z)>();
        for (var i = 0; i < series.Count; i++)
        {
            for (var t = 0; t < scores[i].Length; t++)
            {
                if (scores[i][t] is { } s && Classify(series[i], series[i].Start.AddDays(t)) == DayClass.Normal)
                {
                    normal.Add(Rank(s));
                }
            }
        }

        normal.Sort(CompareRank);
        var k = (int)Math.Floor(budget * normal.Count);
        var threshold = k < normal.Count ? normal[k] : (P: 2.0, Z: 0.0);
        return Measure(method, suite, "budget", Math.Min(1, threshold.P), series, scores, (i, t, s) => CompareRank(Rank(s), threshold) < 0, elapsed);
    }

    // Tail probabilities underflow to 0 for the most extreme days; the standardised excess orders those.
    private static (double P, double Z) Rank(DayScore s) => (double.IsNaN(s.SpikePValue) ? 1 : s.SpikePValue, -(s.Observed - s.Expected) / Math.Sqrt(Math.Max(s.Expected, 1)));

    private static int CompareRank((double P, double Z) a, (double P, double Z) b) => a.P != b.P ? a.P.CompareTo(b.P) : a.Z.CompareTo(b.Z);

    private static MethodEvaluation AtFdr(string method, string suite, List<EvaluationSeries> series, List<DayScore?[]> scores, AnomalyOptions options, TimeSpan elapsed)
    {
        // Benjamini-Hochberg per calendar day across the suite's series, as detection runs it.
        var alarms = new HashSet<(int Series, int Index)>();
        var byDate = new Dictionary<DateOnly, List<(int Series, int Index, DayScore Score)>>();
        for (var i = 0; i < series.Count; i++)
        {
            for (var t = 0; t < scores[i].Length; t++)
            {
                if (scores[i][t] is { } s)
                {
                    var day = series[i].Start.AddDays(t);
                    if (!byDate.TryGetValue(day, out var list))
                    {
                        byDate[day] = list = [];
                    }

                    list.Add((i, t, s));
                }
            }
        }

        foreach (var list in byDate.Values)
        {
            var q = BenjaminiHochberg.Adjust([.. list.Select(x => x.Score.SpikePValue)]);
            for (var j = 0; j < list.Count; j++)
            {
                var s = list[j].Score;
                if (q[j] <= options.FdrLevel && s.Observed >= options.MinObserved && s.Observed - s.Expected >= options.MinExcess)
                {
                    alarms.Add((list[j].Series, list[j].Index));
                }
            }
        }

        return Measure(method, suite, "fdr", options.FdrLevel, series, scores, (i, t, _) => alarms.Contains((i, t)), elapsed);
    }

    private static MethodEvaluation Measure(string method, string suite, string setting, double threshold, List<EvaluationSeries> series, List<DayScore?[]> scores, Func<int, int, DayScore, bool> alarm, TimeSpan elapsed)
    {
        int events = 0, detected = 0, eventAlarms = 0, falseAlarms = 0, falseAlerts = 0, normalDays = 0;
        var falseAlarmDays = new List<(string, DayScore)>();
        var outcomes = new List<(string, LabeledWindow, int?)>();
        var delays = new List<int>();
        var normalDates = new HashSet<DateOnly>();
        var bySize = new SortedDictionary<double, (int Events, int Detected)>();
        for (var i = 0; i < series.Count; i++)
        {
            var s = series[i];
            var firedBefore = false;
            for (var t = 0; t < scores[i].Length; t++)
            {
                if (scores[i][t] is not { } score)
                {
                    firedBefore = false;
                    continue;
                }

                var day = s.Start.AddDays(t);
                var fired = alarm(i, t, score);
                var startsIncident = fired && !firedBefore;
                firedBefore = fired;
                switch (Classify(s, day))
                {
                    case DayClass.Normal:
                        normalDays++;
                        normalDates.Add(day);
                        falseAlarms += fired ? 1 : 0;
                        falseAlerts += startsIncident ? 1 : 0;
                        if (fired)
                        {
                            falseAlarmDays.Add((s.Name, score));
                        }

                        break;
                    case DayClass.Event:
                        eventAlarms += fired ? 1 : 0;
                        break;
                }
            }

            foreach (var e in s.Events)
            {
                var judged = false;
                int? first = null;
                for (var day = e.Start; day <= e.End; day = day.AddDays(1))
                {
                    var t = day.DayNumber - s.Start.DayNumber;
                    if (t >= 0 && t < scores[i].Length && scores[i][t] is { } score)
                    {
                        judged = true;
                        if (first is null && alarm(i, t, score))
                        {
                            first = day.DayNumber - e.Start.DayNumber;
                        }
                    }
                }

                if (!judged)
                {
                    continue;
                }

                events++;
                outcomes.Add((s.Name, e, first));
                var size = e.Size ?? 0;
                var (n, d) = bySize.GetValueOrDefault(size);
                bySize[size] = (n + 1, d + (first is null ? 0 : 1));
                if (first is { } delay)
                {
                    detected++;
                    delays.Add(delay);
                }
            }
        }

        var precision = eventAlarms + falseAlarms == 0 ? double.NaN : eventAlarms / (double)(eventAlarms + falseAlarms);
        return new MethodEvaluation(method, suite, setting, threshold, events, detected, precision, delays.Count == 0 ? double.NaN : delays.Average(),
            falseAlarms, normalDays, normalDates.Count, bySize, elapsed)
        {
            FalseAlerts = falseAlerts,
            FalseAlarmDays = falseAlarmDays,
            EventOutcomes = outcomes,
        };
    }
}

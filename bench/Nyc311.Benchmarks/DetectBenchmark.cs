using System.Diagnostics;
using System.Globalization;
using Nyc311.Anomalies;
using Nyc311.Anomalies.Evaluation;
using Nyc311.Anomalies.Maths;
using Nyc311.Simulation;

namespace Nyc311.Benchmarks;

/// <summary>
/// Issue 7's evaluation: precision, recall and detection delay of each detector (the plain forecast-interval
/// method included) at a fixed false-alarm budget and at the production setting (Benjamini-Hochberg per day),
/// on spikes injected into real series (the citywide daily totals, the real Street Flooding series) and into
/// simulated (complaint type, borough) series, on the real citywide totals around the public events the
/// simulator lists (storms, blizzards, the 2020 fireworks surge) at their real dates, and on every simulated
/// series untouched (how many alerts a normal day produces across hundreds of series).
/// </summary>
internal static class DetectBenchmark
{
    public static int Run(BenchmarkArgs args)
    {
        var budget = double.Parse(args.String("budget", "0.001"), CultureInfo.InvariantCulture);
        var prophet = args.String("prophet", "true") == "true";
        var simFrom = DateOnly.Parse(args.String("sim-from", "2025-02-01"), CultureInfo.InvariantCulture);
        var simTo = DateOnly.Parse(args.String("sim-to", "2026-08-05"), CultureInfo.InvariantCulture);
        var simSeries = (int)args.Long("sim-series", 40);
        var methods = Methods(args.String("methods", "all"));
        var total = Stopwatch.StartNew();

        var simulated = Simulate(simFrom, simTo);
        var suites = new List<(string Name, IReadOnlyList<EvaluationSeries> Series, IReadOnlyList<EvaluationMethod> Methods)>
        {
            ("real-events", [RealEvents()], methods),
            ("real-inj-total", [RealInjectedTotal()], methods),
            ("real-inj-flood", [RealInjectedFlooding()], methods),
            ("sim-injected", [.. SimulatedInjected(simulated, simFrom, simTo, simSeries)], methods),
            ("sim-all-normal", [.. SimulatedNormal(simulated, simFrom, simTo)], methods),
        };
        if (prophet)
        {
            suites.Add(("real-events*", [RealEvents() with { JudgeOnly = EventWindows(60) }], ProphetMethods()));
        }

        var results = new List<MethodEvaluation>();
        foreach (var (name, series, suiteMethods) in suites)
        {
            var watch = Stopwatch.StartNew();
            var (evaluation, health) = EvaluationHarness.Evaluate(name, series, suiteMethods, budget);
            results.AddRange(evaluation);
            Console.WriteLine($"{name}: {series.Count} series, {series.Sum(s => s.Events.Count)} events, {suiteMethods.Count} methods, {watch.Elapsed.TotalSeconds:N1} s");
            if (health.Known > 0 || health.Found.Count > 0)
            {
                Console.WriteLine($"  data health: {health.Found.Count} day(s) flagged as partial or gaps; {health.Caught} of the {health.Known} known partial days caught: " +
                    string.Join(", ", health.Found.Select(f => $"{f.Date:yyyy-MM-dd} {f.Kind} {f.Observed:N0}/{f.Expected:N0}")));
            }
        }

        Console.WriteLine();
        Console.WriteLine($"At a fixed false-alarm budget: {budget * 1000:0.##} false alarms per 1,000 normal series-days (the p-value threshold of each method is set on the normal days):");
        Console.WriteLine(EvaluationReport.Table(results, "budget"));
        Console.WriteLine($"At the production setting (Benjamini-Hochberg at FDR {new AnomalyOptions().FdrLevel} per day across the suite's series, at least {new AnomalyOptions().MinObserved} requests and {new AnomalyOptions().MinExcess} above expected):");
        Console.WriteLine(EvaluationReport.Table(results, "fdr"));
        Console.WriteLine("""
            recall: share of events with an alarm on one of their days; delay: days from an event's first day to its first alarm
            (an injected spike adds half its size on day 0, its full size on day 1 and half on day 2); precision: alarm-days inside events
            over alarm-days inside events or on normal days (the 3 days after an event, yearly July 4 / New Year windows and data problems
            are neither); real-events*: the Prophet-based methods judged only within 60 days of each event, so they stay affordable;
            sim-all-normal: every simulated (type, borough) series with nothing injected, so its alerts per normal day (incidents
            started: consecutive alarm days of a series are one alert) are what a normal day produces at production scale.
            """);
        if (args.String("dump", "") is { Length: > 0 } dump)
        {
            foreach (var r in results.Where(r => r.Method.StartsWith(dump, StringComparison.Ordinal)))
            {
                Console.WriteLine($"{r.Suite} {r.Method} {r.Setting}: false alarms");
                foreach (var (s, score) in r.FalseAlarmDays.Take(40))
                {
                    Console.WriteLine($"  {s} {score.Date:yyyy-MM-dd} {score.Date.DayOfWeek} observed {score.Observed:N0} expected {score.Expected:N1} ({score.Lower:N0}-{score.Upper:N0}) p {score.SpikePValue:G3}");
                }

                foreach (var (s, e, delay) in r.EventOutcomes.Where(o => o.Event.Size is null))
                {
                    Console.WriteLine($"  event {s} {e.Label} {e.Start:yyyy-MM-dd}..{e.End:yyyy-MM-dd}: {(delay is { } d ? $"detected after {d} day(s)" : "missed")}");
                }
            }
        }

        Console.WriteLine($"total {total.Elapsed.TotalSeconds:N0} s, peak working set: {Measure.PeakMemory()}");
        return 0;
    }

    private static List<EvaluationMethod> Methods(string which)
    {
        var all = new List<EvaluationMethod>
        {
            new("forecast_interval (plain)", new AnomalyOptions { Detector = "forecast_interval" }),
            new("count_forecast poisson", new AnomalyOptions { Detector = "count_forecast", Distribution = "poisson" }),
            new("count_forecast negbin", new AnomalyOptions { Detector = "count_forecast" }),
            new("robust_z", new AnomalyOptions { Detector = "robust_z" }),
            new("stl", new AnomalyOptions { Detector = "stl" }),
            new("ensemble", new AnomalyOptions { Detector = "ensemble" }),
        };
        return which == "all" ? all : [.. all.Where(m => which.Split(',').Any(w => m.Name.StartsWith(w, StringComparison.Ordinal)))];
    }

    private static List<EvaluationMethod> ProphetMethods() =>
    [
        new("forecast_interval prophet", new AnomalyOptions { Detector = "forecast_interval", Expectation = "prophet", HistoryDays = 365, MinHistoryDays = 56 }),
        new("count_forecast prophet", new AnomalyOptions { Detector = "count_forecast", Expectation = "prophet", HistoryDays = 365, MinHistoryDays = 56 }),
        new("count_forecast negbin", new AnomalyOptions { Detector = "count_forecast" }),
        new("ensemble", new AnomalyOptions { Detector = "ensemble" }),
    ];

    /// <summary>The days of the yearly events (July 4, New Year), real in the real series and modelled by the simulator: neither events nor normal days.</summary>
    private static List<LabeledWindow> YearlyEvents(DateOnly from, DateOnly to)
    {
        var yearly = new List<LabeledWindow>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (CalibrationFacts.Events.Any(e => e.When.StartsWith("every year", StringComparison.Ordinal) && e.IsActiveOn(day)))
            {
                yearly.Add(new LabeledWindow(day, day, "yearly event"));
            }
        }

        return yearly;
    }

    /// <summary>The real citywide totals, 2010-2026, labelled with the simulator's dated public events.</summary>
    private static EvaluationSeries RealEvents()
    {
        var totals = CalibrationFacts.DailyTotals;
        var values = totals.Days.Select(d => (double)d.PublishedRequests).ToArray();
        var yearly = YearlyEvents(totals.First, totals.Last);
        return new EvaluationSeries("citywide total", "real", totals.First, values)
        {
            IsTotal = true,
            Events = [.. DatedEvents()],
            Ignored = yearly,
            KnownDataProblems = [.. totals.MissingDays.Select(m => m.Date)],
            JudgeFrom = totals.First.AddDays(91),
        };
    }

    private static IEnumerable<LabeledWindow> DatedEvents() =>
        CalibrationFacts.Events
            .Where(e => !e.When.StartsWith("every year", StringComparison.Ordinal))
            .Select(e =>
            {
                var parts = e.When.Split("..");
                return new LabeledWindow(DateOnly.Parse(parts[0], CultureInfo.InvariantCulture), DateOnly.Parse(parts[1], CultureInfo.InvariantCulture), e.Name);
            });

    private static List<LabeledWindow> EventWindows(int margin) =>
        [.. DatedEvents().Select(e => e with { Start = e.Start.AddDays(-margin), End = e.End.AddDays(margin) })];

    /// <summary>Spikes of 10-40% injected into the last two years of the real citywide totals.</summary>
    private static EvaluationSeries RealInjectedTotal()
    {
        var totals = CalibrationFacts.DailyTotals;
        var from = totals.Last.AddDays(-729);
        var values = Enumerable.Range(0, 730).Select(i => (double)totals.PublishedOn(from.AddDays(i))).ToArray();
        var citywide = new EvaluationSeries("citywide total 2024-2026", "real", from, values)
        {
            IsTotal = true,
            KnownDataProblems = [.. totals.MissingDays.Select(m => m.Date).Where(d => d >= from)],
            JudgeFrom = from.AddDays(91),
            Ignored = YearlyEvents(from, totals.Last),
        };
        return SpikeInjector.Inject(citywide, [0.1, 0.2, 0.4], 18, from.AddDays(91), seed: 7);
    }

    /// <summary>
    /// Spikes of 50-200% injected into the real Street Flooding series (2010-2020). Its own rain-storm days are real
    /// anomalies, not normal days: a day of the uninjected series above three times the median of the four weeks
    /// before it (and at least 20 requests), and the two days after it, are left out of the count of normal days.
    /// </summary>
    private static EvaluationSeries RealInjectedFlooding()
    {
        var floodStart = new DateOnly(2010, 1, 2);
        var floodEnd = new DateOnly(2020, 12, 31);
        var flood = Enumerable.Range(0, floodEnd.DayNumber - floodStart.DayNumber + 1)
            .Select(i => (double)(CalibrationFacts.StreetFloodingOn(floodStart.AddDays(i)) ?? 0)).ToArray();
        var storms = new List<LabeledWindow>();
        for (var t = 28; t < flood.Length; t++)
        {
            var median = RobustStatistics.Median(flood.AsSpan(t - 28, 28));
            if (flood[t] >= 20 && flood[t] > 3 * median)
            {
                storms.Add(new LabeledWindow(floodStart.AddDays(t), floodStart.AddDays(t + 2), "real rain storm"));
            }
        }

        var floodSeries = new EvaluationSeries("Street Flooding citywide 2010-2020", "real", floodStart, flood)
        {
            JudgeFrom = floodStart.AddDays(91),
            Ignored = [.. DatedEvents(), .. storms],
        };
        Console.WriteLine($"Street Flooding 2010-2020: {storms.Count} real rain-storm days (over 3x the 4-week median) left out of the normal days");
        return SpikeInjector.Inject(floodSeries, [0.5, 1, 2], 60, floodStart.AddDays(91), seed: 11);
    }

    /// <summary>Every simulated (complaint type, borough) series, requests per day.</summary>
    private static Dictionary<(string Type, string Borough), double[]> Simulate(DateOnly from, DateOnly to)
    {
        var simulator = new ServiceRequestSimulator(new SimulatorOptions { From = from, To = to, IncludeQualityProblems = false });
        var days = to.DayNumber - from.DayNumber + 1;
        var counts = new Dictionary<(string Type, string Borough), double[]>();
        var watch = Stopwatch.StartNew();
        foreach (var day in simulator.GenerateDays())
        {
            var index = day.Date.DayNumber - from.DayNumber;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var record in day.Records)
            {
                if (record["unique_key"] is not { } key || !seen.Add(key))
                {
                    continue;
                }

                var series = (record["complaint_type"] ?? "?", record["borough"] ?? "?");
                if (!counts.TryGetValue(series, out var values))
                {
                    counts[series] = values = new double[days];
                }

                values[index]++;
            }
        }

        Console.WriteLine($"simulated {from:yyyy-MM-dd}..{to:yyyy-MM-dd}: {counts.Count:N0} (type, borough) series in {watch.Elapsed.TotalSeconds:N1} s");
        return counts;
    }

    // Missing days of the real series are empty in the simulator: they are not days of the series.
    private static double[] WithoutMissingDays(double[] values, DateOnly from) =>
        [.. values.Select((v, i) => CalibrationFacts.DailyTotals.IsMissing(from.AddDays(i)) ? double.NaN : v)];

    /// <summary>Simulated (complaint type, borough) series: the largest ones and some small ones, with injected spikes.</summary>
    private static IEnumerable<EvaluationSeries> SimulatedInjected(Dictionary<(string Type, string Borough), double[]> counts, DateOnly from, DateOnly to, int count)
    {
        var ranked = counts.OrderByDescending(c => c.Value.Sum()).ToList();
        var chosen = ranked.Take(count * 3 / 4).Concat(ranked.Skip(count * 3).Take(count / 4)).ToList();
        var n = 0;
        foreach (var ((type, borough), values) in chosen)
        {
            var series = new EvaluationSeries($"{type} / {borough}", "simulated", from, WithoutMissingDays(values, from)) { JudgeFrom = from.AddDays(91), Ignored = YearlyEvents(from, to) };
            yield return SpikeInjector.Inject(series, [0.5, 1, 2], 6, from.AddDays(91), seed: 100 + n++);
        }
    }

    /// <summary>
    /// Every simulated (complaint type, borough) series as it is, with nothing injected: what a normal day produces
    /// across hundreds of series (every alarm outside the yearly events is a false one).
    /// </summary>
    private static IEnumerable<EvaluationSeries> SimulatedNormal(Dictionary<(string Type, string Borough), double[]> counts, DateOnly from, DateOnly to) =>
        counts.OrderBy(c => c.Key.Type, StringComparer.Ordinal).ThenBy(c => c.Key.Borough, StringComparer.Ordinal)
            .Select(c => new EvaluationSeries($"{c.Key.Type} / {c.Key.Borough}", "simulated", from, WithoutMissingDays(c.Value, from)) { JudgeFrom = from.AddDays(91), Ignored = YearlyEvents(from, to) });
}

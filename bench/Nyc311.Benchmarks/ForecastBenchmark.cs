using System.Diagnostics;
using System.Globalization;
using Nyc311.Forecasting.Evaluation;
using Nyc311.Forecasting.Models;
using Nyc311.Forecasting.Platform;
using Nyc311.Forecasting.Series;
using Nyc311.Lake;
using Nyc311.Lake.Catalog;
using Nyc311.Lake.Operations;
using Nyc311.Lake.Schema;
using Nyc311.Lake.Sql;
using Nyc311.Simulation;
using Nyc311.Testing;

namespace Nyc311.Benchmarks;

/// <summary>
/// Issue 6's benchmarks. Scale: fit and forecast (28 days) every series of two years of simulated gold (each
/// complaint type by borough with at least --min-daily requests a day, plus rollups) with each model: total
/// seconds, milliseconds per series, peak memory, and the ratio to seasonal naive. Accuracy: rolling-origin
/// backtests on the real citywide daily totals and on the simulated series: each model's MASE and interval
/// coverage against seasonal naive. Stage: what <c>nyc311 run</c> costs after gold, <see cref="ForecastStage.Run"/> with the
/// default options, first training a champion (none exists yet), then applying it.
/// </summary>
internal static class ForecastBenchmark
{
    public static int Run(BenchmarkArgs args)
    {
        var to = DateOnly.Parse(args.String("to", "2026-08-05"), CultureInfo.InvariantCulture);
        var from = DateOnly.Parse(args.String("from", to.AddYears(-2).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var models = args.String("models", string.Join(',', ModelNames.All)).Split(',').Select(ModelNames.Parse).ToList();
        var minDaily = double.Parse(args.String("min-daily", "1"), CultureInfo.InvariantCulture);
        var accuracySeries = (int)args.Long("accuracy-series", 60);
        var stage = bool.Parse(args.String("stage", "true"));
        var folder = args.Folder("forecast");
        Directory.CreateDirectory(folder);
        try
        {
            var catalog = args.String("lake", "") is { Length: > 0 } lake
                ? new LakeCatalog(new LakeOptions { Root = lake })
                : SimulatedGold(Path.Combine(folder, "lake"), from, to);
            var watch = Stopwatch.StartNew();
            var gold = GoldDailyCounts.Read(catalog, new SeriesFilter { MinimumMeanDaily = minDaily });
            Console.WriteLine($"read {gold.Series.Count:N0} series ({gold.Series.Count(s => s.Key.ComplaintType == SeriesKey.All || s.Key.Borough == SeriesKey.All):N0} rollups) of {gold.Series.Max(s => s.Length):N0} days from {GoldDailyCounts.TableName} v{gold.Input.Version} in {watch.Elapsed.TotalSeconds:N1} s");
            Scale(gold.Series, models);
            Accuracy("real citywide daily totals (2010-2026), 6 cut-offs 28 days apart in the last year", [Citywide()], models, new BacktestOptions { Cutoffs = 6, Parallelism = 2 });
            var busiest = gold.Series.OrderByDescending(s => s.RecentMean(56)).ThenBy(s => s.Key).Take(accuracySeries).ToList();
            Accuracy($"simulated gold, the {busiest.Count} busiest series, 3 cut-offs", busiest, models, new BacktestOptions { Cutoffs = 3, Parallelism = 2 });
            if (stage)
            {
                Stage(catalog, new ForecastingOptions { Series = new SeriesFilter { MinimumMeanDaily = minDaily }, TrackingRoot = Path.Combine(folder, "mlruns"), RegistryRoot = Path.Combine(folder, "registry") });
            }

            Console.WriteLine($"peak working set: {Measure.PeakMemory()}");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Scale(IReadOnlyList<DailySeries> series, List<string> models)
    {
        Console.WriteLine();
        Console.WriteLine($"fit + forecast 28 days of every series ({series.Count:N0}), 2 series at a time:");
        var settings = new ForecastSettings { Horizon = 28, Parallelism = 2 };
        var times = new Dictionary<string, TimeSpan>();
        foreach (var model in models)
        {
            var forecaster = Forecasters.Create(new ModelSpec(model));
            var elapsed = Measure.Once(() => forecaster.Forecast(series, settings));
            times[model] = elapsed;
            var ratio = times.TryGetValue(ModelNames.SeasonalNaive, out var baseline) ? $"{elapsed / baseline,8:N1}x seasonal naive" : "";
            Console.WriteLine($"  {model,-15} {elapsed.TotalSeconds,8:N1} s  {elapsed.TotalMilliseconds / series.Count,8:N1} ms/series  {ratio}  peak {Measure.PeakMemory()}");
        }
    }

    private static void Accuracy(string title, IReadOnlyList<DailySeries> series, List<string> models, BacktestOptions options)
    {
        Console.WriteLine();
        Console.WriteLine($"accuracy on {title} (horizon {options.Horizon}, 80% intervals):");
        var watch = Stopwatch.StartNew();
        var report = Backtester.Run(series, [.. models.Select(m => new ModelSpec(m))], options);
        var byModel = report.ByModel();
        var naive = byModel.GetValueOrDefault(ModelNames.SeasonalNaive);
        Console.WriteLine($"  {"model",-15} {"MASE",7} {"vs naive",9} {"sMAPE %",8} {"coverage",9} {"vs naive",9} {"series won",11}");
        var choices = ModelSelection.Choose(report);
        foreach (var (model, m) in byModel)
        {
            Console.WriteLine($"  {model,-15} {m.Mase,7:N3} {(naive is null ? "" : $"{m.Mase / naive.Mase:N2}x"),9} {m.Smape,8:N1} {m.Coverage,9:P0} {(naive is null ? "" : $"{m.Coverage - naive.Coverage:+0.00;-0.00}"),9} {choices.Count(c => c.Model == model),11}");
        }

        Console.WriteLine($"  per-series choice: mean MASE {choices.Average(c => c.Score):N3} ({watch.Elapsed.TotalSeconds:N0} s)");
    }

    /// <summary>The forecast stage of <c>nyc311 run</c>: train (no champion yet), then apply the champion; each step's start is printed with the elapsed time.</summary>
    private static void Stage(LakeCatalog catalog, ForecastingOptions options)
    {
        Console.WriteLine();
        Console.WriteLine("forecast stage of nyc311 run (ForecastStage.Run, default options):");
        var watch = Stopwatch.StartNew();
        var progress = new StepClock(watch);
        var trained = ForecastStage.Run(catalog, options, TimeProvider.System, progress);
        var training = watch.Elapsed;
        var result = trained.Training!;
        Console.WriteLine($"  train (no champion): {training.TotalSeconds,8:N1} s for {result.Series:N0} series, {result.Tuning.Values.Sum(t => t.Trials.Count)} tuning trials, champion MASE {result.ChampionMase:N3} ({Models(result.Written.SeriesByModel)}); peak {Measure.PeakMemory()}");
        watch.Restart();
        var applied = ForecastStage.Run(catalog, options, TimeProvider.System, progress);
        Console.WriteLine($"  apply champion v{applied.ModelVersion}:  {watch.Elapsed.TotalSeconds,8:N1} s for {applied.Written.Series:N0} series, {applied.Written.Rows:N0} rows; peak {Measure.PeakMemory()}");
    }

    private static string Models(IReadOnlyDictionary<string, int> byModel) =>
        string.Join(", ", byModel.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));

    /// <summary>Prints each step as it starts, with the seconds since the stage started.</summary>
    private sealed class StepClock(Stopwatch watch) : IProgress<ForecastProgress>
    {
        public void Report(ForecastProgress value) => Console.WriteLine($"    {watch.Elapsed.TotalSeconds,7:N1} s  {value.Step}: {value.Detail}");
    }

    private static DailySeries Citywide()
    {
        var lines = File.ReadAllLines(RepositoryPaths.Combine("src", "Nyc311.Simulation", "Data", "calibration", "nyc311_daily_citywide_2010-01-01_2026-08-05__nik-pi_311Forecasting.csv"));
        var start = DateOnly.ParseExact(lines[1].Split(',')[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new DailySeries(SeriesKey.Citywide, start, [.. lines.Skip(1).Select(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture))]);
    }

    /// <summary>
    /// gold.daily_counts of simulated requests, built fast and unmeasured: the simulator's records (without
    /// injected quality problems) counted by day, complaint type and borough, with rollups and zero days.
    /// </summary>
    private static LakeCatalog SimulatedGold(string root, DateOnly from, DateOnly to)
    {
        Console.WriteLine($"simulating {from:yyyy-MM-dd}..{to:yyyy-MM-dd} into gold.daily_counts ...");
        var watch = Stopwatch.StartNew();
        var counts = new Dictionary<(string Type, string Borough), long[]>();
        var days = to.DayNumber - from.DayNumber + 1;
        long records = 0;
        foreach (var day in new ServiceRequestSimulator(new SimulatorOptions { From = from, To = to, IncludeQualityProblems = false }).GenerateDays())
        {
            var index = day.Date.DayNumber - from.DayNumber;
            foreach (var request in day.Records)
            {
                var type = request["complaint_type"] ?? "(unknown)";
                var borough = request["borough"] ?? "Unspecified";
                foreach (var key in new[] { (type, borough), (type, SeriesKey.All), (SeriesKey.All, borough), (SeriesKey.All, SeriesKey.All) })
                {
                    if (!counts.TryGetValue(key, out var values))
                    {
                        counts[key] = values = new long[days];
                    }

                    values[index]++;
                }

                records++;
            }
        }

        var catalog = new LakeCatalog(new LakeOptions { Root = root });
        using var db = LakeDuckDb.Open();
        db.Execute("CREATE TABLE src (\"date\" DATE, complaint_type VARCHAR, borough VARCHAR, requests BIGINT)");
        using (var appender = db.CreateAppender("src"))
        {
            foreach (var ((type, borough), values) in counts)
            {
                var first = Array.FindIndex(values, v => v > 0);
                for (var i = first; i < days; i++)
                {
                    appender.CreateRow().AppendValue((DateOnly?)from.AddDays(i)).AppendValue(type).AppendValue(borough).AppendValue((long?)values[i]).EndRow();
                }
            }
        }

        var schema = new StructType(
            new StructField("date", DeltaType.Date),
            new StructField("complaint_type", DeltaType.String),
            new StructField("borough", DeltaType.String),
            new StructField("requests", DeltaType.Long));
        DeltaTable.Create(catalog.PathOf(GoldDailyCounts.TableName), schema, new CreateTableOptions { PartitionColumns = ["date"] }).Append(db, "src");
        Console.WriteLine($"  {records:N0} records, {counts.Count:N0} series in {watch.Elapsed.TotalSeconds:N0} s");
        return catalog;
    }
}

using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nyc311.Cli.Hosting;
using Nyc311.Cli.Output;
using Nyc311.Forecasting;
using Nyc311.Forecasting.Platform;
using Nyc311.Ingest.Bronze;
using Nyc311.Ingest.Socrata;
using Nyc311.Lake.Catalog;
using Nyc311.Pipeline;
using Nyc311.Pipeline.Stages;
using Spectre.Console;

namespace Nyc311.Cli.Commands;

/// <summary><c>nyc311 run</c>: the main job: ingest, silver, gold, forecast, detect (offline from the simulator by default).</summary>
internal static class RunCommand
{
    public static Command Build(CliContext context)
    {
        var source = new Option<string>("--source") { Description = "Where records come from", DefaultValueFactory = _ => "simulator" };
        source.AcceptOnlyFromAmong("simulator", "api");
        var from = new Option<string?>("--from") { Description = "Simulator: first day (YYYY-MM-DD; default two years before --to)" };
        var to = new Option<string?>("--to") { Description = "Simulator: last day (YYYY-MM-DD; default 2026-08-05, the last real day)" };
        var seed = new Option<int>("--seed") { Description = "Simulator seed", DefaultValueFactory = _ => 311 };
        var rebuild = new Option<bool>("--rebuild-gold") { Description = "Recompute every gold day instead of the touched ones" };
        var endpoint = new Option<string?>("--endpoint") { Description = "Socrata base URL for --source api" };
        var skipForecast = new Option<bool>("--skip-forecast") { Description = "Stop after gold: no forecasts and no detection" };
        var skipDetect = new Option<bool>("--skip-detect") { Description = "Stop after the forecasts: no detection and no alerts" };
        context.ConfigurationOptions.Add(("Socrata:BaseUrl", endpoint));
        var command = new Command("run", "Run the main job: ingest into bronze, then silver, gold, forecasts and detection")
        {
            source, from, to, seed, rebuild, endpoint, skipForecast, skipDetect,
        };
        command.SetHandler(context, async (parse, services, cancellationToken) =>
        {
            var api = parse.GetValue(source) == "api";
            if (api && (parse.GetValue(from) is not null || parse.GetValue(to) is not null))
            {
                throw new CliUsageException("--from and --to choose the simulator's range; the API source loads what changed since the watermark");
            }

            var options = new RunOptions
            {
                Source = api ? RunSource.Api : RunSource.Simulator,
                From = parse.GetValue(from) is { } f ? IngestCommand.ParseDay(f, "--from") : null,
                To = parse.GetValue(to) is { } t ? IngestCommand.ParseDay(t, "--to") : null,
                Seed = parse.GetValue(seed),
                RebuildGold = parse.GetValue(rebuild),
            };
            if (options.EffectiveTo < options.EffectiveFrom)
            {
                throw new CliUsageException($"--to {options.EffectiveTo:yyyy-MM-dd} is before --from {options.EffectiveFrom:yyyy-MM-dd}");
            }

            var catalog = services.Get<LakeCatalog>();
            var job = new MedallionJob(catalog, services.Get<IOptions<PipelineOptions>>().Value, services.Get<TimeProvider>(), services.Get<BronzeIngestion>(), services.Get<ILogger<MedallionJob>>());
            context.Output.WriteLine($"lake: {catalog.Root}");
            var stages = new StagePrinter(context.Output);
            var report = await ProgressDisplay.RunAsync(context.Console, "ingest", progress =>
                job.RunAsync(options, api ? services.Get<SocrataClient>() : null, stages, progress, cancellationToken));
            var timings = report.Timings.ToList();
            var results = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!parse.GetValue(skipForecast))
            {
                // Forecasts come before detection so that the day's expected ranges are in gold.forecasts.
                var watch = Stopwatch.StartNew();
                stages.Report(new StageProgress("forecast", "train a champion when none is registered, else apply it"));
                results["forecast"] = Forecast(catalog, services, new ForecastCommands.StepPrinter(context.Output), cancellationToken);
                timings.Add(("forecast", watch.Elapsed));
                stages.Report(new StageProgress("forecast", results["forecast"], watch.Elapsed));

                if (!parse.GetValue(skipDetect))
                {
                    watch.Restart();
                    stages.Report(new StageProgress("detect", "judge the latest complete days of every series"));
                    var detection = await DetectCommands.RunDetectionAsync(context, services, parse.GetValue(CliApplication.VerboseOption), cancellationToken);
                    timings.Add(("detect", watch.Elapsed));
                    results["detect"] = $"{detection.SeriesDaysJudged:N0} series-days judged by {detection.Detector}: {detection.SpikeDays:N0} spike and {detection.DropDays:N0} drop days";
                }
            }

            Summary(context, report, timings, results);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The <c>Forecasting</c> configuration section over the defaults.</summary>
    private static ForecastingOptions ForecastOptions(IServiceProvider services)
    {
        var options = new ForecastingOptions();
        services.Get<IConfiguration>().GetSection("Forecasting").Bind(options);
        return options;
    }

    /// <summary>
    /// Trains or applies the champion. A gold table too short for the models (a first run over a few
    /// days) is not a failure of the main job: the stage says so and detection falls back to its
    /// history-only expectation.
    /// </summary>
    private static string Forecast(LakeCatalog catalog, IServiceProvider services, IProgress<ForecastProgress> progress, CancellationToken cancellationToken)
    {
        try
        {
            return ForecastResult(ForecastStage.Run(catalog, ForecastOptions(services), services.Get<TimeProvider>(), progress, cancellationToken));
        }
        catch (ForecastInputException e) when (e.InputName == GoldDailyCounts.TableName)
        {
            return $"skipped: {e.Problem}";
        }
    }

    private static string ForecastResult(ForecastStageResult result)
    {
        var written = result.Written;
        var how = result.Training is { } trained
            ? $"trained and registered champion version {trained.ModelVersion} (backtest MASE {trained.ChampionMase:N3})"
            : $"applied champion version {result.ModelVersion}";
        var models = string.Join(", ", written.SeriesByModel.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));
        return $"{how}: {written.Series:N0} series forecast from {written.Origin:yyyy-MM-dd} ({models}), {written.Rows:N0} rows in {ForecastsTable.Name}";
    }

    private static void Summary(CliContext context, RunReport report, IEnumerable<(string Stage, TimeSpan Elapsed)> timings, IReadOnlyDictionary<string, string> results)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("stage", "result", "seconds");
        foreach (var (stage, elapsed) in timings)
        {
            var result = stage switch
            {
                "simulate" when report.Simulation is { } s => $"{s.Files.Count} daily files in {s.Folder} ({s.DaysGenerated} generated now); {s.MissingDays.Count} day(s) without a real total skipped",
                "ingest" => $"{report.Ingest.Read.Rows:N0} rows read, {report.Ingest.RowsLanded:N0} landed in bronze, {report.Ingest.BatchesSkipped:N0} batches and {report.Ingest.FilesSkipped:N0} unchanged files already landed, {report.Ingest.Quarantined:N0} unreadable rows",
                "silver" when report.Silver.UpToDate => "up to date: no new bronze rows",
                "silver" => $"{report.Silver.RowsIn:N0} rows checked: {report.Silver.RowsOut:N0} to silver ({report.Silver.RowsInserted:N0} new, {report.Silver.RowsUpdated:N0} updated), {report.Silver.RowsRejected:N0} quarantined, {report.Silver.RowsSuperseded:N0} superseded",
                "gold" when report.Gold.NothingToDo => "up to date",
                "gold" => $"{report.Gold.DaysRewritten:N0} days and {report.Gold.WeeksRewritten:N0} weeks recomputed ({report.Gold.DailyCountRows:N0} daily count rows)",
                _ => results.GetValueOrDefault(stage, ""),
            };
            table.AddRow(stage, Markup.Escape(result), $"{elapsed.TotalSeconds:N1}");
        }

        context.Console.Write(table);
        if (report.Silver.Rules.Any(r => r.Quarantined > 0))
        {
            context.Console.WriteLine("quarantined by rule: " + string.Join(", ", report.Silver.Rules.Where(r => r.Quarantined > 0).Select(r => $"{r.RuleId} {r.RuleName} {r.Quarantined:N0}")));
        }

        context.Console.WriteLine("tables: nyc311 table list   |   SQL: nyc311 query \"SELECT * FROM gold.daily_counts LIMIT 10\"");
    }

    /// <summary>Prints one line as each stage starts and ends.</summary>
    private sealed class StagePrinter(TextWriter output) : IProgress<StageProgress>
    {
        public void Report(StageProgress value) =>
            output.WriteLine(value.Elapsed is { } elapsed ? $"  {value.Stage}: {value.Detail} ({elapsed.TotalSeconds:N1} s)" : $"{value.Stage}: {value.Detail} ...");
    }
}

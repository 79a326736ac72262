using System.CommandLine;
using System.Globalization;
using Nyc311.Cli.Hosting;
using Nyc311.Forecasting.Models;
using Nyc311.Forecasting.Platform;
using Nyc311.Lake.Catalog;
using Spectre.Console;

namespace Nyc311.Cli.Commands;

/// <summary>
/// <c>nyc311 train</c> (backtest, tune, select, register the champion, write <c>gold.forecasts</c>) and
/// <c>nyc311 forecast</c> (apply the champion to the latest gold, or run Prophet stand-alone on a CSV file).
/// </summary>
internal static partial class ForecastCommands
{
    public static Command Train(CliContext context)
    {
        var series = new SeriesOptions();
        var horizon = new Option<int>("--horizon") { Description = "Days to forecast and to score in backtests", DefaultValueFactory = _ => 28 };
        var cutoffs = new Option<int>("--cutoffs") { Description = "Backtest cut-offs (rolling origins)", DefaultValueFactory = _ => 3 };
        var step = new Option<int?>("--cutoff-step") { Description = "Days between cut-offs (default: the horizon)" };
        var models = new Option<string[]>("--models") { Description = $"Models to compare (default all: {string.Join(", ", ModelNames.All)})", AllowMultipleArgumentsPerToken = true };
        var trials = new Option<int>("--tuning-trials") { Description = "Tuning budget per model, in trials (0 keeps the defaults)", DefaultValueFactory = _ => 16 };
        var seconds = new Option<double?>("--tuning-seconds") { Description = "Tuning budget per model, in seconds (no new trials after it)" };
        var tuningSeries = new Option<int>("--tuning-series") { Description = "Busiest series the tuning backtests run on", DefaultValueFactory = _ => 12 };
        var parameters = new Option<string[]>("--param") { Description = "Starting hyperparameter MODEL.NAME=VALUE (repeatable), e.g. lightgbm.num_iterations=200" };
        var command = new Command("train", "Backtest, tune and select a model per series; register the champion and write gold.forecasts")
        {
            horizon, cutoffs, step, models, trials, seconds, tuningSeries, parameters,
        };
        series.AddTo(command);
        command.SetHandler(context, (parse, services, cancellationToken) =>
        {
            var modelList = (parse.GetValue(models) ?? []).SelectMany(m => m.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            var options = series.Read(parse) with
            {
                Horizon = parse.GetValue(horizon),
                Cutoffs = parse.GetValue(cutoffs),
                CutoffStep = parse.GetValue(step),
                Models = modelList.Count == 0 ? ModelNames.All : [.. modelList.Select(ModelNames.Parse)],
                TuningTrials = parse.GetValue(trials),
                TuningTime = parse.GetValue(seconds) is { } s ? TimeSpan.FromSeconds(s > 0 ? s : throw new CliUsageException("--tuning-seconds must be positive")) : null,
                TuningSeries = parse.GetValue(tuningSeries),
                ModelParameters = ParseParameters(parse.GetValue(parameters) ?? []),
            };
            var catalog = services.Get<LakeCatalog>();
            var result = ForecastStage.Train(catalog, options, services.Get<TimeProvider>(), new StepPrinter(context.Output), cancellationToken);
            TrainSummary(context, result);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    public static Command Forecast(CliContext context)
    {
        var series = new SeriesOptions();
        var prophet = new ProphetFileOptions();
        var command = new Command(
            "forecast",
            "Apply the champion model to the latest gold.daily_counts and write gold.forecasts; or, with --input, run the Prophet-equivalent model on a CSV file (ds, y)");
        series.AddTo(command);
        prophet.AddTo(command);
        command.SetHandler(context, (parse, services, cancellationToken) =>
        {
            if (prophet.IsFileMode(parse))
            {
                series.EnsureUnused(parse, "--input runs Prophet on a file");
                RunProphet(context, prophet, parse);
                return Task.FromResult(ExitCodes.Success);
            }

            prophet.EnsureUnused(parse);
            var result = ForecastStage.Forecast(services.Get<LakeCatalog>(), series.Read(parse), services.Get<TimeProvider>(), new StepPrinter(context.Output), cancellationToken);
            context.Output.WriteLine(
                $"forecast: champion version {result.ModelVersion} applied to {result.Input.Table} version {result.Input.Version}: " +
                $"{result.Written.Series:N0} series x {result.Written.Rows / Math.Max(1, result.Written.Series)} days from {result.Written.Origin:yyyy-MM-dd} " +
                $"({Models(result.Written.SeriesByModel)}) written to {ForecastsTable.Name} version {result.Written.TableVersion}, run {result.RunId}");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static void TrainSummary(CliContext context, TrainResult result)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("model", "MASE", "sMAPE %", "RMSE", "coverage", "pinball", "series won", "tuning");
        foreach (var (model, metrics) in result.BacktestByModel)
        {
            var tuning = result.Tuning.TryGetValue(model, out var t) ? $"{t.Trials.Count} trials, best MASE {t.BestScore:N3}" : "-";
            table.AddRow(
                model,
                $"{metrics.Mase:N3}",
                $"{metrics.Smape:N1}",
                $"{metrics.Rmse:N1}",
                $"{metrics.Coverage:P0}",
                $"{metrics.Pinball:N2}",
                $"{result.Written.SeriesByModel.GetValueOrDefault(model):N0}",
                Markup.Escape(tuning));
        }

        context.Console.Write(table);
        context.Output.WriteLine(
            $"train: {result.Series:N0} series of {result.Input.Table} version {result.Input.Version}, cut-offs {string.Join(", ", result.Cutoffs.Select(c => c.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))}; " +
            $"champion MASE {result.ChampionMase:N3}; registered version {result.ModelVersion} as champion; " +
            $"{result.Written.Rows:N0} rows written to {ForecastsTable.Name} version {result.Written.TableVersion}; run {result.RunId}");
    }

    private static string Models(IReadOnlyDictionary<string, int> byModel) =>
        string.Join(", ", byModel.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));

    private static Dictionary<string, IReadOnlyDictionary<string, string>> ParseParameters(IEnumerable<string> texts)
    {
        var parameters = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            var dot = equals < 0 ? -1 : text.IndexOf('.', StringComparison.Ordinal);
            if (dot <= 0 || dot > equals)
            {
                throw new CliUsageException($"--param: '{text}' is not MODEL.NAME=VALUE (for example lightgbm.num_iterations=200)");
            }

            var model = ModelNames.Parse(text[..dot]);
            if (!parameters.TryGetValue(model, out var values))
            {
                parameters[model] = values = new Dictionary<string, string>(StringComparer.Ordinal);
            }

            values[text[(dot + 1)..equals].Trim()] = text[(equals + 1)..].Trim();
        }

        return parameters.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, string>)p.Value, StringComparer.Ordinal);
    }

    /// <summary>The options choosing series and recording runs, shared by both commands.</summary>
    private sealed class SeriesOptions
    {
        private readonly Option<string[]> _types = new("--complaint-type") { Description = "Only these complaint types ((all) for the rollup); repeatable" };
        private readonly Option<string[]> _boroughs = new("--borough") { Description = "Only these boroughs ((all) for the rollup); repeatable" };
        private readonly Option<double> _minDaily = new("--min-daily") { Description = "Leave out series averaging fewer requests a day over the last 8 weeks", DefaultValueFactory = _ => 1.0 };
        private readonly Option<int?> _maxSeries = new("--max-series") { Description = "Keep only the N busiest series" };
        private readonly Option<double> _width = new("--interval-width") { Description = "Width of the prediction intervals, in (0, 1)", DefaultValueFactory = _ => 0.8 };
        private readonly Option<int> _seed = new("--seed") { Description = "Seed of every model", DefaultValueFactory = _ => 311 };
        private readonly Option<string?> _mlflow = new("--mlflow-uri") { Description = "Also record runs and registrations on this MLflow tracking server (http://host:port)" };

        public void AddTo(Command command)
        {
            foreach (var option in new Option[] { _types, _boroughs, _minDaily, _maxSeries, _width, _seed, _mlflow })
            {
                command.Options.Add(option);
            }
        }

        public ForecastingOptions Read(ParseResult parse)
        {
            Uri? remote = null;
            if (parse.GetValue(_mlflow) is { Length: > 0 } text && (!Uri.TryCreate(text, UriKind.Absolute, out remote) || remote.Scheme is not ("http" or "https")))
            {
                throw new CliUsageException($"--mlflow-uri: '{text}' is not an http(s) URL");
            }

            var width = parse.GetValue(_width);
            return new ForecastingOptions
            {
                IntervalWidth = width is > 0 and < 1 ? width : throw new CliUsageException($"--interval-width {width.ToString(CultureInfo.InvariantCulture)} is not in (0, 1)"),
                Seed = parse.GetValue(_seed),
                RemoteTrackingUri = remote,
                Series = new SeriesFilter
                {
                    ComplaintTypes = parse.GetValue(_types) is { Length: > 0 } types ? types : null,
                    Boroughs = parse.GetValue(_boroughs) is { Length: > 0 } boroughs ? boroughs : null,
                    MinimumMeanDaily = parse.GetValue(_minDaily),
                    MaxSeries = parse.GetValue(_maxSeries),
                },
            };
        }

        public void EnsureUnused(ParseResult parse, string why)
        {
            foreach (var option in new Option[] { _types, _boroughs, _minDaily, _maxSeries, _mlflow })
            {
                if (parse.GetResult(option) is { Implicit: false })
                {
                    throw new CliUsageException($"{option.Name} chooses series of the lake; {why}");
                }
            }
        }
    }

    /// <summary>Prints each step as it starts.</summary>
    internal sealed class StepPrinter(TextWriter output) : IProgress<ForecastProgress>
    {
        public void Report(ForecastProgress value) => output.WriteLine($"  {value.Step}: {value.Detail}");
    }
}

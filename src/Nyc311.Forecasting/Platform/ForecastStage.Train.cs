using System.Globalization;
using System.Text;
using Nyc311.Forecasting.Evaluation;
using Nyc311.Forecasting.Models;
using Nyc311.Forecasting.Registry;
using Nyc311.Forecasting.Tracking;
using Nyc311.Forecasting.Tuning;
using Nyc311.Lake.Catalog;

namespace Nyc311.Forecasting.Platform;

/// <summary>Training: tune, backtest, select, register, forecast.</summary>
public static partial class ForecastStage
{
    /// <summary>
    /// Trains on the latest <c>gold.daily_counts</c>: tunes each model's hyperparameters (TPE on a backtest of the
    /// busiest series), backtests every model on every series at rolling origins, chooses the best model per
    /// series by MASE, registers the result as a new version with the <c>champion</c> alias, and writes its
    /// forecasts to <c>gold.forecasts</c>. The run records parameters, metrics, artifacts (scores, choices, trials,
    /// <c>model/champion.json</c>) and the table version read.
    /// </summary>
    /// <exception cref="ForecastInputException">There is no gold table or no series passes the filter.</exception>
    public static TrainResult Train(LakeCatalog catalog, ForecastingOptions options, TimeProvider time, IProgress<ForecastProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        progress?.Report(new ForecastProgress("read", GoldDailyCounts.TableName));
        var gold = GoldDailyCounts.Read(catalog, options.Series, time);
        if (gold.Series.Count == 0)
        {
            throw ForecastInputException.Invalid(GoldDailyCounts.TableName, $"no series of version {gold.Input.Version} passes the filter (at least {options.Series.MinimumHistoryDays} days and {options.Series.MinimumMeanDaily} requests a day)");
        }

        using var http = options.RemoteTrackingUri is null ? null : new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var run = Tracker(catalog, options, time, http).StartRun(options.ExperimentName, $"train {gold.LastDay:yyyy-MM-dd}", new Dictionary<string, string> { ["nyc311.job"] = "train" });
        try
        {
            var result = TrainOn(catalog, options, gold, run, http, time, progress, cancellationToken);
            run.Finish(RunStatus.Finished);
            return result;
        }
        catch
        {
            run.Finish(RunStatus.Failed);
            throw;
        }
    }

    private static TrainResult TrainOn(LakeCatalog catalog, ForecastingOptions options, GoldSeries gold, ITrackedRun run, HttpClient? http, TimeProvider time, IProgress<ForecastProgress>? progress, CancellationToken cancellationToken)
    {
        var models = options.Models.Select(ModelNames.Parse).Distinct().OrderBy(m => ModelNames.All.ToList().IndexOf(m)).ToList();
        run.LogParameters(InputParameters(gold));
        run.LogParameters(new Dictionary<string, string>
        {
            ["horizon"] = Text(options.Horizon),
            ["cutoffs"] = Text(options.Cutoffs),
            ["cutoff_step"] = Text(options.CutoffStep ?? options.Horizon),
            ["interval_width"] = Text(options.IntervalWidth),
            ["seed"] = Text(options.Seed),
            ["models"] = string.Join(',', models),
            ["tuning.trials"] = Text(options.TuningTrials),
            ["tuning.seconds"] = options.TuningTime is { } t ? Text(t.TotalSeconds) : "none",
            ["tuning.patience"] = Text(options.TuningPatience),
            ["tuning.series"] = Text(options.TuningSeries),
            ["filter.complaint_types"] = options.Series.ComplaintTypes is { } ct ? string.Join('|', ct) : "all",
            ["filter.boroughs"] = options.Series.Boroughs is { } b ? string.Join('|', b) : "all",
            ["filter.min_daily"] = Text(options.Series.MinimumMeanDaily),
            ["filter.max_series"] = options.Series.MaxSeries is { } max ? Text(max) : "none",
        });
        run.LogArtifact("inputs.json", RunArtifacts.Inputs([gold.Input]));

        var specs = models.ToDictionary(m => m, m => new ModelSpec(m, options.ModelParameters.GetValueOrDefault(m)), StringComparer.Ordinal);
        var tuning = Tune(options, gold, models, specs, run, time, progress, cancellationToken);

        var backtestOptions = options.Backtest();
        progress?.Report(new ForecastProgress("backtest", $"{models.Count} models x {gold.Series.Count} series x {options.Cutoffs} cut-offs"));
        var report = Backtester.Run(gold.Series, [.. models.Select(m => specs[m])], backtestOptions, Relay(progress, "backtest"), cancellationToken);
        if (report.Scores.Count == 0)
        {
            throw ForecastInputException.Invalid(GoldDailyCounts.TableName, $"no series has {backtestOptions.MinimumTrainingDays} days before the earliest cut-off {report.Cutoffs[0]:yyyy-MM-dd}; use fewer --cutoffs or a shorter --horizon");
        }

        var byModel = report.ByModel();
        foreach (var (model, metrics) in byModel)
        {
            foreach (var name in MetricSet.Names)
            {
                run.LogMetric($"backtest.{model}.{name}", metrics[name]);
            }
        }

        run.LogArtifact("backtest/scores.csv", RunArtifacts.Scores(report));
        run.LogArtifact("backtest/summary.csv", RunArtifacts.Summary(report));

        progress?.Report(new ForecastProgress("select", "best model per series by backtest MASE"));
        var choices = ModelSelection.Choose(report);
        var fallback = ModelSelection.Fallback(report);
        var championMase = choices.Count == 0 ? double.NaN : choices.Average(c => c.Score);
        run.LogMetric("champion.mase", championMase);
        foreach (var model in models)
        {
            run.LogMetric($"selection.{model}.series", choices.Count(c => c.Model == model));
        }

        run.LogArtifact("selection.csv", RunArtifacts.Selection(choices, models));
        var champion = new ChampionModel
        {
            Horizon = options.Horizon,
            IntervalWidth = options.IntervalWidth,
            Seed = options.Seed,
            Models = specs.ToDictionary(p => p.Key, p => p.Value.Parameters, StringComparer.Ordinal),
            Choices = [.. choices.Select(c => new ChampionChoice(c.Series.ComplaintType, c.Series.Borough, c.Model, c.Score))],
            Fallback = fallback,
            LightGbmCalibration = models.Contains(ModelNames.LightGbm) ? report.Calibration(ModelNames.LightGbm) : null,
            TrainingRunId = run.RunId,
            TrainedOn = gold.Input,
            LastDay = gold.LastDay,
        };
        run.LogArtifact($"model/{ChampionModel.FileName}", Encoding.UTF8.GetBytes(champion.ToJson()));

        progress?.Report(new ForecastProgress("register", $"{options.RegisteredModelName} as {ModelRegistry.ChampionAlias}"));
        var version = Register(catalog, options, run, champion, http, time);
        run.SetTags(new Dictionary<string, string> { ["nyc311.registered_version"] = Text(version) });
        var written = Write(catalog, champion, gold, options, version, run, time, progress, cancellationToken);
        return new TrainResult(run.RunId, version, gold.Input, gold.Series.Count, report.Cutoffs, byModel, championMase, tuning, written);
    }

    /// <summary>Tunes each model that has a search space, on a backtest of the busiest series; updates <paramref name="specs"/>.</summary>
    private static Dictionary<string, TuningResult> Tune(ForecastingOptions options, GoldSeries gold, List<string> models, Dictionary<string, ModelSpec> specs, ITrackedRun run, TimeProvider time, IProgress<ForecastProgress>? progress, CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, TuningResult>(StringComparer.Ordinal);
        if (options.TuningTrials == 0)
        {
            return results;
        }

        var busiest = gold.Series.OrderByDescending(s => s.RecentMean(options.Series.VolumeDays)).ThenBy(s => s.Key).Take(options.TuningSeries).ToList();
        var backtest = options.Backtest(Math.Min(options.TuningCutoffs, options.Cutoffs), parallelism: 1) with { PointForecastsOnly = true };
        foreach (var model in models)
        {
            var space = SearchSpaces.For(model);
            if (space.IsEmpty)
            {
                continue;
            }

            var start = space.Defaults.ToDictionary(p => p.Key, p => specs[model].Parameters.GetValueOrDefault(p.Key, p.Value), StringComparer.Ordinal);
            space = space with { Defaults = start };
            var baseSpec = specs[model];

            progress?.Report(new ForecastProgress("tune", $"{model}: up to {options.TuningTrials} trials on {busiest.Count} series"));
            var result = Tuner.Minimize(
                space,
                (parameters, token) =>
                {
                    var spec = baseSpec.With(parameters);
                    if (model == ModelNames.Prophet)
                    {
                        // MASE needs no intervals; skipping Prophet's simulation makes each trial several times cheaper.
                        spec = spec.With(new Dictionary<string, string> { ["uncertainty_samples"] = "0" });
                    }

                    var report = Backtester.Run(busiest, [spec], backtest, null, token);
                    return report.ByModel().TryGetValue(model, out var metrics) ? metrics.Mase : double.PositiveInfinity;
                },
                options.Tuning(),
                time,
                null,
                cancellationToken);
            results[model] = result;
            specs[model] = specs[model].With(result.Best);
            foreach (var trial in result.Trials)
            {
                run.LogMetric($"tuning.{model}.mase", double.IsFinite(trial.Score) ? trial.Score : double.NaN, trial.Number);
            }

            run.LogMetric($"tuning.{model}.best_mase", result.BestScore);
            run.LogMetric($"tuning.{model}.trials", result.Trials.Count);
            run.LogParameters(result.Best.ToDictionary(p => $"{model}.{p.Key}", p => p.Value));
            run.SetTags(new Dictionary<string, string> { [$"tuning.{model}.stop_reason"] = result.StopReason });
            run.LogArtifact($"tuning/{model}.csv", RunArtifacts.Trials(result, [.. space.Ranges.Select(r => r.Name)]));
        }

        return results;
    }

    /// <summary>Registers the champion locally (and on the remote server when mirrored) and moves the alias.</summary>
    private static int Register(LakeCatalog catalog, ForecastingOptions options, ITrackedRun run, ChampionModel champion, HttpClient? http, TimeProvider time)
    {
        var registry = new ModelRegistry(RegistryRoot(catalog, options), time);
        var tags = new Dictionary<string, string>
        {
            ["horizon"] = Text(champion.Horizon),
            ["last_day"] = champion.LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["input.gold.daily_counts.version"] = Text(champion.TrainedOn.Version),
        };
        var version = registry.CreateVersion(options.RegisteredModelName, run.ArtifactUri + "/model", run.RunId, tags, $"per-series champion of {string.Join(", ", champion.Models.Keys)}");
        registry.SetAlias(options.RegisteredModelName, ModelRegistry.ChampionAlias, version.Version);
        if (run is MirroredTracker.MirroredRun mirrored && options.RemoteTrackingUri is { } remote && http is not null)
        {
            var client = new MlflowRestClient(remote, http, time);
            var remoteVersion = client.CreateModelVersion(options.RegisteredModelName, mirrored.Mirror.ArtifactUri + "/model", mirrored.Mirror.RunId);
            client.SetAlias(options.RegisteredModelName, ModelRegistry.ChampionAlias, remoteVersion);
        }

        return version.Version;
    }

    private static Progress<string>? Relay(IProgress<ForecastProgress>? progress, string step) =>
        progress is null ? null : new SynchronousProgress(detail => progress.Report(new ForecastProgress(step, detail)));

    /// <summary>Reports on the caller's thread, in order.</summary>
    private sealed class SynchronousProgress(Action<string> report) : Progress<string>
    {
        protected override void OnReport(string value) => report(value);
    }
}

using System.Globalization;
using Nyc311.Forecasting.Models;
using Nyc311.Forecasting.Registry;
using Nyc311.Forecasting.Series;
using Nyc311.Forecasting.Tracking;
using Nyc311.Lake.Catalog;

namespace Nyc311.Forecasting.Platform;

/// <summary>
/// The forecasting jobs over the lake: <see cref="Train"/> (backtest, tune, select per series, register the
/// champion, write <c>gold.forecasts</c>), <see cref="Forecast"/> (apply the champion to the latest gold) and
/// <see cref="Run"/> (what <c>nyc311 run</c> calls: train when there is no champion yet, else apply it). Every
/// run is recorded in the MLflow-layout store under <c>&lt;lake&gt;/_mlruns</c> with its parameters, metrics,
/// artifacts and the exact table versions it read; versions live in <c>&lt;lake&gt;/_registry</c>.
/// </summary>
public static partial class ForecastStage
{
    /// <summary>
    /// The forecast stage of the main job: applies the champion when one is registered (and
    /// <see cref="ForecastingOptions.Retrain"/> is off), otherwise trains one first.
    /// </summary>
    public static ForecastStageResult Run(LakeCatalog catalog, ForecastingOptions options, TimeProvider time, IProgress<ForecastProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        var registry = new ModelRegistry(RegistryRoot(catalog, options), time);
        return !options.Retrain && registry.FindByAlias(options.RegisteredModelName, ModelRegistry.ChampionAlias) is not null
            ? new ForecastStageResult(null, Forecast(catalog, options, time, progress, cancellationToken))
            : new ForecastStageResult(Train(catalog, options, time, progress, cancellationToken), null);
    }

    /// <summary>
    /// Applies the <c>champion</c> version to the latest <c>gold.daily_counts</c>: refits each series' chosen
    /// model with the registered settings and replaces the forecasts of the data's last day in <c>gold.forecasts</c>.
    /// </summary>
    /// <exception cref="TrackingException">No champion is registered.</exception>
    public static ApplyResult Forecast(LakeCatalog catalog, ForecastingOptions options, TimeProvider time, IProgress<ForecastProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        var registry = new ModelRegistry(RegistryRoot(catalog, options), time);
        var version = registry.GetByAlias(options.RegisteredModelName, ModelRegistry.ChampionAlias);
        var champion = ChampionModel.Load(version.SourcePath);
        progress?.Report(new ForecastProgress("read", $"{GoldDailyCounts.TableName} for champion version {version.Version}"));
        var gold = GoldDailyCounts.Read(catalog, options.Series, time);
        using var http = options.RemoteTrackingUri is null ? null : new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var run = Tracker(catalog, options, time, http).StartRun(options.ExperimentName, $"forecast {gold.LastDay:yyyy-MM-dd}", new Dictionary<string, string> { ["nyc311.job"] = "forecast" });
        try
        {
            run.LogParameters(InputParameters(gold));
            run.LogParameters(new Dictionary<string, string>
            {
                ["champion.model"] = options.RegisteredModelName,
                ["champion.version"] = Text(version.Version),
                ["champion.training_run_id"] = champion.TrainingRunId,
                ["horizon"] = Text(champion.Horizon),
                ["interval_width"] = Text(champion.IntervalWidth),
            });
            run.LogArtifact("inputs.json", RunArtifacts.Inputs([gold.Input]));
            var written = Write(catalog, champion, gold, options, version.Version, run, time, progress, cancellationToken);
            run.Finish(RunStatus.Finished);
            return new ApplyResult(run.RunId, version.Version, gold.Input, written);
        }
        catch
        {
            run.Finish(RunStatus.Failed);
            throw;
        }
    }

    /// <summary>Forecasts every series with the champion's choice and writes them; logs what was written on the run.</summary>
    private static ForecastWrite Write(LakeCatalog catalog, ChampionModel champion, GoldSeries gold, ForecastingOptions options, int version, ITrackedRun run, TimeProvider time, IProgress<ForecastProgress>? progress, CancellationToken cancellationToken)
    {
        var settings = new ForecastSettings { Horizon = champion.Horizon, IntervalWidth = champion.IntervalWidth, Seed = champion.Seed, Parallelism = options.Parallelism };
        var forecasts = new Dictionary<SeriesKey, (string Model, SeriesForecast Forecast)>();
        foreach (var group in gold.Series.GroupBy(s => champion.SpecFor(s.Key).Model).OrderBy(g => ModelNames.All.ToList().IndexOf(g.Key)))
        {
            progress?.Report(new ForecastProgress("forecast", $"{group.Key}: {group.Count()} series, {champion.Horizon} days from {gold.LastDay:yyyy-MM-dd}"));
            var spec = new ModelSpec(group.Key, champion.Models.GetValueOrDefault(group.Key));
            // The global model learns from every series, then serves the ones it was chosen for.
            var inputs = group.Key == ModelNames.LightGbm ? gold.Series : group.ToList();
            var results = Forecasters.Create(spec).Forecast(inputs, settings with { Calibration = group.Key == ModelNames.LightGbm ? champion.LightGbmCalibration : null }, cancellationToken);
            var wanted = group.Select(s => s.Key).ToHashSet();
            foreach (var result in results.Where(r => wanted.Contains(r.Key)))
            {
                forecasts[result.Key] = (group.Key, result);
            }
        }

        var createdAt = time.GetUtcNow();
        var rows = new List<ForecastRow>();
        foreach (var (key, (model, forecast)) in forecasts.OrderBy(f => f.Key))
        {
            for (var h = 0; h < forecast.Horizon; h++)
            {
                rows.Add(new ForecastRow(key, forecast.DateAt(h), forecast.Mean[h], forecast.Lower[h], forecast.Upper[h], champion.IntervalWidth, model, Text(version), run.RunId, gold.LastDay, createdAt));
            }
        }

        progress?.Report(new ForecastProgress("write", $"{rows.Count:N0} rows to {ForecastsTable.Name} (origin {gold.LastDay:yyyy-MM-dd})"));
        var commit = ForecastsTable.Write(catalog, rows, gold.LastDay, options.Series, time);
        var byModel = forecasts.Values.GroupBy(f => f.Model).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        run.LogParameters(new Dictionary<string, string> { ["output.gold.forecasts.version"] = Text(commit.Version), ["output.gold.forecasts.origin"] = gold.LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        run.LogMetric("forecast.rows", rows.Count);
        run.LogMetric("forecast.series", forecasts.Count);
        foreach (var (model, count) in byModel)
        {
            run.LogMetric($"forecast.series.{model}", count);
        }

        return new ForecastWrite(gold.LastDay, forecasts.Count, rows.Count, commit.Version, byModel);
    }

    private static Dictionary<string, string> InputParameters(GoldSeries gold) => new()
    {
        ["input.gold.daily_counts.version"] = Text(gold.Input.Version),
        ["input.gold.daily_counts.committed_at"] = gold.Input.CommittedAt.ToString("O", CultureInfo.InvariantCulture),
        ["input.gold.daily_counts.last_day"] = gold.LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["input.series"] = Text(gold.Series.Count),
    };

    /// <summary>The local tracking store, mirrored to the remote server when one is configured.</summary>
    private static IExperimentTracker Tracker(LakeCatalog catalog, ForecastingOptions options, TimeProvider time, HttpClient? http)
    {
        var local = new MlflowFileStore(options.TrackingRoot ?? Path.Combine(catalog.Root, "_mlruns"), time);
        return options.RemoteTrackingUri is { } remote && http is not null
            ? new MirroredTracker(local, new MlflowRestClient(remote, http, time))
            : local;
    }

    private static string RegistryRoot(LakeCatalog catalog, ForecastingOptions options) =>
        options.RegistryRoot ?? Path.Combine(catalog.Root, "_registry");

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}

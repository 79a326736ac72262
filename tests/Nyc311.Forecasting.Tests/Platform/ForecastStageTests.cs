using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Nyc311.Forecasting.Models;
using Nyc311.Forecasting.Platform;
using Nyc311.Forecasting.Registry;
using Nyc311.Forecasting.Tracking;
using Nyc311.Lake;
using Nyc311.Lake.Catalog;
using Nyc311.Lake.Sql;
using Nyc311.Testing;

namespace Nyc311.Forecasting.Tests.Platform;

public sealed class ForecastStageTests : IDisposable
{
    private readonly TempDirectory _folder = new("forecast-stage");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 8, 6, 7, 0, 0, TimeSpan.Zero));
    private readonly LakeCatalog _catalog;

    public ForecastStageTests() => _catalog = SeriesFixtures.GoldLake(_folder.Combine("lake"), SeriesFixtures.Panel(100));

    public void Dispose() => _folder.Dispose();

    private static ForecastingOptions Quick => new()
    {
        Horizon = 14,
        Cutoffs = 2,
        Models = [ModelNames.SeasonalNaive, ModelNames.MovingAverage, ModelNames.LightGbm],
        ModelParameters = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [ModelNames.LightGbm] = new Dictionary<string, string> { ["num_iterations"] = "60", ["num_leaves"] = "8" },
        },
        TuningTrials = 3,
        TuningSeries = 4,
        TuningCutoffs = 1,
    };

    private static ForecastingOptions Baselines => Quick with { Models = [ModelNames.SeasonalNaive, ModelNames.MovingAverage], TuningTrials = 0 };

    private long Count(string sql)
    {
        using var db = _catalog.OpenQueryConnection(readOnly: true);
        return Convert.ToInt64(db.Scalar(sql), CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Gold_is_read_at_one_version_with_the_filters_applied()
    {
        var all = GoldDailyCounts.Read(_catalog);
        var bronx = GoldDailyCounts.Read(_catalog, new SeriesFilter { Boroughs = ["BRONX"] });
        var busiest = GoldDailyCounts.Read(_catalog, new SeriesFilter { MaxSeries = 2 });
        var busy = GoldDailyCounts.Read(_catalog, new SeriesFilter { MinimumMeanDaily = 200 });

        all.Series.Count.ShouldBe(10);
        all.Input.ShouldBe(new TableInput("gold.daily_counts", 1, all.Input.CommittedAt));
        all.LastDay.ShouldBe(new DateOnly(2026, 8, 5));
        all.Series.ShouldAllBe(s => s.End == all.LastDay && s.Length == 100);
        all.Series[0].Values.ShouldBe(SeriesFixtures.Panel(100)[0].Values);
        bronx.Series.Select(s => s.Key.Borough).Distinct().ShouldBe(["BRONX"]);
        busiest.Series.Count.ShouldBe(2);
        busiest.Series.Min(s => s.RecentMean(56)).ShouldBeGreaterThanOrEqualTo(all.Series.Where(s => !busiest.Series.Any(b => b.Key == s.Key)).Max(s => s.RecentMean(56)));
        busy.Series.ShouldAllBe(s => s.RecentMean(56) >= 200);
    }

    [Fact]
    public void Training_backtests_tunes_registers_a_champion_and_writes_forecasts_recording_what_it_read()
    {
        var result = ForecastStage.Train(_catalog, Quick, _clock, cancellationToken: TestContext.Current.CancellationToken);

        result.ModelVersion.ShouldBe(1);
        result.Series.ShouldBe(10);
        result.Input.Version.ShouldBe(1);
        result.Cutoffs.ShouldBe([new DateOnly(2026, 7, 8), new DateOnly(2026, 7, 22)]);
        result.BacktestByModel.Keys.ShouldBe([ModelNames.SeasonalNaive, ModelNames.MovingAverage, ModelNames.LightGbm]);
        result.Tuning.Keys.Order().ShouldBe([ModelNames.LightGbm, ModelNames.MovingAverage]);
        result.ChampionMase.ShouldBeLessThanOrEqualTo(result.BacktestByModel.Values.Min(m => m.Mase) + 1e-9);
        result.Written.Rows.ShouldBe(10 * 14);
        result.Written.Origin.ShouldBe(new DateOnly(2026, 8, 5));

        Count("SELECT count(*) FROM gold.forecasts WHERE origin = DATE '2026-08-05' AND \"date\" BETWEEN DATE '2026-08-06' AND DATE '2026-08-19'").ShouldBe(140);
        Count("SELECT count(*) FROM gold.forecasts WHERE lower < 0 OR forecast < lower OR upper < forecast").ShouldBe(0);
        Count($"SELECT count(DISTINCT run_id) FROM gold.forecasts WHERE run_id = '{result.RunId}' AND model_version = '1' AND interval_width = 0.8").ShouldBe(1);

        var store = new MlflowFileStore(Path.Combine(_catalog.Root, "_mlruns"));
        var run = store.ReadRun(store.FindExperiment("nyc311-forecasting")!, result.RunId);
        run.Status.ShouldBe(RunStatus.Finished);
        run.Parameters["input.gold.daily_counts.version"].ShouldBe("1");
        run.Parameters["horizon"].ShouldBe("14");
        run.Parameters.ShouldContainKey("lightgbm.num_leaves");
        run.Metrics.ShouldContainKey("backtest.lightgbm.mase");
        run.Metrics["forecast.rows"].ShouldBe(140);
        foreach (var artifact in new[] { "inputs.json", "backtest/scores.csv", "selection.csv", "tuning/lightgbm.csv", "model/champion.json" })
        {
            File.Exists(Path.Combine(run.ArtifactsFolder, artifact)).ShouldBeTrue(artifact);
        }

        var champion = new ModelRegistry(Path.Combine(_catalog.Root, "_registry")).GetByAlias("nyc311-daily-requests", ModelRegistry.ChampionAlias);
        champion.RunId.ShouldBe(result.RunId);
        var model = ChampionModel.Load(champion.SourcePath);
        model.Choices.Count.ShouldBe(10);
        // LightGBM's intervals come from its backtest errors: every series, day of the horizon and cut-off.
        model.LightGbmCalibration.ShouldNotBeNull().Residuals.ShouldBe(10 * 14 * 2);
        model.LightGbmCalibration.Horizon.ShouldBe(14);
        _catalog.Tables().Select(t => t.QualifiedName).ShouldBe(["gold.daily_counts", "gold.forecasts"]);
    }

    [Fact]
    public void Forecasting_the_same_day_again_replaces_its_rows_and_run_applies_the_existing_champion()
    {
        var trained = ForecastStage.Train(_catalog, Baselines, _clock, cancellationToken: TestContext.Current.CancellationToken);

        var applied = ForecastStage.Run(_catalog, Baselines, _clock, cancellationToken: TestContext.Current.CancellationToken);

        applied.Training.ShouldBeNull();
        applied.Applied.ShouldNotBeNull().ModelVersion.ShouldBe(trained.ModelVersion);
        applied.Written.TableVersion.ShouldBe(trained.Written.TableVersion + 1);
        Count("SELECT count(*) FROM gold.forecasts").ShouldBe(140);
        Count($"SELECT count(*) FROM gold.forecasts WHERE run_id = '{applied.RunId}'").ShouldBe(140);
        ForecastStage.Run(_catalog, Baselines with { Retrain = true }, _clock, cancellationToken: TestContext.Current.CancellationToken).Training.ShouldNotBeNull().ModelVersion.ShouldBe(2);
    }

    [Fact]
    public void A_filtered_forecast_replaces_only_its_series_of_the_origin()
    {
        ForecastStage.Train(_catalog, Baselines, _clock, cancellationToken: TestContext.Current.CancellationToken);

        var bronx = ForecastStage.Forecast(_catalog, Baselines with { Series = new SeriesFilter { Boroughs = ["BRONX"] } }, _clock, cancellationToken: TestContext.Current.CancellationToken);

        bronx.Written.Series.ShouldBe(2);
        Count("SELECT count(*) FROM gold.forecasts").ShouldBe(140);
        Count($"SELECT count(*) FROM gold.forecasts WHERE run_id = '{bronx.RunId}'").ShouldBe(28);
    }

    [Fact]
    public void Forecasting_without_a_champion_says_to_train_first() =>
        Should.Throw<TrackingException>(() => ForecastStage.Forecast(_catalog, Quick, _clock, cancellationToken: TestContext.Current.CancellationToken)).Message.ShouldContain("nyc311 train");

    [Fact]
    public void A_lake_without_gold_is_a_clear_input_error()
    {
        var empty = new LakeCatalog(new LakeOptions { Root = _folder.Combine("empty") });

        Should.Throw<ForecastInputException>(() => ForecastStage.Train(empty, Quick, _clock, cancellationToken: TestContext.Current.CancellationToken)).Message.ShouldContain("gold.daily_counts");
    }
}

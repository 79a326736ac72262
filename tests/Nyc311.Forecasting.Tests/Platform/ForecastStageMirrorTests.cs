using Microsoft.Extensions.Time.Testing;
using Nyc311.Forecasting.Models;
using Nyc311.Forecasting.Platform;
using Nyc311.Forecasting.Tests.Tracking;
using Nyc311.Forecasting.Tracking;
using Nyc311.Testing;

namespace Nyc311.Forecasting.Tests.Platform;

/// <summary>Training and forecasting with a remote MLflow server (the loopback one on 127.0.0.1) beside the local store.</summary>
public sealed class ForecastStageMirrorTests : IAsyncLifetime
{
    private readonly TempDirectory _folder = new("forecast-mirror");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 8, 6, 7, 0, 0, TimeSpan.Zero));
    private MlflowTestServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await MlflowTestServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public void Training_records_its_run_and_registers_the_champion_on_the_remote_server_too()
    {
        var catalog = SeriesFixtures.GoldLake(_folder.Combine("lake"), SeriesFixtures.Panel(100));
        var options = new ForecastingOptions
        {
            Horizon = 14,
            Cutoffs = 2,
            Models = [ModelNames.SeasonalNaive, ModelNames.MovingAverage],
            TuningTrials = 2,
            TuningSeries = 4,
            TuningCutoffs = 1,
            RemoteTrackingUri = _server.BaseUri,
        };

        var trained = ForecastStage.Train(catalog, options, _clock, cancellationToken: TestContext.Current.CancellationToken);

        var store = new MlflowFileStore(Path.Combine(catalog.Root, "_mlruns"));
        var local = store.ReadRun(store.FindExperiment(options.ExperimentName)!, trained.RunId);
        var remoteId = local.Tags["nyc311.mirror_run_id"];
        var remote = _server.Runs[remoteId];
        remote.Status.ShouldBe("FINISHED");
        remote.Tags["nyc311.local_run_id"].ShouldBe(trained.RunId);
        remote.Params["input.gold.daily_counts.version"].ShouldBe("1");
        remote.Params["moving_average.window"].ShouldBe(local.Parameters["moving_average.window"]);
        remote.Metrics.ShouldContain(m => m.Key == "backtest.seasonal_naive.mase");
        _server.Artifacts.Keys.ShouldContain($"{remote.ExperimentId}/{remoteId}/artifacts/model/champion.json");
        _server.Models[options.RegisteredModelName].ShouldHaveSingleItem().RunId.ShouldBe(remoteId);
        _server.Aliases[(options.RegisteredModelName, "champion")].ShouldBe(1);

        var applied = ForecastStage.Forecast(catalog, options, _clock, cancellationToken: TestContext.Current.CancellationToken);

        _server.Runs.Values.ShouldContain(r => r.Tags.GetValueOrDefault("nyc311.local_run_id") == applied.RunId && r.Tags["nyc311.job"] == "forecast" && r.Status == "FINISHED");
    }
}

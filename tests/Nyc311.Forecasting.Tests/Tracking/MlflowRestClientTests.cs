using System.Text;
using Nyc311.Forecasting.Tracking;
using Nyc311.Testing;

namespace Nyc311.Forecasting.Tests.Tracking;

public sealed class MlflowRestClientTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private MlflowTestServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await MlflowTestServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public void A_run_reaches_the_server_with_its_parameters_metrics_tags_artifacts_and_status()
    {
        var client = new MlflowRestClient(_server.BaseUri, _http);

        var run = client.StartRun("nyc311-forecasting", "train 2026-08-05", new Dictionary<string, string> { ["nyc311.job"] = "train" });
        run.LogParameters(new Dictionary<string, string> { ["horizon"] = "28" });
        for (var i = 0; i < 1500; i++)
        {
            run.LogMetric("tuning.lightgbm.mase", 1.0 / (i + 1), i);
        }

        run.SetTags(new Dictionary<string, string> { ["stage"] = "done" });
        run.LogArtifact("model/champion.json", Encoding.UTF8.GetBytes("{\"horizon\":28}"));
        run.Finish(RunStatus.Finished);

        var stored = _server.Runs[run.RunId];
        stored.Name.ShouldBe("train 2026-08-05");
        stored.Params["horizon"].ShouldBe("28");
        stored.Metrics.Count.ShouldBe(1500);
        stored.Batches.ShouldBe(2); // MLflow takes at most 1000 metrics per log-batch.
        stored.Tags["nyc311.job"].ShouldBe("train");
        stored.Tags["stage"].ShouldBe("done");
        stored.Status.ShouldBe("FINISHED");
        Encoding.UTF8.GetString(_server.Artifacts[$"{stored.ExperimentId}/{run.RunId}/artifacts/model/champion.json"]).ShouldBe("{\"horizon\":28}");
        client.EnsureExperiment("nyc311-forecasting").ShouldBe(run.ExperimentId);
    }

    [Fact]
    public void Non_finite_metrics_reach_the_server_as_MLflow_spells_them()
    {
        var run = new MlflowRestClient(_server.BaseUri, _http).StartRun("e", "r");
        run.LogMetric("champion.mase", double.NaN);
        run.LogMetric("tuning.prophet.mase", double.PositiveInfinity, 3);
        run.Finish(RunStatus.Finished);

        var metrics = _server.Runs[run.RunId].Metrics;
        double.IsNaN(metrics.Single(m => m.Key == "champion.mase").Value).ShouldBeTrue();
        metrics.Single(m => m.Key == "tuning.prophet.mase").ShouldBe(("tuning.prophet.mase", double.PositiveInfinity, 3L));
    }

    [Fact]
    public void Registered_versions_count_up_and_the_alias_follows()
    {
        var client = new MlflowRestClient(_server.BaseUri, _http);

        client.GetAlias("daily", "champion").ShouldBeNull();
        var first = client.CreateModelVersion("daily", "mlflow-artifacts:/1/a/artifacts/model", "a");
        var second = client.CreateModelVersion("daily", "mlflow-artifacts:/1/b/artifacts/model", "b");
        client.SetAlias("daily", "champion", second);

        first.ShouldBe(1);
        second.ShouldBe(2);
        client.GetAlias("daily", "champion").ShouldBe(2);
    }

    [Fact]
    public void A_server_error_becomes_one_tracking_error_naming_the_call()
    {
        _server.FailWith = 500;
        var client = new MlflowRestClient(_server.BaseUri, _http);

        var error = Should.Throw<TrackingException>(() => client.StartRun("e", "r"));

        error.Message.ShouldContain("experiments/get-by-name answered 500");
        error.Message.ShouldContain("the test server was told to fail");
    }

    [Fact]
    public void A_mirrored_run_is_recorded_locally_and_remotely_and_each_names_the_other()
    {
        using var folder = new TempDirectory("mirror");
        var tracker = new MirroredTracker(new MlflowFileStore(folder.Path), new MlflowRestClient(_server.BaseUri, _http));

        var run = (MirroredTracker.MirroredRun)tracker.StartRun("e", "r");
        run.LogMetric("m", 2);
        run.Finish(RunStatus.Finished);

        var local = new MlflowFileStore(folder.Path).ReadRun(run.ExperimentId, run.RunId);
        local.Tags["nyc311.mirror_run_id"].ShouldBe(run.Mirror.RunId);
        local.Metrics["m"].ShouldBe(2);
        _server.Runs[run.Mirror.RunId].Tags["nyc311.local_run_id"].ShouldBe(run.RunId);
        _server.Runs[run.Mirror.RunId].Metrics.ShouldHaveSingleItem().Value.ShouldBe(2);
    }
}

using System.Globalization;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Nyc311.Forecasting.Tracking;
using Nyc311.Testing;

namespace Nyc311.Forecasting.Tests.Tracking;

public sealed class MlflowFileStoreTests : IDisposable
{
    private readonly TempDirectory _folder = new("mlruns");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 8, 6, 7, 0, 0, TimeSpan.Zero));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_run_is_laid_out_as_MLflow_file_store_expects()
    {
        var store = new MlflowFileStore(_folder.Path, _clock, user: "analyst");

        var run = store.StartRun("nyc311-forecasting", "train 2026-08-05");
        run.LogParameters(new Dictionary<string, string> { ["horizon"] = "28", ["input.gold.daily_counts.version"] = "12" });
        run.LogMetric("backtest.prophet.mase", 0.75);
        _clock.Advance(TimeSpan.FromSeconds(1));
        run.LogMetric("tuning.prophet.mase", 0.9, 1);
        run.LogArtifact("model/champion.json", Encoding.UTF8.GetBytes("{}"));
        run.Finish(RunStatus.Finished);

        var experiment = File.ReadAllText(Path.Combine(_folder.Path, run.ExperimentId, "meta.yaml"));
        experiment.ShouldContain("name: nyc311-forecasting\n");
        experiment.ShouldContain("experiment_id: '1'\n");
        experiment.ShouldContain("lifecycle_stage: active\n");
        File.ReadAllText(Path.Combine(_folder.Path, "0", "meta.yaml")).ShouldContain("name: Default\n");
        var runFolder = store.RunFolder(run.ExperimentId, run.RunId);
        var meta = File.ReadAllText(Path.Combine(runFolder, "meta.yaml"));
        meta.ShouldContain($"run_id: {run.RunId}\n");
        meta.ShouldContain("status: 3\n");
        meta.ShouldContain("start_time: 1785999600000\n");
        meta.ShouldContain("end_time: 1785999601000\n");
        meta.ShouldContain("run_name: 'train 2026-08-05'\n");
        File.ReadAllText(Path.Combine(runFolder, "params", "input.gold.daily_counts.version")).ShouldBe("12");
        File.ReadAllText(Path.Combine(runFolder, "metrics", "tuning.prophet.mase")).ShouldBe("1785999601000 0.9 1\n");
        File.ReadAllText(Path.Combine(runFolder, "tags", "mlflow.runName")).ShouldBe("train 2026-08-05");
        File.Exists(Path.Combine(runFolder, "artifacts", "model", "champion.json")).ShouldBeTrue();
        run.RunId.Length.ShouldBe(32);
        run.ArtifactUri.ShouldStartWith("file://");
    }

    [Fact]
    public void A_stored_run_reads_back_with_its_latest_metric_values()
    {
        var store = new MlflowFileStore(_folder.Path, _clock);
        var run = store.StartRun("e", "r", new Dictionary<string, string> { ["nyc311.job"] = "train" });
        run.LogMetric("loss", 2, 0);
        run.LogMetric("loss", 1.5, 1);
        run.Finish(RunStatus.Failed);

        var stored = store.ReadRun(run.ExperimentId, run.RunId);

        stored.Status.ShouldBe(RunStatus.Failed);
        stored.Metrics["loss"].ShouldBe(1.5);
        stored.Tags["nyc311.job"].ShouldBe("train");
        store.EnsureExperiment("e").ShouldBe(run.ExperimentId);
        store.EnsureExperiment("another").ShouldBe((int.Parse(run.ExperimentId, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Keys_MLflow_would_reject_are_made_safe() =>
        MlflowNames.Key("backtest.Noise: Residential/../x").ShouldBe("backtest.Noise_ Residential/_/x");

    [Fact]
    public void An_artifact_cannot_escape_the_run_folder()
    {
        var run = new MlflowFileStore(_folder.Path, _clock).StartRun("e", "r");

        Should.Throw<TrackingException>(() => run.LogArtifact("../../escape.txt", [1]));
    }
}

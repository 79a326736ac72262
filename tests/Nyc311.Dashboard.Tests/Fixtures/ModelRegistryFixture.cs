namespace Nyc311.Dashboard.Tests.Fixtures;

/// <summary>
/// A tracking store and registry in MLflow's file layouts, as the forecasting job keeps them under the lake
/// (<c>_mlruns</c>, <c>_registry</c>): a backtest run with metrics and parameters, and a registered version
/// of it under the <c>champion</c> alias.
/// </summary>
internal static class ModelRegistryFixture
{
    public const string RunId = "0f6c2d4e8a9b4c1d9e7f3a2b1c0d9e8f";

    public static void Write(string lakeRoot)
    {
        var runs = Path.Combine(lakeRoot, "_mlruns");
        File(Path.Combine(runs, "0", "meta.yaml"), "experiment_id: '0'\nlifecycle_stage: active\nname: Default\n");
        File(Path.Combine(runs, "1", "meta.yaml"), "experiment_id: '1'\nlifecycle_stage: active\nname: nyc311-backtest\n");
        var run = Path.Combine(runs, "1", RunId);
        File(Path.Combine(run, "meta.yaml"), $"end_time: 1722753000000\nexperiment_id: '1'\nlifecycle_stage: active\nrun_id: {RunId}\nrun_name: backtest-prophet\nstart_time: 1722751200000\nstatus: 3\n");
        File(Path.Combine(run, "metrics", "mape"), "1722752000000 0.21 0\n1722753000000 0.1234 1\n");
        File(Path.Combine(run, "metrics", "coverage_80"), "1722753000000 0.81 0\n");
        File(Path.Combine(run, "params", "model"), "prophet");
        File(Path.Combine(run, "params", "horizon_days"), "28");
        var model = Path.Combine(lakeRoot, "_registry", "models", "prophet");
        File(Path.Combine(model, "meta.yaml"), "creation_timestamp: 1722753100000\nname: prophet\n");
        File(Path.Combine(model, "version-1", "meta.yaml"), $"creation_timestamp: 1722753100000\ncurrent_stage: None\nname: prophet\nrun_id: {RunId}\nsource: file:///tmp/artifacts/model\nstatus: READY\nversion: 1\n");
        File(Path.Combine(model, "aliases", "champion"), "1");
    }

    private static void File(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text);
    }
}

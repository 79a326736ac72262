using System.Globalization;
using Nyc311.Lake;
using Nyc311.Lake.Catalog;

namespace Nyc311.Cli.Tests.Commands;

public sealed class RunCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private LakeCatalog Catalog => new(new LakeOptions { Root = _cli.Lake });

    private long Scalar(string sql)
    {
        using var db = Catalog.OpenQueryConnection(readOnly: true);
        return long.Parse(Convert.ToString(Nyc311.Lake.Sql.LakeDuckDb.Scalar(db, sql), CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture);
    }

    /// <summary>Every table's version and a hash of its whole content.</summary>
    private Dictionary<string, string> Fingerprints()
    {
        using var db = Catalog.OpenQueryConnection(readOnly: true);
        return Catalog.Tables().ToDictionary(
            t => t.QualifiedName,
            t => $"{DeltaTable.Open(t.Path).LoadSnapshot().Version}:{Nyc311.Lake.Sql.LakeDuckDb.Scalar(db, $"SELECT count(*) || '/' || coalesce(sum(hash(x)), 0) FROM {t.QualifiedName} AS x")}");
    }

    [Fact]
    public async Task The_main_job_builds_bronze_silver_and_gold_offline_and_a_second_run_changes_nothing()
    {
        var first = await _cli.RunAsync("run", "--from", "2026-08-01", "--to", "2026-08-03");

        first.ExitCode.ShouldBe(0, first.Error);
        first.Output.ShouldContain("silver");
        // Three days are too short for the models: the stage says so and the job goes on to detection.
        first.Output.ShouldContain("forecast: skipped: no series");
        first.Output.ShouldContain("detect: judged");
        var tables = Catalog.Tables().Select(t => t.QualifiedName).ToList();
        tables.ShouldContain("bronze.service_requests");
        tables.ShouldContain("silver.service_requests");
        tables.ShouldContain("silver.quarantine");
        tables.ShouldContain("gold.daily_counts");
        tables.ShouldContain("gold.time_to_close");
        tables.ShouldContain("gold.hourly_patterns");

        // Bronze holds what the simulator wrote; silver plus quarantine plus superseded versions account for it.
        var bronze = Scalar("SELECT count(*) FROM bronze.service_requests");
        bronze.ShouldBeGreaterThan(20_000);
        Scalar("SELECT count(*) FROM silver.quarantine").ShouldBeGreaterThan(0);
        Scalar("SELECT sum(requests) FROM gold.daily_counts WHERE complaint_type = '(all)' AND borough = '(all)'")
            .ShouldBe(Scalar("SELECT count(*) FROM silver.service_requests"));

        var before = Fingerprints();
        var second = await _cli.RunAsync("run", "--from", "2026-08-01", "--to", "2026-08-03");
        second.ExitCode.ShouldBe(0, second.Error);
        second.Output.ShouldContain("up to date");
        Fingerprints().ShouldBe(before);
    }

    [Fact]
    public async Task The_api_source_does_not_take_a_simulator_range()
    {
        var result = await _cli.RunAsync("run", "--source", "api", "--from", "2026-08-01");
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("--from and --to");
    }
}

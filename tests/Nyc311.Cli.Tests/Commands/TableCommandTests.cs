using System.Text.Json;
using Nyc311.Lake;
using Nyc311.Lake.Operations;
using Nyc311.Lake.Schema;
using Nyc311.Lake.Sql;

namespace Nyc311.Cli.Tests.Commands;

public sealed class TableCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private string SeedCounts()
    {
        var path = Path.Combine(_cli.Lake, "gold", "daily_counts");
        var schema = new StructType(new StructField("date", DeltaType.Date), new StructField("borough", DeltaType.String), new StructField("requests", DeltaType.Long));
        var table = DeltaTable.Create(path, schema, new CreateTableOptions { PartitionColumns = ["borough"] });
        using var db = LakeDuckDb.Open();
        table.Append(db, "SELECT * FROM (VALUES (DATE '2024-01-01', 'BRONX', 10), (DATE '2024-01-01', 'QUEENS', 12)) AS t(date, borough, requests)");
        table.Append(db, "SELECT DATE '2024-01-02' AS date, 'BRONX' AS borough, 11 AS requests");
        return path;
    }

    [Fact]
    public async Task Info_json_reports_version_files_records_partitioning_and_schema()
    {
        SeedCounts();
        var result = await _cli.RunAsync("table", "info", "gold.daily_counts", "--json");

        result.ExitCode.ShouldBe(0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        root.GetProperty("version").GetInt64().ShouldBe(2);
        root.GetProperty("numFiles").GetInt32().ShouldBe(3);
        root.GetProperty("numRecords").GetInt64().ShouldBe(3);
        root.GetProperty("partitionColumns").EnumerateArray().Select(e => e.GetString()).ShouldBe(["borough"]);
        root.GetProperty("schema").EnumerateArray().Select(e => $"{e.GetProperty("name").GetString()}:{e.GetProperty("type").GetString()}").ShouldBe(["date:date", "borough:string", "requests:long"]);
    }

    [Fact]
    public async Task History_json_has_one_object_per_commit_newest_first()
    {
        var path = SeedCounts();
        var result = await _cli.RunAsync("table", "history", path, "--json");

        result.ExitCode.ShouldBe(0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var commits = json.RootElement.EnumerateArray().ToList();
        commits.Select(c => c.GetProperty("version").GetInt64()).ShouldBe([2L, 1L, 0L]);
        commits.Select(c => c.GetProperty("operation").GetString()).ShouldBe(["WRITE", "WRITE", "CREATE TABLE"]);
        commits[0].GetProperty("operationMetrics").GetProperty("numOutputRows").GetString().ShouldBe("1");
    }

    [Fact]
    public async Task Show_reads_the_current_or_an_earlier_version_in_each_format()
    {
        SeedCounts();
        var latest = await _cli.RunAsync("table", "show", "gold.daily_counts", "--format", "csv");
        latest.ExitCode.ShouldBe(0, latest.Error);
        latest.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(4);
        latest.Output.ShouldStartWith("date,borough,requests");

        var first = await _cli.RunAsync("table", "show", "gold.daily_counts", "--version", "1", "--format", "json");
        using var json = JsonDocument.Parse(first.Output);
        json.RootElement.GetArrayLength().ShouldBe(2);
        json.RootElement.EnumerateArray().Select(r => r.GetProperty("requests").GetInt64()).Order().ShouldBe([10L, 12L]);

        var limited = await _cli.RunAsync("table", "show", "gold.daily_counts", "--limit", "1");
        limited.Output.ShouldContain("1 row(s)");
    }

    [Fact]
    public async Task Optimize_and_vacuum_report_what_they_did()
    {
        SeedCounts();
        var optimize = await _cli.RunAsync("table", "optimize", "gold.daily_counts");
        optimize.ExitCode.ShouldBe(0, optimize.Error);
        optimize.Output.ShouldContain("2 files");

        var vacuum = await _cli.RunAsync("table", "vacuum", "gold.daily_counts", "--retention-hours", "0", "--force", "--dry-run");
        vacuum.ExitCode.ShouldBe(0, vacuum.Error);
        vacuum.Output.ShouldContain("would delete");
    }

    [Theory]
    [InlineData(new[] { "table", "info", "silver.missing" }, "no Delta table")]
    [InlineData(new[] { "table", "show", "gold.daily_counts", "--version", "99" }, "has no version 99")]
    [InlineData(new[] { "table", "show", "gold.daily_counts", "--timestamp", "yesterday-ish" }, "--timestamp")]
    [InlineData(new[] { "table", "vacuum", "gold.daily_counts", "--retention-hours", "1" }, "shorter than the table's")]
    [InlineData(new[] { "table", "frobnicate" }, "frobnicate")]
    public async Task Bad_input_exits_non_zero_with_one_line_naming_the_problem(string[] args, string expected)
    {
        SeedCounts();
        var result = await _cli.RunAsync(args);

        result.ExitCode.ShouldNotBe(0);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, result.Error);
        lines[0].ShouldStartWith("error: ");
        lines[0].ShouldContain(expected);
        result.Error.ShouldNotContain("   at ");
    }
}

using System.Text.Json;
using Nyc311.Lake;
using Nyc311.Lake.Schema;
using Nyc311.Lake.Sql;

namespace Nyc311.Cli.Tests.Commands;

public sealed class QueryCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public QueryCommandTests()
    {
        using var db = LakeDuckDb.Open();
        var schema = new StructType(new StructField("unique_key", DeltaType.Long), new StructField("borough", DeltaType.String));
        DeltaTable.Create(Path.Combine(_cli.Lake, "silver", "service_requests"), schema)
            .Append(db, "SELECT i AS unique_key, CASE WHEN i % 2 = 0 THEN 'BRONX' ELSE 'QUEENS' END AS borough FROM range(0, 10) r(i)");
        DeltaTable.Create(Path.Combine(_cli.Lake, "gold", "daily_counts"), new StructType(new StructField("requests", DeltaType.Long)))
            .Append(db, "SELECT 7 AS requests");
    }

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Every_lake_table_is_a_view_named_layer_dot_table()
    {
        var result = await _cli.RunAsync("query", "SELECT s.borough, count(*) AS n, max(g.requests) AS gold FROM silver.service_requests s, gold.daily_counts g GROUP BY 1 ORDER BY 1", "--format", "json");

        result.ExitCode.ShouldBe(0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        json.RootElement.EnumerateArray().Select(r => $"{r.GetProperty("borough").GetString()}={r.GetProperty("n").GetInt64()}/{r.GetProperty("gold").GetInt64()}")
            .ShouldBe(["BRONX=5/7", "QUEENS=5/7"]);
    }

    [Theory]
    [InlineData("DELETE FROM silver.service_requests")]
    [InlineData("COPY (SELECT 1) TO 'x.csv'")]
    [InlineData("CREATE TABLE t AS SELECT 1")]
    [InlineData("SELECT 1; DROP VIEW silver.service_requests")]
    [InlineData("ATTACH 'other.duckdb'")]
    public async Task Statements_that_would_write_are_refused(string sql)
    {
        var result = await _cli.RunAsync("query", sql);
        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("read-only");
    }

    [Fact]
    public async Task Files_outside_the_lake_root_cannot_be_read()
    {
        var outside = Path.Combine(_cli.Folder.Path, "secret.csv");
        await File.WriteAllTextAsync(outside, "a\n1\n", TestContext.Current.CancellationToken);
        var result = await _cli.RunAsync("query", $"SELECT * FROM read_csv('{outside}')");
        result.ExitCode.ShouldBe(1);
        result.Error.ShouldStartWith("error: SQL error:");
        result.Error.ShouldContain("disabled by configuration");
    }

    [Fact]
    public async Task A_syntax_error_is_one_line()
    {
        var result = await _cli.RunAsync("query", "SELEC nonsense");
        result.ExitCode.ShouldBe(1);
        result.Error.Trim().Split('\n').Length.ShouldBe(1);
        result.Error.ShouldStartWith("error: ");
    }
}

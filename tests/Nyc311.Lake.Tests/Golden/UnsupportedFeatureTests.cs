using Nyc311.Lake.Sql;
using Nyc311.Testing;

namespace Nyc311.Lake.Tests.Golden;

/// <summary>Tables needing reader features this layer does not implement fail naming the feature, never with wrong rows.</summary>
public sealed class UnsupportedFeatureTests : IDisposable
{
    private readonly DuckDB.NET.Data.DuckDBConnection _db = LakeDuckDb.Open(threads: 1);

    public void Dispose() => _db.Dispose();

    [Theory]
    [InlineData("table-with-dv-small", "deletionVectors", "deletionVectors")]
    [InlineData("table_with_column_mapping", "columnMapping", "column mapping (mode 'name')")]
    [InlineData("checkpoint-v2-table", "v2Checkpoint", "v2Checkpoint")]
    public void Loading_the_latest_snapshot_names_the_missing_feature(string name, string feature, string inMessage)
    {
        var table = GoldenTables.Open(name);

        var error = Should.Throw<UnsupportedFeatureException>(() => table.LoadSnapshot());

        error.Feature.ShouldBe(feature);
        error.Message.ShouldContain(inMessage);
    }

    [Theory]
    [InlineData("table-with-dv-small", 0, "deletionVectors")]
    [InlineData("checkpoint-v2-table", 3, "v2Checkpoint")]
    public void Earlier_versions_of_such_tables_fail_the_same_way(string name, long version, string feature)
    {
        var table = GoldenTables.Open(name);

        Should.Throw<UnsupportedFeatureException>(() => table.LoadSnapshot(version)).Feature.ShouldBe(feature);
    }

    [Theory]
    [InlineData("table-with-dv-small", "deletionVectors")]
    [InlineData("table_with_column_mapping", "columnMapping")]
    [InlineData("checkpoint-v2-table", "v2Checkpoint")]
    public void Queries_fail_instead_of_reading_wrong_rows(string name, string feature)
    {
        var table = GoldenTables.Open(name);

        Should.Throw<UnsupportedFeatureException>(() => table.SelectSql(_db)).Feature.ShouldBe(feature);
        Should.Throw<UnsupportedFeatureException>(() => table.CreateView(_db, "golden_view")).Feature.ShouldBe(feature);
    }

    [Theory]
    [InlineData("table-with-dv-small", "deletionVectors")]
    [InlineData("table_with_column_mapping", "columnMapping")]
    [InlineData("checkpoint-v2-table", "v2Checkpoint")]
    public void Writes_fail_and_leave_the_log_unchanged(string name, string feature)
    {
        using var folder = new TempDirectory("golden");
        var copy = GoldenTables.CopyTo(name, folder);
        var logFiles = Directory.GetFiles(Path.Combine(copy, "_delta_log")).Length;
        var table = DeltaTable.Open(copy);

        Should.Throw<UnsupportedFeatureException>(() => table.Append(_db, "SELECT 1 AS id")).Feature.ShouldBe(feature);
        Should.Throw<UnsupportedFeatureException>(() => table.Vacuum()).Feature.ShouldBe(feature);
        Directory.GetFiles(Path.Combine(copy, "_delta_log")).Length.ShouldBe(logFiles);
    }

    [Fact]
    public void History_still_lists_the_commits_of_a_table_that_cannot_be_read()
    {
        var history = GoldenTables.Open("checkpoint-v2-table").History();

        history.Select(h => h.Version).ShouldBe([9L, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
        history[4].Operation.ShouldBe("SET TBLPROPERTIES");
    }
}

using Nyc311.Lake.Sql;
using Nyc311.Lake.Stats;

namespace Nyc311.Lake.Tests.Golden;

/// <summary>
/// delta-0.8.0-special-partition: partition values <c>A/A</c> and <c>B B</c>. The log paths are
/// URI-encoded (<c>x=A%252FA</c>); decoded once they name the on-disk folders <c>x=A%2FA</c> and <c>x=B%20B</c>.
/// </summary>
public sealed class SpecialPartitionTests : IDisposable
{
    private readonly DuckDB.NET.Data.DuckDBConnection _db = LakeDuckDb.Open(threads: 1);
    private readonly DeltaTable _table = GoldenTables.Open("delta-0.8.0-special-partition");

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Log_paths_decode_once_to_the_escaped_folders_on_disk()
    {
        var snapshot = _table.LoadSnapshot();
        var local = snapshot.Files.OrderBy(f => f.Path, StringComparer.Ordinal)
            .Select(f => DataPaths.ToLocal(snapshot.TableRoot, f.Path).Replace('\\', '/'))
            .ToList();

        local[0].ShouldEndWith("/x=A%2FA/part-00007-b350e235-2832-45df-9918-6cab4f7578f7.c000.snappy.parquet");
        local[1].ShouldEndWith("/x=B%20B/part-00015-e9abbc6f-85e9-457b-be8e-e9f5b8a22890.c000.snappy.parquet");
        local.ShouldAllBe(path => File.Exists(path));
    }

    [Fact]
    public void Partition_values_hold_the_real_values()
    {
        var snapshot = _table.LoadSnapshot();

        snapshot.Files.Select(f => f.PartitionValues["x"]).Order().ShouldBe(["A/A", "B B"]);
        GoldenTables.Rows(_db, _table, snapshot, "SELECT x FROM {t} ORDER BY x").ShouldBe(["A/A", "B B"]);
        GoldenTables.Rows(_db, _table, snapshot, "SELECT count(y) FROM {t}").ShouldBe(["2"]);
    }

    [Theory]
    [InlineData("A/A", "part-00007-b350e235")]
    [InlineData("B B", "part-00015-e9abbc6f")]
    public void A_partition_filter_picks_the_file_of_that_value(string value, string filePrefix)
    {
        var files = DeltaTable.FilesFor(_table.LoadSnapshot(), Predicate.Equal("x", value));

        files.ShouldHaveSingleItem().Path.Split('/')[^1].ShouldStartWith(filePrefix);
    }

    [Fact]
    public void A_value_of_no_partition_prunes_every_file()
    {
        var snapshot = _table.LoadSnapshot();

        DeltaTable.FilesFor(snapshot, Predicate.Equal("x", "c")).ShouldBeEmpty();
        _db.Scalar($"SELECT count(*) FROM ({_table.SelectSql(_db, snapshot, Predicate.Equal("x", "c"))})").ShouldBe(0L);
    }
}

using Nyc311.Lake.Sql;
using Nyc311.Lake.Stats;

namespace Nyc311.Lake.Tests.Golden;

/// <summary>table_with_edge_timestamps: year-9999 timestamps stored as legacy Spark INT96, which overflow nanoseconds in int64.</summary>
public sealed class EdgeTimestampTests : IDisposable
{
    private readonly DuckDB.NET.Data.DuckDBConnection _db = LakeDuckDb.Open(threads: 1);
    private readonly DeltaTable _table = GoldenTables.Open("table_with_edge_timestamps");

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Int96_timestamps_read_as_their_true_values()
    {
        var snapshot = _table.LoadSnapshot();

        snapshot.NumRecords.ShouldBe(2);
        GoldenTables.Rows(_db, _table, snapshot, """
            SELECT strftime(BIG_DATE, '%Y-%m-%dT%H:%M:%SZ'), strftime(NORMAL_DATE, '%Y-%m-%dT%H:%M:%SZ'), SOME_VALUE
            FROM {t} ORDER BY SOME_VALUE
            """).ShouldBe(
        [
            "9999-12-31T00:00:00Z|2022-01-01T00:00:00Z|1",
            "9999-12-30T00:00:00Z|2022-02-01T00:00:00Z|2",
        ]);
    }

    [Fact]
    public void Timestamps_are_instants_in_utc()
    {
        var snapshot = _table.LoadSnapshot();

        snapshot.Schema.Get("BIG_DATE").Type.ShouldBe(Schema.DeltaType.Timestamp);
        GoldenTables.Rows(_db, _table, snapshot, "SELECT epoch_ms(NORMAL_DATE) FROM {t} WHERE SOME_VALUE = 1").ShouldBe(["1640995200000"]);
    }

    [Fact]
    public void Year_9999_stats_prune_files()
    {
        var snapshot = _table.LoadSnapshot();

        var files = DeltaTable.FilesFor(snapshot, Predicate.GreaterThan("BIG_DATE", new DateTimeOffset(9999, 12, 30, 12, 0, 0, TimeSpan.Zero)));
        files.ShouldHaveSingleItem().Path.ShouldStartWith("part-00000-a9dd181d");

        var sql = _table.SelectSql(_db, snapshot, Predicate.LessThan("BIG_DATE", new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero)));
        _db.Query($"SELECT SOME_VALUE FROM ({sql})", r => r.GetInt32(0)).ShouldBe([2]);
    }
}

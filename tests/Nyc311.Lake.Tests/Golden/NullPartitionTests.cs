using Nyc311.Lake.Sql;
using Nyc311.Lake.Stats;

namespace Nyc311.Lake.Tests.Golden;

/// <summary>delta-0.8.0-null-partition: one file in <c>k=A</c>, one with a null partition value in <c>k=__HIVE_DEFAULT_PARTITION__</c>.</summary>
public sealed class NullPartitionTests : IDisposable
{
    private const string FileA = "k=A/part-00000-b1f1dbbb-70bc-4970-893f-9bb772bf246e.c000.snappy.parquet";
    private const string FileNull = "k=__HIVE_DEFAULT_PARTITION__/part-00001-8474ac85-360b-4f58-b3ea-23990c71b932.c000.snappy.parquet";
    private readonly DuckDB.NET.Data.DuckDBConnection _db = LakeDuckDb.Open(threads: 1);
    private readonly DeltaTable _table = GoldenTables.Open("delta-0.8.0-null-partition");

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Both_files_are_live_with_their_partition_values()
    {
        var snapshot = _table.LoadSnapshot();

        snapshot.Version.ShouldBe(0);
        snapshot.Files.Select(f => f.Path).Order().ShouldBe([FileA, FileNull]);
        snapshot.Files.ShouldAllBe(f => f.Size == 460 && f.ModificationTime == 1627990384000 && f.Stats == null);
        snapshot.Files.Single(f => f.Path == FileA).PartitionValues["k"].ShouldBe("A");
        snapshot.Files.Single(f => f.Path == FileNull).PartitionValues["k"].ShouldBeNull();
        snapshot.NumRecords.ShouldBeNull();
    }

    [Fact]
    public void The_null_partition_reads_as_sql_null()
    {
        var snapshot = _table.LoadSnapshot();

        GoldenTables.Count(_db, _table, snapshot).ShouldBe(2);
        GoldenTables.Rows(_db, _table, snapshot, "SELECT k FROM {t} ORDER BY k NULLS LAST").ShouldBe(["A", "null"]);
        GoldenTables.Rows(_db, _table, snapshot, "SELECT count(*) FROM {t} WHERE v IS NOT NULL").ShouldBe(["2"]);
    }

    [Fact]
    public void Partition_filters_pick_the_matching_file()
    {
        var snapshot = _table.LoadSnapshot();

        DeltaTable.FilesFor(snapshot, Predicate.Equal("k", "A")).Select(f => f.Path).ShouldBe([FileA]);
        DeltaTable.FilesFor(snapshot, Predicate.IsNull("k")).Select(f => f.Path).ShouldBe([FileNull]);
        DeltaTable.FilesFor(snapshot, Predicate.IsNotNull("k")).Select(f => f.Path).ShouldBe([FileA]);

        // SQL semantics: k <> 'A' is not true for a null k, so no file can match.
        DeltaTable.FilesFor(snapshot, Predicate.NotEqual("k", "A")).ShouldBeEmpty();
    }
}

using Nyc311.Lake.Sql;
using Nyc311.Testing;

namespace Nyc311.Lake.Tests.Golden;

/// <summary>simple_table: unpartitioned, no stats, five commits with many removes, a stray <c>.tmp</c> commit.</summary>
public sealed class SimpleTableTests : IDisposable
{
    private readonly DuckDB.NET.Data.DuckDBConnection _db = LakeDuckDb.Open(threads: 1);
    private readonly DeltaTable _table = GoldenTables.Open("simple_table");

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Latest_version_is_4_and_the_stray_tmp_commit_is_ignored()
    {
        var snapshot = _table.LoadSnapshot();

        snapshot.Version.ShouldBe(4);
        GoldenTables.FileNames(snapshot).ShouldBe(
        [
            "part-00000-2befed33-c358-4768-a43c-3eda0d2a499d-c000.snappy.parquet",
            "part-00000-c1777d7d-89d9-4790-b38a-6ee7e24456b1-c000.snappy.parquet",
            "part-00001-7891c33d-cedc-47c3-88a6-abcfb049d3b4-c000.snappy.parquet",
            "part-00004-315835fe-fb44-4562-98f6-5e6cfa3ae45d-c000.snappy.parquet",
            "part-00007-3a0e4727-de0d-41b6-81ef-5223cf40f025-c000.snappy.parquet",
        ]);
        snapshot.Files.Select(f => f.Size).Order().ShouldBe([262L, 262, 429, 429, 429]);
    }

    [Fact]
    public void Latest_rows_are_ids_5_7_9()
    {
        GoldenTables.Rows(_db, _table, _table.LoadSnapshot(), "SELECT id FROM {t} ORDER BY id").ShouldBe(["5", "7", "9"]);
    }

    [Fact]
    public void Files_without_stats_leave_the_record_count_unknown()
    {
        var snapshot = _table.LoadSnapshot();

        snapshot.Files.ShouldAllBe(f => f.Stats == null);
        snapshot.NumRecords.ShouldBeNull();
        snapshot.Protocol.MinReaderVersion.ShouldBe(1);
        snapshot.Protocol.MinWriterVersion.ShouldBe(2);
        snapshot.PartitionColumns.ShouldBeEmpty();
        snapshot.Schema.Fields.Select(f => $"{f.Name}:{f.Type.SimpleString}").ShouldBe(["id:long"]);
    }

    [Theory]
    [InlineData(0, 6)]
    [InlineData(1, 22)]
    [InlineData(2, 6)]
    [InlineData(3, 6)]
    [InlineData(4, 5)]
    public void Every_version_replays_to_the_live_file_count_of_the_log(long version, int files)
    {
        _table.LoadSnapshot(version).Files.Count.ShouldBe(files);
    }

    [Fact]
    public void Version_0_reads_ids_0_to_4()
    {
        GoldenTables.Rows(_db, _table, _table.LoadSnapshot(0), "SELECT id FROM {t} ORDER BY id").ShouldBe(["0", "1", "2", "3", "4"]);
    }

    [Fact]
    public void Removed_files_stay_as_tombstones()
    {
        // 31 distinct paths are removed over versions 1..4 and none of them is added again.
        var snapshot = _table.LoadSnapshot();

        snapshot.Tombstones.Count.ShouldBe(31);
        snapshot.Tombstones.Select(t => t.Path).ShouldNotContain(p => snapshot.Files.Any(f => f.Path == p));
    }

    [Fact]
    public void History_lists_the_five_operations_newest_first()
    {
        var history = _table.History();

        history.Select(h => h.Version).ShouldBe([4L, 3, 2, 1, 0]);
        history.Select(h => h.Operation).ShouldBe(["DELETE", "UPDATE", "WRITE", "MERGE", "WRITE"]);
        history[2].Parameters["mode"].ShouldBe("Overwrite");
        history[1].ReadVersion.ShouldBe(2);
    }

    [Fact]
    public void Timestamp_time_travel_uses_commit_file_times_for_tables_without_in_commit_timestamps()
    {
        using var folder = new TempDirectory("golden");
        var copy = GoldenTables.CopyTo("simple_table", folder);
        long[] commitTimes = [1587968586154, 1587968596254, 1587968604143, 1587968614187, 1587968626537];
        for (var v = 0; v < commitTimes.Length; v++)
        {
            File.SetLastWriteTimeUtc(Path.Combine(copy, "_delta_log", $"{v:D20}.json"), DateTimeOffset.FromUnixTimeMilliseconds(commitTimes[v]).UtcDateTime);
        }

        var table = DeltaTable.Open(copy);

        table.LoadSnapshotAsOf(DateTimeOffset.FromUnixTimeMilliseconds(1587968600000)).Version.ShouldBe(1);
        table.LoadSnapshotAsOf(DateTimeOffset.FromUnixTimeMilliseconds(1587968626537)).Version.ShouldBe(4);
        Should.Throw<VersionNotFoundException>(() => table.LoadSnapshotAsOf(DateTimeOffset.FromUnixTimeMilliseconds(1587968586000)));
    }
}

using Nyc311.Lake.Sql;
using Nyc311.Testing;

namespace Nyc311.Lake.Tests.Golden;

/// <summary>delta-0.2.0: a 2019 Spark table with an overwrite, a streaming <c>txn</c>, a checkpoint at 3 and stray Hadoop temp files.</summary>
public sealed class Delta020Tests : IDisposable
{
    private const string StreamingAppId = "e4a20b59-dd0e-4c50-b074-e8ae4786df30";
    private readonly DuckDB.NET.Data.DuckDBConnection _db = LakeDuckDb.Open(threads: 1);
    private readonly DeltaTable _table = GoldenTables.Open("delta-0.2.0");

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Latest_version_3_holds_three_files_of_1200_bytes()
    {
        var snapshot = _table.LoadSnapshot();

        snapshot.Version.ShouldBe(3);
        GoldenTables.FileNames(snapshot).ShouldBe(
        [
            "part-00000-7c2deba3-1994-4fb8-bc07-d46c948aa415-c000.snappy.parquet",
            "part-00000-cb6b150b-30b8-4662-ad28-ff32ddab96d2-c000.snappy.parquet",
            "part-00001-c373a5bd-85f0-4758-815e-7eb62007a15c-c000.snappy.parquet",
        ]);
        snapshot.SizeInBytes.ShouldBe(1200);
        snapshot.NumRecords.ShouldBeNull();
    }

    [Fact]
    public void The_overwrite_left_four_tombstones()
    {
        var tombstones = _table.LoadSnapshot().Tombstones;

        tombstones.Count.ShouldBe(4);
        tombstones.Select(t => t.Path[11..19]).Order().ShouldBe(["185eca06", "4327c977", "512e1537", "b44fcdb0"]);
        tombstones.Select(t => t.DeletionTimestamp).ShouldAllBe(ts => ts >= 1564524298213 && ts <= 1564524298214);
    }

    [Fact]
    public void The_streaming_transaction_is_in_the_snapshot()
    {
        var snapshot = _table.LoadSnapshot();

        snapshot.TransactionVersion(StreamingAppId).ShouldBe(0);
        var txn = snapshot.Transactions.ShouldHaveSingleItem();
        txn.AppId.ShouldBe(StreamingAppId);
        txn.LastUpdated.ShouldBe(1564524299648);
        snapshot.TransactionVersion("another-app").ShouldBeNull();
    }

    [Fact]
    public void Minimum_and_maximum_value_are_1_and_3()
    {
        GoldenTables.Rows(_db, _table, _table.LoadSnapshot(), "SELECT min(value), max(value) FROM {t}").ShouldBe(["1|3"]);
    }

    [Fact]
    public void The_schema_is_one_nullable_integer()
    {
        var field = _table.LoadSnapshot().Schema.Fields.ShouldHaveSingleItem();

        field.Name.ShouldBe("value");
        field.Type.SimpleString.ShouldBe("integer");
        field.Nullable.ShouldBeTrue();
    }

    [Fact]
    public void Earlier_versions_replay_to_the_files_of_the_log()
    {
        GoldenTables.FileNames(_table.LoadSnapshot(0)).ShouldBe(
        [
            "part-00000-b44fcdb0-8b06-4f3a-8606-f8311a96f6dc-c000.snappy.parquet",
            "part-00001-185eca06-e017-4dea-ae49-fc48b973e37e-c000.snappy.parquet",
        ]);
        _table.LoadSnapshot(1).Files.Count.ShouldBe(4);
        GoldenTables.FileNames(_table.LoadSnapshot(2)).ShouldBe(
        [
            "part-00000-7c2deba3-1994-4fb8-bc07-d46c948aa415-c000.snappy.parquet",
            "part-00001-c373a5bd-85f0-4758-815e-7eb62007a15c-c000.snappy.parquet",
        ]);
        GoldenTables.Rows(_db, _table, _table.LoadSnapshot(2), "SELECT value FROM {t} ORDER BY value").ShouldBe(["1", "2", "3"]);
    }

    [Fact]
    public void The_checkpoint_at_3_agrees_with_the_json_commits()
    {
        using var folder = new TempDirectory("golden");
        var jsonOnly = GoldenTables.CopyTo("delta-0.2.0", folder);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(jsonOnly, "_delta_log"), "*checkpoint*"))
        {
            File.Delete(file);
        }

        var fromCheckpoint = _table.LoadSnapshot();
        var fromJson = DeltaTable.Open(jsonOnly).LoadSnapshot();

        fromJson.Version.ShouldBe(3);
        fromCheckpoint.Files.Select(f => f.Path).Order().ShouldBe(fromJson.Files.Select(f => f.Path).Order());
        fromCheckpoint.Tombstones.Select(t => (t.Path, t.DeletionTimestamp)).Order().ShouldBe(fromJson.Tombstones.Select(t => (t.Path, t.DeletionTimestamp)).Order());
        fromCheckpoint.Transactions.ShouldBe(fromJson.Transactions);
    }

    [Fact]
    public void Hadoop_temp_checksum_files_in_the_log_are_not_commits()
    {
        Directory.EnumerateFiles(Path.Combine(GoldenTables.PathOf("delta-0.2.0"), "_delta_log"), "*.tmp.crc").Count().ShouldBe(5);

        _table.History().Select(h => h.Version).ShouldBe([3L, 2, 1, 0]);
        _table.History()[0].Operation.ShouldBe("STREAMING UPDATE");
    }
}

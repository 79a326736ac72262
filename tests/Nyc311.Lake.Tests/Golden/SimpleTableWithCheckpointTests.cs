using Nyc311.Lake.Sql;
using Nyc311.Testing;

namespace Nyc311.Lake.Tests.Golden;

/// <summary>simple_table_with_checkpoint: eleven one-row appends, a classic checkpoint at 10 and <c>_last_checkpoint</c>.</summary>
public sealed class SimpleTableWithCheckpointTests : IDisposable
{
    private readonly DuckDB.NET.Data.DuckDBConnection _db = LakeDuckDb.Open(threads: 1);
    private readonly DeltaTable _table = GoldenTables.Open("simple_table_with_checkpoint");

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Latest_version_10_holds_eleven_files_and_eleven_rows()
    {
        var snapshot = _table.LoadSnapshot();

        snapshot.Version.ShouldBe(10);
        snapshot.Files.Count.ShouldBe(11);
        snapshot.Files.ShouldAllBe(f => f.Size == 442);
        snapshot.Tombstones.ShouldBeEmpty();

        // Every commit appended one row (commitInfo numOutputRows=1); the files carry no stats.
        snapshot.NumRecords.ShouldBeNull();
        GoldenTables.Count(_db, _table, snapshot).ShouldBe(11);
        snapshot.Schema.Fields.Select(f => $"{f.Name}:{f.Type.SimpleString}").ShouldBe(["version:integer"]);
    }

    [Fact]
    public void The_checkpoint_replays_to_the_same_files_as_the_json_commits()
    {
        using var folder = new TempDirectory("golden");
        var jsonOnly = GoldenTables.CopyTo("simple_table_with_checkpoint", folder);
        File.Delete(Path.Combine(jsonOnly, "_delta_log", "00000000000000000010.checkpoint.parquet"));
        File.Delete(Path.Combine(jsonOnly, "_delta_log", "_last_checkpoint"));

        var fromCheckpoint = _table.LoadSnapshot();
        var fromJson = DeltaTable.Open(jsonOnly).LoadSnapshot();

        fromCheckpoint.Files.Select(f => (f.Path, f.Size, f.ModificationTime)).Order()
            .ShouldBe(fromJson.Files.Select(f => (f.Path, f.Size, f.ModificationTime)).Order());
        fromCheckpoint.Metadata.Id.ShouldBe(fromJson.Metadata.Id);
        fromCheckpoint.Metadata.SchemaString.ShouldBe(fromJson.Metadata.SchemaString);
        fromCheckpoint.Protocol.ShouldBe(fromJson.Protocol);
    }

    [Fact]
    public void Time_travel_before_the_checkpoint_replays_json_commits()
    {
        _table.LoadSnapshot(9).Files.Count.ShouldBe(10);
        _table.LoadSnapshot(0).Files.Count.ShouldBe(1);
        GoldenTables.Count(_db, _table, _table.LoadSnapshot(4)).ShouldBe(5);
    }

    [Fact]
    public void History_is_limited_on_request()
    {
        _table.History(5).Select(h => h.Version).ShouldBe([10L, 9, 8, 7, 6]);
        _table.History().Count.ShouldBe(11);
        _table.History().ShouldAllBe(h => h.Operation == "WRITE" && h.Metrics["numOutputRows"] == "1");
    }
}

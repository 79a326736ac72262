using Nyc311.Lake.Log;
using Nyc311.Lake.Operations;
using Nyc311.Lake.Schema;
using Nyc311.Lake.Tests.Support;

namespace Nyc311.Lake.Tests.Operations;

public sealed class MaintenanceTests : IDisposable
{
    private static readonly StructType Events = new(new StructField("id", DeltaType.Long), new StructField("part", DeltaType.String));

    private readonly LakeFixture _lake = new();

    public void Dispose() => _lake.Dispose();

    private DeltaTable ManySmallFiles(int appends)
    {
        var table = _lake.Create("events", Events, "part");
        for (var i = 0; i < appends; i++)
        {
            table.Append(_lake.Db, $"SELECT {i} * 10 + r.i AS id, CASE WHEN r.i % 2 = 0 THEN 'a' ELSE 'b' END AS part FROM range(0, 10) r(i)");
        }

        return table;
    }

    private List<long> Ids(DeltaTable table, Nyc311.Lake.Snapshot.TableSnapshot? snapshot = null) =>
        _lake.Column<long>($"SELECT id FROM ({table.SelectSql(_lake.Db, snapshot)}) ORDER BY id");

    [Fact]
    public void Optimize_packs_small_files_per_partition_without_changing_data()
    {
        var table = ManySmallFiles(5);
        var before = Ids(table);
        table.LoadSnapshot().Files.Count.ShouldBe(10);

        var result = table.Optimize(_lake.Db);

        result.FilesRemoved.ShouldBe(10);
        result.FilesAdded.ShouldBe(2);
        result.PartitionsOptimized.ShouldBe(2);
        Ids(table).ShouldBe(before);
        var commit = SnapshotCommit(table, result.Version!.Value);
        commit.OfType<AddFile>().ShouldAllBe(a => !a.DataChange);
        commit.OfType<RemoveFile>().ShouldAllBe(r => !r.DataChange);
        table.History(1).Single().Operation.ShouldBe("OPTIMIZE");
        table.Optimize(_lake.Db).Version.ShouldBeNull();
    }

    [Fact]
    public void Optimize_respects_the_target_size_when_packing_bins()
    {
        var table = ManySmallFiles(6);
        var fileSize = table.LoadSnapshot().Files.Max(f => f.Size);
        var result = table.Optimize(_lake.Db, new OptimizeOptions { TargetFileSizeBytes = (fileSize * 3) + 1 });
        result.FilesAdded.ShouldBe(4);
        Ids(table).Count.ShouldBe(60);
    }

    [Fact]
    public void Vacuum_keeps_files_time_travel_inside_the_window_needs_and_removes_the_rest()
    {
        var table = ManySmallFiles(3);
        var v3 = table.LoadSnapshot();
        table.Optimize(_lake.Db);
        var removed = v3.Files.Select(f => f.Path).ToList();

        // Inside the retention window nothing the old versions need may go.
        _lake.Clock.Advance(TimeSpan.FromDays(1));
        table.Vacuum(new VacuumOptions { DryRun = true }).Files.ShouldBeEmpty();
        Ids(table, table.LoadSnapshot(v3.Version)).Count.ShouldBe(30);

        // After the window the compacted-away files go; live files stay.
        _lake.Clock.Advance(TimeSpan.FromDays(8));
        var dry = table.Vacuum(new VacuumOptions { DryRun = true });
        dry.Files.Count.ShouldBe(removed.Count);
        removed.ShouldAllBe(p => File.Exists(Path.Combine(table.Path, Uri.UnescapeDataString(p))));

        var done = table.Vacuum();
        done.Files.Count.ShouldBe(removed.Count);
        removed.ShouldAllBe(p => !File.Exists(Path.Combine(table.Path, Uri.UnescapeDataString(p))));
        Ids(table).Count.ShouldBe(30);
        table.History(2).Select(h => h.Operation).ShouldBe(["VACUUM END", "VACUUM START"]);
    }

    [Fact]
    public void Vacuum_refuses_a_retention_shorter_than_the_tables_unless_allowed()
    {
        var table = ManySmallFiles(1);
        Should.Throw<InvalidOperationLakeException>(() => table.Vacuum(new VacuumOptions { Retention = TimeSpan.FromHours(1) }))
            .Message.ShouldContain("shorter than the table's");
        table.Vacuum(new VacuumOptions { Retention = TimeSpan.Zero, AllowShortRetention = true, DryRun = true }).Files.ShouldBeEmpty();
    }

    [Fact]
    public void A_checkpoint_is_written_every_ten_commits_and_reading_starts_from_it()
    {
        var table = ManySmallFiles(12);
        var log = Path.Combine(table.Path, "_delta_log");
        File.Exists(Path.Combine(log, "00000000000000000010.checkpoint.parquet")).ShouldBeTrue();
        File.ReadAllText(Path.Combine(log, "_last_checkpoint")).ShouldContain("\"version\":10");

        // Commits up to the checkpoint are no longer needed to read the latest version.
        for (var v = 0; v < 10; v++)
        {
            File.Delete(Path.Combine(log, $"{v:D20}.json"));
        }

        var snapshot = DeltaTable.Open(table.Path).LoadSnapshot();
        snapshot.Version.ShouldBe(12);
        snapshot.Files.Count.ShouldBe(24);
        Ids(table, snapshot).Count.ShouldBe(120);
        Should.Throw<VersionNotFoundException>(() => table.LoadSnapshot(5));
    }

    [Fact]
    public void History_records_operation_parameters_and_metrics_and_time_travel_works_by_version_and_timestamp()
    {
        var table = _lake.Create("events", Events, "part");
        var created = _lake.Clock.GetUtcNow();
        _lake.Clock.Advance(TimeSpan.FromHours(1));
        table.Append(_lake.Db, "SELECT 1 AS id, 'a' AS part");
        var afterFirst = _lake.Clock.GetUtcNow();
        _lake.Clock.Advance(TimeSpan.FromHours(1));
        table.Append(_lake.Db, "SELECT 2 AS id, 'b' AS part");

        var history = table.History();
        history.Select(h => h.Version).ShouldBe([2L, 1L, 0L]);
        history[2].Operation.ShouldBe("CREATE TABLE");
        history[0].Operation.ShouldBe("WRITE");
        history[0].Parameters["mode"].ShouldBe("Append");
        history[0].Metrics["numOutputRows"].ShouldBe("1");
        history[0].ReadVersion.ShouldBe(1);
        history[0].IsBlindAppend.ShouldBe(true);
        history[1].Timestamp.ShouldBe(afterFirst);

        Ids(table, table.LoadSnapshot(1)).ShouldBe([1L]);
        Ids(table, table.LoadSnapshotAsOf(afterFirst.AddMinutes(30))).ShouldBe([1L]);
        table.LoadSnapshotAsOf(created).Version.ShouldBe(0);
        Should.Throw<VersionNotFoundException>(() => table.LoadSnapshotAsOf(created.AddDays(-1)));
        Should.Throw<VersionNotFoundException>(() => table.LoadSnapshot(7));
    }

    private static List<DeltaAction> SnapshotCommit(DeltaTable table, long version) =>
        Nyc311.Lake.Snapshot.SnapshotLoader.ReadCommit(new Nyc311.Lake.Storage.LocalTableStorage(table.Path), version);
}

using Nyc311.Lake.Schema;
using Nyc311.Testing;

namespace Nyc311.Lake.Tests.Golden;

/// <summary>
/// checkpoints_vacuumed: commits 0..4 were cleaned up; JSON 5..12 and checkpoints at 5 and 10 remain,
/// with no <c>_last_checkpoint</c>. Log only: its data files are not part of the fixture.
/// </summary>
public sealed class CheckpointsVacuumedTests
{
    private readonly DeltaTable _table = GoldenTables.Open("checkpoints_vacuumed");

    [Fact]
    public void Latest_version_12_is_found_by_listing_the_newest_checkpoint()
    {
        var snapshot = _table.LoadSnapshot();

        snapshot.Version.ShouldBe(12);
        snapshot.Files.Count.ShouldBe(12);
        snapshot.NumRecords.ShouldBe(12);
        snapshot.Tombstones.ShouldBeEmpty();
    }

    [Fact]
    public void Metadata_and_protocol_come_from_the_checkpoint()
    {
        var snapshot = _table.LoadSnapshot();

        snapshot.Protocol.MinReaderVersion.ShouldBe(1);
        snapshot.Protocol.MinWriterVersion.ShouldBe(2);
        snapshot.PartitionColumns.ShouldBe(["date"]);
        snapshot.Schema.Fields.Select(f => f.Name).ShouldBe(["some_struct", "value", "ts", "date"]);
        snapshot.Schema.Get("some_struct").Type.ShouldBe(new StructType(
            new StructField("some_struct_member", DeltaType.String),
            new StructField("some_struct_timestamp", DeltaType.Timestamp)));
        snapshot.Schema.Get("ts").Type.ShouldBe(DeltaType.Timestamp);
        snapshot.Schema.Get("date").Type.ShouldBe(DeltaType.String);
    }

    [Theory]
    [InlineData(5, 5)]
    [InlineData(7, 7)]
    [InlineData(10, 10)]
    [InlineData(11, 11)]
    public void Versions_from_the_oldest_checkpoint_on_can_be_loaded(long version, int files)
    {
        _table.LoadSnapshot(version).Files.Count.ShouldBe(files);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(4)]
    public void Versions_before_the_oldest_checkpoint_are_not_found(long version)
    {
        var error = Should.Throw<VersionNotFoundException>(() => _table.LoadSnapshot(version));
        error.Message.ShouldContain("5..12");
    }

    [Fact]
    public void History_has_one_entry_per_remaining_commit_file()
    {
        _table.History(5).Count.ShouldBe(5);
        _table.History(10).Select(h => h.Version).ShouldBe([12L, 11, 10, 9, 8, 7, 6, 5]);
    }

    [Fact]
    public void Files_are_pruned_by_their_string_partition()
    {
        var snapshot = _table.LoadSnapshot();
        var perDate = snapshot.Files.GroupBy(f => f.PartitionValues["date"]).ToDictionary(g => g.Key!, g => g.Count());

        DeltaTable.FilesFor(snapshot, Stats.Predicate.Equal("date", "2020-06-01")).Count.ShouldBe(perDate["2020-06-01"]);
        DeltaTable.FilesFor(snapshot, Stats.Predicate.NotEqual("date", "2020-06-01")).Count.ShouldBe(12 - perDate["2020-06-01"]);
    }

    [Fact]
    public void Versions_that_need_cleaned_commits_after_an_older_checkpoint_are_not_found()
    {
        // Commits 5..7 cleaned as well: checkpoint 5 can no longer start versions 5..9; checkpoint 10 starts 10..12.
        using var folder = new TempDirectory("golden");
        var copy = GoldenTables.CopyTo("checkpoints_vacuumed", folder);
        for (var v = 5; v <= 7; v++)
        {
            File.Delete(Path.Combine(copy, "_delta_log", $"{v:D20}.json"));
        }

        var table = DeltaTable.Open(copy);

        table.LoadSnapshot().Files.Count.ShouldBe(12);
        table.LoadSnapshot(10).Files.Count.ShouldBe(10);
        Should.Throw<VersionNotFoundException>(() => table.LoadSnapshot(9)).Message.ShouldContain("10..12");
        Should.Throw<VersionNotFoundException>(() => table.LoadSnapshot(6)).Message.ShouldContain("10..12");
    }

    [Fact]
    public void Timestamp_time_travel_only_considers_versions_that_can_be_loaded()
    {
        using var folder = new TempDirectory("golden");
        var copy = GoldenTables.CopyTo("checkpoints_vacuumed", folder);
        for (var v = 5; v <= 7; v++)
        {
            File.Delete(Path.Combine(copy, "_delta_log", $"{v:D20}.json"));
        }

        var start = new DateTime(2021, 7, 30, 18, 0, 0, DateTimeKind.Utc);
        for (var v = 8; v <= 12; v++)
        {
            File.SetLastWriteTimeUtc(Path.Combine(copy, "_delta_log", $"{v:D20}.json"), start.AddMinutes(v));
        }

        var table = DeltaTable.Open(copy);

        table.LoadSnapshotAsOf(new DateTimeOffset(start.AddMinutes(11.5))).Version.ShouldBe(11);
        Should.Throw<VersionNotFoundException>(() => table.LoadSnapshotAsOf(new DateTimeOffset(start.AddMinutes(9.5))));
    }
}

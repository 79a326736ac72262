using System.Globalization;
using Nyc311.Lake.Stats;
using Nyc311.Lake.Schema;
using Nyc311.Lake.Sql;
using Nyc311.Lake.Tests.Support;

namespace Nyc311.Lake.Tests.Transaction;

public sealed class ConcurrencyTests : IDisposable
{
    private static readonly StructType Rows = new(new StructField("writer", DeltaType.Integer), new StructField("seq", DeltaType.Long));

    private readonly LakeFixture _lake = new();

    public void Dispose() => _lake.Dispose();

    [Fact]
    public void Two_processes_appending_at_the_same_time_lose_nothing()
    {
        var table = _lake.Create("shared", Rows);
        const int commits = 12;
        const int rowsPerCommit = 50;

        using var first = TestWriterProcess.Start(table.Path, "append", "1", $"{commits}", $"{rowsPerCommit}");
        using var second = TestWriterProcess.Start(table.Path, "append", "2", $"{commits}", $"{rowsPerCommit}");
        first.WaitForExit(TimeSpan.FromMinutes(2)).ShouldBeTrue();
        second.WaitForExit(TimeSpan.FromMinutes(2)).ShouldBeTrue();
        first.ExitCode.ShouldBe(0, first.StandardError.ReadToEnd());
        second.ExitCode.ShouldBe(0, second.StandardError.ReadToEnd());

        var snapshot = table.LoadSnapshot();
        snapshot.Version.ShouldBe(2 * commits);
        var perWriter = _lake.Db.Query($"SELECT writer, count(*), count(DISTINCT seq) FROM ({table.SelectSql(_lake.Db, snapshot)}) GROUP BY writer ORDER BY writer",
            r => string.Create(CultureInfo.InvariantCulture, $"{r.GetValue(0)}:{r.GetValue(1)}:{r.GetValue(2)}"));
        perWriter.ShouldBe([$"1:{commits * rowsPerCommit}:{commits * rowsPerCommit}", $"2:{commits * rowsPerCommit}:{commits * rowsPerCommit}"]);
        Directory.GetFiles(Path.Combine(table.Path, "_delta_log"), "*.json").Length.ShouldBe((2 * commits) + 1);
    }

    [Fact]
    public void A_writer_killed_before_its_commit_leaves_the_previous_version_readable_and_vacuum_removes_its_files()
    {
        var table = _lake.Create("crash", Rows);
        table.Append(_lake.Db, "SELECT 0 AS writer, i AS seq FROM range(0, 10) r(i)");

        using (var writer = TestWriterProcess.Start(table.Path, "hang-before-commit", "9"))
        {
            writer.StandardOutput.ReadLine().ShouldBe("files-written");
            writer.Kill(entireProcessTree: true);
            writer.WaitForExit();
        }

        var parquet = Directory.GetFiles(table.Path, "*.parquet", SearchOption.AllDirectories);
        parquet.Length.ShouldBe(2);
        var snapshot = table.LoadSnapshot();
        snapshot.Version.ShouldBe(1);
        _lake.Count(table).ShouldBe(10);

        _lake.Clock.Advance(TimeSpan.FromDays(8));
        var vacuum = table.Vacuum();
        vacuum.Files.Count.ShouldBe(1);
        Directory.GetFiles(table.Path, "*.parquet", SearchOption.AllDirectories).Length.ShouldBe(1);
        _lake.Count(table).ShouldBe(10);
    }

    [Fact]
    public void Concurrent_deletes_of_the_same_file_conflict_and_the_loser_changes_nothing()
    {
        var table = _lake.Create("rows", Rows, "writer");
        table.Append(_lake.Db, "SELECT i % 2 AS writer, i AS seq FROM range(0, 10) r(i)");

        // The loser read version 1; the winner commits version 2 first, from inside the loser's commit.
        var loser = DeltaTable.Open(table.Path, _lake.Options, _lake.Clock);
        var winner = DeltaTable.Open(table.Path, _lake.Options, _lake.Clock);
        loser.BeforeCommit = _ =>
        {
            loser.BeforeCommit = null;
            winner.Delete(_lake.Db, Predicate.Equal("seq", 4L));
        };

        var error = Should.Throw<CommitConflictException>(() => loser.Delete(_lake.Db, Predicate.Equal("seq", 2L)));
        error.WinningVersion.ShouldBe(2);
        error.Message.ShouldContain("removed");
        table.LoadSnapshot().Version.ShouldBe(2);
        _lake.Column<long>($"SELECT seq FROM ({table.SelectSql(_lake.Db)}) ORDER BY seq").ShouldBe([0L, 1, 2, 3, 5, 6, 7, 8, 9]);
        Directory.GetFiles(table.Path, "*.parquet", SearchOption.AllDirectories).Length.ShouldBe(3);
    }

    [Fact]
    public void A_blind_append_racing_another_commit_retries_at_the_next_version()
    {
        var table = _lake.Create("rows", Rows);
        var racer = DeltaTable.Open(table.Path, _lake.Options, _lake.Clock);
        table.BeforeCommit = _ =>
        {
            table.BeforeCommit = null;
            racer.Append(_lake.Db, "SELECT 2 AS writer, 1 AS seq");
        };

        var result = table.Append(_lake.Db, "SELECT 1 AS writer, 1 AS seq");
        result.Version.ShouldBe(2);
        _lake.Count(table).ShouldBe(2);
    }

    [Fact]
    public void A_delete_racing_an_append_into_the_rows_it_read_conflicts()
    {
        var table = _lake.Create("rows", Rows, "writer");
        table.Append(_lake.Db, "SELECT 1 AS writer, i AS seq FROM range(0, 5) r(i)");
        var racer = DeltaTable.Open(table.Path, _lake.Options, _lake.Clock);
        table.BeforeCommit = _ =>
        {
            table.BeforeCommit = null;
            racer.Append(_lake.Db, "SELECT 1 AS writer, 3 AS seq");
        };

        Should.Throw<CommitConflictException>(() => table.Delete(_lake.Db, Predicate.Equal("seq", 3L))).Message.ShouldContain("added");
    }

    [Fact]
    public void A_delete_does_not_conflict_with_an_append_into_another_partition()
    {
        var table = _lake.Create("rows", Rows, "writer");
        table.Append(_lake.Db, "SELECT 1 AS writer, i AS seq FROM range(0, 5) r(i)");
        var racer = DeltaTable.Open(table.Path, _lake.Options, _lake.Clock);
        table.BeforeCommit = _ =>
        {
            table.BeforeCommit = null;
            racer.Append(_lake.Db, "SELECT 2 AS writer, 3 AS seq");
        };

        table.Delete(_lake.Db, Predicate.Equal("writer", 1)).Version.ShouldBe(3);
        _lake.Column<long>($"SELECT seq FROM ({table.SelectSql(_lake.Db)})").ShouldBe([3L]);
    }
}

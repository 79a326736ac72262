using Nyc311.Lake.Log;
using Nyc311.Lake.Operations;
using Nyc311.Lake.Schema;
using Nyc311.Lake.Sql;
using Nyc311.Lake.Stats;
using Nyc311.Lake.Tests.Support;

namespace Nyc311.Lake.Tests.Operations;

public sealed class WriteTests : IDisposable
{
    private static readonly StructType Counts = new(
        new StructField("day", DeltaType.Date),
        new StructField("type", DeltaType.String),
        new StructField("requests", DeltaType.Long));

    private readonly LakeFixture _lake = new();

    public void Dispose() => _lake.Dispose();

    private DeltaTable SeedThreeDays()
    {
        var table = _lake.Create("counts", Counts, "day");
        table.Append(_lake.Db, """
            SELECT * FROM (VALUES (DATE '2024-01-01', 'Noise', 10), (DATE '2024-01-01', 'Heat', 5),
                                  (DATE '2024-01-02', 'Noise', 12), (DATE '2024-01-03', 'Noise', 7))
                AS t(day, type, requests)
            """);
        return table;
    }

    private List<string> Rows(DeltaTable table) =>
        _lake.Db.Query($"SELECT day::VARCHAR || ' ' || type || ' ' || requests FROM ({table.SelectSql(_lake.Db)}) ORDER BY 1", r => r.GetString(0));

    [Fact]
    public void Overwrite_without_predicate_replaces_the_whole_table()
    {
        var table = SeedThreeDays();
        var result = table.Overwrite(_lake.Db, "SELECT DATE '2024-02-01' AS day, 'Noise' AS type, 1 AS requests");

        result.FilesRemoved.ShouldBe(3);
        result.RowsDeleted.ShouldBe(4);
        Rows(table).ShouldBe(["2024-02-01 Noise 1"]);
        table.History(1).Single().Parameters["mode"].ShouldBe("Overwrite");
    }

    [Fact]
    public void Overwrite_with_a_partition_predicate_replaces_only_the_partitions_it_selects()
    {
        var table = SeedThreeDays();
        var before = table.LoadSnapshot().Files.Where(f => f.PartitionValues["day"] != "2024-01-02").Select(f => f.Path).ToList();

        var result = table.Overwrite(_lake.Db, "SELECT DATE '2024-01-02' AS day, 'Noise' AS type, 99 AS requests", Predicate.Equal("day", new DateOnly(2024, 1, 2)));

        result.FilesRemoved.ShouldBe(1);
        Rows(table).ShouldBe(["2024-01-01 Heat 5", "2024-01-01 Noise 10", "2024-01-02 Noise 99", "2024-01-03 Noise 7"]);
        table.LoadSnapshot().Files.Select(f => f.Path).ShouldBeSubsetOf(table.LoadSnapshot().Files.Select(f => f.Path));
        before.ShouldBeSubsetOf(table.LoadSnapshot().Files.Select(f => f.Path));
    }

    [Fact]
    public void Overwrite_with_a_data_predicate_keeps_the_other_rows_of_rewritten_files()
    {
        var table = SeedThreeDays();
        table.Overwrite(_lake.Db, "SELECT DATE '2024-01-01' AS day, 'Heat' AS type, 6 AS requests", Predicate.Equal("type", "Heat"));
        Rows(table).ShouldBe(["2024-01-01 Heat 6", "2024-01-01 Noise 10", "2024-01-02 Noise 12", "2024-01-03 Noise 7"]);
    }

    [Fact]
    public void Overwrite_refuses_rows_outside_its_predicate_and_leaves_the_table_unchanged()
    {
        var table = SeedThreeDays();
        var version = table.LoadSnapshot().Version;
        var files = Directory.GetFiles(table.Path, "*.parquet", SearchOption.AllDirectories).Length;

        var error = Should.Throw<InvalidOperationLakeException>(() =>
            table.Overwrite(_lake.Db, "SELECT DATE '2024-01-05' AS day, 'Noise' AS type, 1 AS requests", Predicate.Equal("day", new DateOnly(2024, 1, 2))));

        error.Message.ShouldContain("do not match the replaceWhere predicate");
        table.LoadSnapshot().Version.ShouldBe(version);
        Directory.GetFiles(table.Path, "*.parquet", SearchOption.AllDirectories).Length.ShouldBe(files);
    }

    [Fact]
    public void Delete_by_partition_drops_whole_files_without_rewriting()
    {
        var table = SeedThreeDays();
        var result = table.Delete(_lake.Db, Predicate.Equal("day", new DateOnly(2024, 1, 1)));

        result.FilesRemoved.ShouldBe(1);
        result.FilesAdded.ShouldBe(0);
        result.RowsDeleted.ShouldBe(2);
        Rows(table).ShouldBe(["2024-01-02 Noise 12", "2024-01-03 Noise 7"]);
    }

    [Fact]
    public void Delete_by_data_column_rewrites_only_files_holding_matching_rows()
    {
        var table = SeedThreeDays();
        var result = table.Delete(_lake.Db, Predicate.Equal("type", "Heat"));

        result.FilesRemoved.ShouldBe(1);
        result.FilesAdded.ShouldBe(1);
        result.RowsDeleted.ShouldBe(1);
        result.RowsCopied.ShouldBe(1);
        Rows(table).ShouldBe(["2024-01-01 Noise 10", "2024-01-02 Noise 12", "2024-01-03 Noise 7"]);
    }

    [Fact]
    public void Delete_that_matches_nothing_commits_nothing()
    {
        var table = SeedThreeDays();
        var result = table.Delete(_lake.Db, Predicate.Equal("type", "Rodent"));
        result.Version.ShouldBeNull();
        table.LoadSnapshot().Version.ShouldBe(1);
    }

    [Fact]
    public void Columns_the_table_lacks_fail_the_write_unless_schema_evolution_is_asked_for()
    {
        var table = SeedThreeDays();
        const string withExtra = "SELECT DATE '2024-01-04' AS day, 'Noise' AS type, 3 AS requests, 'BRONX' AS borough";

        Should.Throw<SchemaMismatchException>(() => table.Append(_lake.Db, withExtra)).Message.ShouldContain("borough");

        table.Append(_lake.Db, withExtra, new WriteOptions { MergeSchema = true });
        var snapshot = table.LoadSnapshot();
        snapshot.Schema.Fields.Select(f => f.Name).ShouldBe(["day", "type", "requests", "borough"]);
        _lake.Column<long>($"SELECT count(*) FROM ({table.SelectSql(_lake.Db)}) WHERE borough IS NULL").Single().ShouldBe(4);
        _lake.Column<string>($"SELECT borough FROM ({table.SelectSql(_lake.Db)}) WHERE borough IS NOT NULL").ShouldBe(["BRONX"]);
    }

    [Fact]
    public void A_write_with_an_application_transaction_is_applied_once()
    {
        var table = SeedThreeDays();
        var options = new WriteOptions { Transaction = new SetTransaction("ingest:test", 42) };
        const string batch = "SELECT DATE '2024-01-04' AS day, 'Noise' AS type, 3 AS requests";

        table.Append(_lake.Db, batch, options).AlreadyCommitted.ShouldBeFalse();
        table.Append(_lake.Db, batch, options).AlreadyCommitted.ShouldBeTrue();

        Rows(table).Count.ShouldBe(5);
        table.LoadSnapshot().TransactionVersion("ingest:test").ShouldBe(42);
    }

    [Fact]
    public void Append_only_tables_refuse_deletes()
    {
        var table = DeltaTable.Create(_lake.PathOf("log"), Counts, new CreateTableOptions { Properties = new Dictionary<string, string> { ["delta.appendOnly"] = "true" } }, _lake.Options, _lake.Clock);
        table.Append(_lake.Db, "SELECT DATE '2024-01-01' AS day, 'Noise' AS type, 1 AS requests");
        Should.Throw<InvalidOperationLakeException>(() => table.Delete(_lake.Db, Predicate.Equal("type", "Noise"))).Message.ShouldContain("append-only");
    }

    [Fact]
    public void Check_constraints_reject_violating_rows()
    {
        var table = DeltaTable.Create(_lake.PathOf("checked"), Counts, new CreateTableOptions { Properties = new Dictionary<string, string> { ["delta.constraints.nonnegative"] = "requests >= 0" } }, _lake.Options, _lake.Clock);
        Should.Throw<InvalidOperationLakeException>(() => table.Append(_lake.Db, "SELECT DATE '2024-01-01' AS day, 'Noise' AS type, -1 AS requests"))
            .Message.ShouldContain("nonnegative");
        table.LoadSnapshot().Files.ShouldBeEmpty();
    }

    [Fact]
    public void An_empty_append_commits_no_file()
    {
        var table = SeedThreeDays();
        var result = table.Append(_lake.Db, "SELECT DATE '2024-01-04' AS day, 'Noise' AS type, 3 AS requests WHERE FALSE");
        result.FilesAdded.ShouldBe(0);
        table.LoadSnapshot().Files.Count.ShouldBe(3);
        Directory.GetFiles(table.Path, "*.parquet", SearchOption.AllDirectories).Length.ShouldBe(3);
    }

    [Fact]
    public void Unknown_columns_in_a_predicate_fail_with_the_column_named()
    {
        var table = SeedThreeDays();
        Should.Throw<LakeException>(() => table.Delete(_lake.Db, Predicate.Equal("borough", "BRONX"))).Message.ShouldContain("borough");
    }
}

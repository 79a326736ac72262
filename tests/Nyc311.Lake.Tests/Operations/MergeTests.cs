using Nyc311.Lake.Operations;
using Nyc311.Lake.Schema;
using Nyc311.Lake.Sql;
using Nyc311.Lake.Tests.Support;

namespace Nyc311.Lake.Tests.Operations;

public sealed class MergeTests : IDisposable
{
    private static readonly StructType Requests = new(
        new StructField("unique_key", DeltaType.Long),
        new StructField("status", DeltaType.String),
        new StructField("updated_at", DeltaType.Timestamp));

    private readonly LakeFixture _lake = new();

    public void Dispose() => _lake.Dispose();

    /// <summary>Four files with disjoint key ranges: [0,100), [100,200), [200,300), [300,400).</summary>
    private DeltaTable FourFiles()
    {
        var table = _lake.Create("requests", Requests);
        for (var f = 0; f < 4; f++)
        {
            table.Append(_lake.Db, $"SELECT i AS unique_key, 'Open' AS status, TIMESTAMPTZ '2024-01-01 00:00:00+00' AS updated_at FROM range({f * 100}, {(f + 1) * 100}) r(i)");
        }

        return table;
    }

    private Dictionary<long, string> Statuses(DeltaTable table) =>
        _lake.Db.Query($"SELECT unique_key, status FROM ({table.SelectSql(_lake.Db)})", r => (Convert.ToInt64(r.GetValue(0)), r.GetString(1)))
            .ToDictionary(x => x.Item1, x => x.Item2);

    [Fact]
    public void Merge_rewrites_only_files_whose_stats_can_hold_a_key()
    {
        var table = FourFiles();
        var result = table.Merge(_lake.Db, """
            SELECT * FROM (VALUES (150, 'Closed', TIMESTAMPTZ '2024-01-02 00:00:00+00'),
                                  (160, 'Closed', TIMESTAMPTZ '2024-01-02 00:00:00+00'),
                                  (1000, 'Open', TIMESTAMPTZ '2024-01-02 00:00:00+00'))
                AS s(unique_key, status, updated_at)
            """, new MergeOptions { Keys = ["unique_key"] });

        result.FilesInTable.ShouldBe(4);
        result.FilesCandidate.ShouldBe(1);
        result.FilesRewritten.ShouldBe(1);
        result.RowsUpdated.ShouldBe(2);
        result.RowsInserted.ShouldBe(1);
        result.RowsCopied.ShouldBe(98);

        var statuses = Statuses(table);
        statuses.Count.ShouldBe(401);
        statuses[150].ShouldBe("Closed");
        statuses[1000].ShouldBe("Open");
        statuses.Count(kv => kv.Value == "Closed").ShouldBe(2);
        var metrics = table.History(1).Single().Metrics;
        metrics["numTargetFilesRemoved"].ShouldBe("1");
        metrics["numTargetRowsUpdated"].ShouldBe("2");
    }

    [Fact]
    public void Keys_inside_a_files_range_but_absent_from_it_leave_the_file_untouched()
    {
        var table = _lake.Create("requests", Requests);
        table.Append(_lake.Db, "SELECT i * 10 AS unique_key, 'Open' AS status, TIMESTAMPTZ '2024-01-01 00:00:00+00' AS updated_at FROM range(0, 100) r(i)");
        var result = table.Merge(_lake.Db, "SELECT 55 AS unique_key, 'Open' AS status, TIMESTAMPTZ '2024-01-02 00:00:00+00' AS updated_at", new MergeOptions { Keys = ["unique_key"] });

        result.FilesCandidate.ShouldBe(1);
        result.FilesRewritten.ShouldBe(0);
        result.RowsInserted.ShouldBe(1);
        table.LoadSnapshot().Files.Count.ShouldBe(2);
    }

    [Fact]
    public void An_update_condition_keeps_the_newer_target_row_and_a_repeat_merge_commits_nothing()
    {
        var table = FourFiles();
        const string source = "SELECT * FROM (VALUES (10, 'Closed', TIMESTAMPTZ '2024-01-03 00:00:00+00'), (20, 'Stale', TIMESTAMPTZ '2023-12-01 00:00:00+00')) AS s(unique_key, status, updated_at)";
        var options = new MergeOptions { Keys = ["unique_key"], UpdateCondition = "s.updated_at > t.updated_at" };

        var first = table.Merge(_lake.Db, source, options);
        first.RowsUpdated.ShouldBe(1);
        var statuses = Statuses(table);
        statuses[10].ShouldBe("Closed");
        statuses[20].ShouldBe("Open");

        var version = table.LoadSnapshot().Version;
        var again = table.Merge(_lake.Db, source, options);
        again.Version.ShouldBeNull();
        table.LoadSnapshot().Version.ShouldBe(version);
    }

    [Fact]
    public void Duplicate_keys_in_the_source_are_refused()
    {
        var table = FourFiles();
        Should.Throw<InvalidOperationLakeException>(() => table.Merge(_lake.Db,
            "SELECT * FROM (VALUES (1, 'A', NULL::TIMESTAMPTZ), (1, 'B', NULL::TIMESTAMPTZ)) AS s(unique_key, status, updated_at)",
            new MergeOptions { Keys = ["unique_key"] })).Message.ShouldContain("more than once");
    }

    [Fact]
    public void Merge_into_a_partitioned_table_touches_only_partitions_holding_the_keys()
    {
        var schema = new StructType(new StructField("unique_key", DeltaType.Long), new StructField("month", DeltaType.Date), new StructField("status", DeltaType.String));
        var table = _lake.Create("silver", schema, "month");
        table.Append(_lake.Db, "SELECT i AS unique_key, DATE '2024-01-01' + INTERVAL (i // 100) MONTH AS month, 'Open' AS status FROM range(0, 600) r(i)");
        var result = table.Merge(_lake.Db, "SELECT 250 AS unique_key, DATE '2024-03-01' AS month, 'Closed' AS status", new MergeOptions { Keys = ["unique_key"] });

        result.FilesInTable.ShouldBe(6);
        result.FilesRewritten.ShouldBe(1);
        table.LoadSnapshot().Files.Count(f => f.PartitionValues["month"] == "2024-03-01").ShouldBe(1);
    }
}

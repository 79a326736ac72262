using Microsoft.Extensions.Time.Testing;
using Nyc311.Lake.Sql;
using Nyc311.Lake.Stats;
using Nyc311.Testing;

namespace Nyc311.Lake.Tests.Golden;

/// <summary>Our writer appends to (and compacts) copies of Spark-written tables; old and new rows read back together.</summary>
public sealed class AppendToSparkTableTests : IDisposable
{
    private readonly DuckDB.NET.Data.DuckDBConnection _db = LakeDuckDb.Open(threads: 1);
    private readonly TempDirectory _folder = new("golden");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        _db.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void Appending_to_the_partitioned_spark_table_keeps_old_rows_and_hive_layout()
    {
        var table = DeltaTable.Open(GoldenTables.CopyTo("delta-0.8.0-partitioned", _folder), time: _clock);

        var result = table.Append(_db, "SELECT * FROM (VALUES ('8', '2021', '12', '20'), ('9', '2022', '1', '1')) AS t(value, year, month, day)");

        result.Version.ShouldBe(1);
        result.FilesAdded.ShouldBe(2);
        var latest = table.LoadSnapshot();
        GoldenTables.Rows(_db, table, latest, "SELECT value, year, month, day FROM {t} ORDER BY value").ShouldBe(
        [
            "1|2020|1|1", "2|2020|2|3", "3|2020|2|5", "4|2021|4|5", "5|2021|12|4", "6|2021|12|20", "7|2021|12|20", "8|2021|12|20", "9|2022|1|1",
        ]);
        DeltaTable.FilesFor(latest, Predicate.Equal("month", "12")).Count.ShouldBe(3);
        DeltaTable.FilesFor(latest, Predicate.Equal("year", "2022")).ShouldHaveSingleItem().Path.ShouldStartWith("year=2022/month=1/day=1/");
        GoldenTables.Count(_db, table, table.LoadSnapshot(0)).ShouldBe(7);
    }

    [Fact]
    public void Appending_to_a_table_without_stats_records_stats_only_for_new_files()
    {
        var table = DeltaTable.Open(GoldenTables.CopyTo("simple_table", _folder), time: _clock);

        table.Append(_db, "SELECT 10::BIGINT AS id UNION ALL SELECT 11");

        var latest = table.LoadSnapshot();
        latest.Version.ShouldBe(5);
        latest.NumRecords.ShouldBeNull();
        FileStatistics.Parse(latest.Files.Single(f => f.Stats is not null).Stats)!.NumRecords.ShouldBe(2);
        GoldenTables.Rows(_db, table, latest, "SELECT id FROM {t} ORDER BY id").ShouldBe(["5", "7", "9", "10", "11"]);
        DeltaTable.FilesFor(latest, Predicate.GreaterThan("id", 9L)).Count.ShouldBe(6);
    }

    [Fact]
    public void Our_checkpoint_over_a_spark_table_keeps_its_streaming_transaction()
    {
        var table = DeltaTable.Open(GoldenTables.CopyTo("delta-0.2.0", _folder), time: _clock);

        for (var i = 0; i < 7; i++)
        {
            table.Append(_db, $"SELECT {10 + i} AS value");
        }

        File.Exists(Path.Combine(table.Path, "_delta_log", "00000000000000000010.checkpoint.parquet")).ShouldBeTrue();
        var latest = table.LoadSnapshot();
        latest.Version.ShouldBe(10);
        latest.TransactionVersion("e4a20b59-dd0e-4c50-b074-e8ae4786df30").ShouldBe(0);
        latest.Files.Count.ShouldBe(10);
        GoldenTables.Rows(_db, table, latest, "SELECT min(value), max(value), count(*) FILTER (WHERE value >= 10) FROM {t}").ShouldBe(["1|16|7"]);

        // Spark's 2019 tombstones are far older than the retention window, so our checkpoint drops them.
        latest.Tombstones.ShouldBeEmpty();
    }

    [Fact]
    public void Optimizing_the_wide_spark_table_compacts_its_twelve_files_into_one()
    {
        var table = DeltaTable.Open(GoldenTables.CopyTo("delta-1.2.1-only-struct-stats", _folder), time: _clock);
        const string everything = """
            SELECT "integer", "null", "boolean", "double", "decimal", "string", "binary", "date", "timestamp",
                   "struct"::VARCHAR, "map"::VARCHAR, "array"::VARCHAR, nested_struct::VARCHAR, struct_of_array_of_map::VARCHAR, new_column
            FROM {t} ORDER BY "integer"
            """;
        var before = GoldenTables.Rows(_db, table, table.LoadSnapshot(), everything);

        var result = table.Optimize(_db);

        result.FilesRemoved.ShouldBe(12);
        result.FilesAdded.ShouldBe(1);
        var latest = table.LoadSnapshot();
        latest.Version.ShouldBe(13);
        latest.Files.ShouldHaveSingleItem().DataChange.ShouldBeFalse();
        latest.NumRecords.ShouldBe(12);
        GoldenTables.Rows(_db, table, latest, everything).ShouldBe(before);
    }
}

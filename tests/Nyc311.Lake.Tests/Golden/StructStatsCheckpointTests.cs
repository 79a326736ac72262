using System.Globalization;
using Nyc311.Lake.Schema;
using Nyc311.Lake.Sql;
using Nyc311.Lake.Stats;

namespace Nyc311.Lake.Tests.Golden;

/// <summary>
/// delta-1.2.1-only-struct-stats: a wide schema (decimal, binary, struct, map, array, nested struct),
/// <c>new_column</c> added at version 10, and a checkpoint at 10 whose adds carry <c>stats_parsed</c> only.
/// Twelve one-row files; file n holds <c>integer</c> = n (0..11).
/// </summary>
public sealed class StructStatsCheckpointTests : IDisposable
{
    private const string FirstFile = "part-00000-7a509247-4f58-4453-9202-51d75dee59af-c000.snappy.parquet";
    private readonly DuckDB.NET.Data.DuckDBConnection _db = LakeDuckDb.Open(threads: 1);
    private readonly DeltaTable _table = GoldenTables.Open("delta-1.2.1-only-struct-stats");

    public void Dispose() => _db.Dispose();

    [Fact]
    public void The_checkpoint_has_struct_stats_and_no_json_stats()
    {
        var checkpoint = Path.Combine(GoldenTables.PathOf("delta-1.2.1-only-struct-stats"), "_delta_log", "00000000000000000010.checkpoint.parquet");
        var addType = _db.Describe($"SELECT * FROM read_parquet('{checkpoint}')").Single(c => c.Name == "add").Type;

        addType.ShouldContain("stats_parsed STRUCT(");
        addType.ShouldNotContain(" stats VARCHAR");
    }

    [Fact]
    public void Latest_version_12_counts_every_record_through_checkpoint_and_json_stats()
    {
        var snapshot = _table.LoadSnapshot();

        snapshot.Version.ShouldBe(12);
        snapshot.Files.Count.ShouldBe(12);
        snapshot.NumRecords.ShouldBe(12);
    }

    [Fact]
    public void The_first_file_has_equal_stats_from_the_checkpoint_and_from_json()
    {
        var fromCheckpoint = _table.LoadSnapshot().Files.Single(f => f.Path == FirstFile);
        var fromJson = _table.LoadSnapshot(1).Files.ShouldHaveSingleItem();

        fromJson.Path.ShouldBe(FirstFile);
        fromJson.Size.ShouldBe(5489);
        fromCheckpoint.PartitionValues.ShouldBe(fromJson.PartitionValues);
        var checkpointStats = FileStatistics.Parse(fromCheckpoint.Stats)!;
        var jsonStats = FileStatistics.Parse(fromJson.Stats)!;
        checkpointStats.NumRecords.ShouldBe(1);
        jsonStats.NumRecords.ShouldBe(1);
        checkpointStats.MinOf("integer")!.GetValue<long>().ShouldBe(0);
        checkpointStats.MinOf("double")!.GetValue<double>().ShouldBe(1.234);
        checkpointStats.MaxOf("string")!.GetValue<string>().ShouldBe("string");
        checkpointStats.NullCountOf("null").ShouldBe(1);
    }

    [Fact]
    public void Struct_stats_skip_files_by_integer_timestamp_and_null_count()
    {
        var snapshot = _table.LoadSnapshot();

        DeltaTable.FilesFor(snapshot, Predicate.Equal("integer", 5)).ShouldHaveSingleItem().Path.ShouldContain("6630b7c4");
        DeltaTable.FilesFor(snapshot, Predicate.LessThan("integer", 3)).Count.ShouldBe(3);
        DeltaTable.FilesFor(snapshot, Predicate.GreaterThanOrEqual("timestamp", new DateTimeOffset(2022, 10, 24, 22, 59, 40, TimeSpan.Zero))).Count.ShouldBe(5);
        DeltaTable.FilesFor(snapshot, Predicate.IsNotNull("null")).ShouldBeEmpty();
        DeltaTable.FilesFor(snapshot, Predicate.Equal("date", new DateOnly(2022, 10, 24))).Count.ShouldBe(12);
        DeltaTable.FilesFor(snapshot, Predicate.GreaterThan("decimal", 0m)).ShouldBeEmpty();
        DeltaTable.FilesFor(snapshot, Predicate.Equal("decimal", -5.678m)).Count.ShouldBe(12);
        DeltaTable.FilesFor(snapshot, Predicate.LessThan("double", 1.0)).ShouldBeEmpty();
        DeltaTable.FilesFor(snapshot, Predicate.Equal("string", "other")).ShouldBeEmpty();
    }

    [Fact]
    public void The_schema_evolves_at_version_10()
    {
        var latest = _table.LoadSnapshot().Schema;

        latest.Fields.Select(f => f.Name).ShouldBe(
            ["integer", "null", "boolean", "double", "decimal", "string", "binary", "date", "timestamp", "struct", "map", "array", "nested_struct", "struct_of_array_of_map", "new_column"]);
        latest.Get("integer").Nullable.ShouldBeFalse();
        latest.Get("decimal").Type.ShouldBe(new DecimalType(8, 5));
        latest.Get("binary").Type.ShouldBe(DeltaType.Binary);
        latest.Get("map").Type.ShouldBe(new MapType(DeltaType.String, DeltaType.String));
        latest.Get("array").Type.ShouldBe(new ArrayType(DeltaType.String));
        latest.Get("struct_of_array_of_map").Type.SimpleString.ShouldBe("struct<struct_element:array<map<string,string>>>");
        latest.Get("nested_struct").Type.SimpleString.ShouldBe("struct<struct_element:struct<nested_struct_element:string>>");
        _table.LoadSnapshot(9).Schema.Find("new_column").ShouldBeNull();
    }

    [Fact]
    public void Every_row_reads_with_its_wide_values()
    {
        var rows = GoldenTables.Rows(_db, _table, _table.LoadSnapshot(), """
            SELECT "integer", "null", "double", "decimal", "string", "date"::VARCHAR, strftime("timestamp", '%Y-%m-%dT%H:%M:%S.%g'),
                   "struct".struct_element, nested_struct.struct_element.nested_struct_element,
                   "binary" IS NOT NULL, "map" IS NOT NULL, "array" IS NOT NULL, struct_of_array_of_map IS NOT NULL, new_column
            FROM {t} ORDER BY "integer"
            """);

        rows.Count.ShouldBe(12);
        rows[0].ShouldBe("0|null|1.234|-5.67800|string|2022-10-24|2022-10-24T22:59:32.846|struct_value|nested_struct_value|True|True|True|True|null");
        rows[9].ShouldEndWith("|0");
        rows.Select(r => int.Parse(r.Split('|')[0], CultureInfo.InvariantCulture)).ShouldBe(Enumerable.Range(0, 12));
    }
}

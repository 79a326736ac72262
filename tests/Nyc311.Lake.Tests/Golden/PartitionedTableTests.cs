using Nyc311.Lake.Sql;
using Nyc311.Lake.Stats;

namespace Nyc311.Lake.Tests.Golden;

/// <summary>delta-0.8.0-partitioned: three-level Hive partitioning (year/month/day, all strings), values only in paths and the log.</summary>
public sealed class PartitionedTableTests : IDisposable
{
    private readonly DuckDB.NET.Data.DuckDBConnection _db = LakeDuckDb.Open(threads: 1);
    private readonly DeltaTable _table = GoldenTables.Open("delta-0.8.0-partitioned");

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Metadata_matches_the_spark_table()
    {
        var snapshot = _table.LoadSnapshot();

        snapshot.Version.ShouldBe(0);
        snapshot.Metadata.Id.ShouldBe("fe5a3c11-30d4-4dd7-b115-a1c121e66a4e");
        snapshot.Metadata.CreatedTime.ShouldBe(1615555644515);
        snapshot.Metadata.Configuration.ShouldBeEmpty();
        snapshot.PartitionColumns.ShouldBe(["year", "month", "day"]);
        snapshot.Schema.Fields.Select(f => $"{f.Name}:{f.Type.SimpleString}").ShouldBe(["value:string", "year:string", "month:string", "day:string"]);
        snapshot.Protocol.MinReaderVersion.ShouldBe(1);
        snapshot.Protocol.MinWriterVersion.ShouldBe(2);
        snapshot.Files.Count.ShouldBe(6);
    }

    [Fact]
    public void Rows_join_their_partition_values_from_the_log()
    {
        GoldenTables.Rows(_db, _table, _table.LoadSnapshot(), "SELECT value, year, month, day FROM {t} ORDER BY value").ShouldBe(
        [
            "1|2020|1|1",
            "2|2020|2|3",
            "3|2020|2|5",
            "4|2021|4|5",
            "5|2021|12|4",
            "6|2021|12|20",
            "7|2021|12|20",
        ]);
    }

    [Fact]
    public void Month_2_of_2020_prunes_to_the_day_3_and_day_5_files()
    {
        var files = DeltaTable.FilesFor(_table.LoadSnapshot(), Predicate.Equal("month", "2").And(Predicate.Equal("year", "2020")));

        files.Select(f => f.PartitionValues["day"]).Order().ShouldBe(["3", "5"]);
    }

    [Fact]
    public void Month_not_2_prunes_to_four_files()
    {
        DeltaTable.FilesFor(_table.LoadSnapshot(), Predicate.NotEqual("month", "2")).Count.ShouldBe(4);
    }

    [Fact]
    public void Month_in_2_and_12_prunes_to_four_files()
    {
        DeltaTable.FilesFor(_table.LoadSnapshot(), Predicate.In("month", ["2", "12"])).Count.ShouldBe(4);
    }

    [Fact]
    public void Month_not_in_2_and_12_prunes_to_the_day_1_and_april_files()
    {
        var files = DeltaTable.FilesFor(_table.LoadSnapshot(), Predicate.In("month", ["2", "12"]).Not());

        files.Select(f => $"{f.PartitionValues["year"]}/{f.PartitionValues["month"]}/{f.PartitionValues["day"]}").Order()
            .ShouldBe(["2020/1/1", "2021/4/5"]);
    }

    [Fact]
    public void A_filtered_select_compares_string_partitions_as_strings()
    {
        // The partition columns are strings: "4" and "5" sort after "20".
        var snapshot = _table.LoadSnapshot();
        var filter = Predicate.Equal("year", "2021").And(Predicate.GreaterThanOrEqual("day", "20"));

        DeltaTable.FilesFor(snapshot, filter).Count.ShouldBe(3);
        _db.Query($"SELECT value FROM ({_table.SelectSql(_db, snapshot, filter)}) ORDER BY value", r => r.GetString(0)).ShouldBe(["4", "5", "6", "7"]);
    }
}

using Nyc311.Lake.Schema;
using Nyc311.Lake.Sql;
using Nyc311.Lake.Stats;
using Nyc311.Lake.Tests.Support;

namespace Nyc311.Lake.Tests.Operations;

public sealed class RoundTripTests : IDisposable
{
    private readonly LakeFixture _lake = new();

    private static readonly StructType Requests = new(
        new StructField("unique_key", DeltaType.Long, Nullable: false),
        new StructField("created_date", DeltaType.TimestampNtz),
        new StructField("borough", DeltaType.String),
        new StructField("created_day", DeltaType.Date));

    public void Dispose() => _lake.Dispose();

    [Fact]
    public void Appended_rows_read_back_with_wall_clock_times_unchanged()
    {
        var table = _lake.Create("requests", Requests, "created_day");
        var result = table.Append(_lake.Db, """
            SELECT * FROM (VALUES
              (1, TIMESTAMP '2022-05-01 00:00:03', 'BRONX', DATE '2022-05-01'),
              (2, TIMESTAMP '2022-05-01 23:59:59', NULL, DATE '2022-05-01'),
              (3, TIMESTAMP '2022-05-02 12:00:00', 'QUEENS', DATE '2022-05-02'))
              AS t(unique_key, created_date, borough, created_day)
            """);

        result.Version.ShouldBe(1);
        result.RowsWritten.ShouldBe(3);
        result.FilesAdded.ShouldBe(2);
        var rows = _lake.Db.Query($"SELECT unique_key, strftime(created_date, '%Y-%m-%d %H:%M:%S'), borough, created_day::VARCHAR FROM ({table.SelectSql(_lake.Db)}) ORDER BY 1",
            r => $"{r.GetValue(0)}|{r.GetString(1)}|{(r.IsDBNull(2) ? "null" : r.GetString(2))}|{r.GetString(3)}");
        rows.ShouldBe(["1|2022-05-01 00:00:03|BRONX|2022-05-01", "2|2022-05-01 23:59:59|null|2022-05-01", "3|2022-05-02 12:00:00|QUEENS|2022-05-02"]);

        var snapshot = table.LoadSnapshot();
        snapshot.Protocol.MinReaderVersion.ShouldBe(3);
        snapshot.Protocol.ReaderFeatures.ShouldBe(["timestampNtz"]);
        snapshot.Protocol.WriterFeatures!.ShouldContain("timestampNtz");
        snapshot.NumRecords.ShouldBe(3);
        var stats = FileStatistics.Parse(snapshot.Files.Single(f => f.PartitionValues["created_day"] == "2022-05-01").Stats)!;
        stats.NumRecords.ShouldBe(2);
        stats.MinOf("unique_key")!.GetValue<long>().ShouldBe(1);
        stats.MaxOf("created_date")!.GetValue<string>().ShouldBe("2022-05-01T23:59:59.000");
        stats.NullCountOf("borough").ShouldBe(1);
    }

    [Fact]
    public void Predicate_reads_skip_files_the_statistics_rule_out()
    {
        var table = _lake.Create("requests", Requests, "created_day");
        for (var day = 1; day <= 3; day++)
        {
            table.Append(_lake.Db, $"SELECT i AS unique_key, TIMESTAMP '2022-05-0{day} 10:00:00' AS created_date, 'BRONX' AS borough, DATE '2022-05-0{day}' AS created_day FROM range({day * 100}, {day * 100 + 10}) r(i)");
        }

        var snapshot = table.LoadSnapshot();
        DeltaTable.FilesFor(snapshot, Predicate.Equal("created_day", new DateOnly(2022, 5, 2))).Count.ShouldBe(1);
        DeltaTable.FilesFor(snapshot, Predicate.GreaterThan("unique_key", 250L)).Count.ShouldBe(1);
        DeltaTable.FilesFor(snapshot, Predicate.Between("unique_key", 105L, 205L)).Count.ShouldBe(2);
        _lake.Column<long>($"SELECT count(*) FROM ({table.SelectSql(_lake.Db, filter: Predicate.GreaterThan("unique_key", 305L))})").Single().ShouldBe(4);
    }
}

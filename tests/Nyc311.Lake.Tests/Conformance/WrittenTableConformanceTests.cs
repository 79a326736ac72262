using System.Globalization;
using Nyc311.Lake.Log;
using Nyc311.Lake.Operations;
using Nyc311.Lake.Schema;
using Nyc311.Lake.Sql;
using Nyc311.Lake.Stats;
using Nyc311.Lake.Tests.Support;

namespace Nyc311.Lake.Tests.Conformance;

/// <summary>
/// A realistic life of a table written by this layer, validated against the protocol after every step:
/// create (partitioned, timestamp_ntz and other types), twelve appends (checkpoint at 10), a replaceWhere
/// overwrite, a delete, a merge, optimize, vacuum past retention, schema evolution and a checkpoint at 20.
/// A DuckDB model table applies the same changes, and the table must read back exactly as the model.
/// </summary>
public sealed class WrittenTableConformanceTests : IDisposable
{
    private const string Columns = "id, created, amount, fee, closed, ingested_at, note, day, borough";

    private static readonly StructType Schema = new(
        new StructField("id", DeltaType.Long, Nullable: false),
        new StructField("created", DeltaType.TimestampNtz),
        new StructField("amount", DeltaType.Double),
        new StructField("fee", new DecimalType(10, 2)),
        new StructField("closed", DeltaType.Boolean),
        new StructField("ingested_at", DeltaType.Timestamp),
        new StructField("note", DeltaType.String),
        new StructField("day", DeltaType.Date),
        new StructField("borough", DeltaType.String));

    private readonly LakeFixture _lake = new();
    private readonly DeltaLogValidator _validator = new(ValidationLevel.OwnWriter);

    public void Dispose()
    {
        _validator.Dispose();
        _lake.Dispose();
    }

    [Fact]
    public void Every_commit_of_a_realistic_table_life_keeps_the_protocol_rules()
    {
        var table = _lake.Create("requests", Schema, "day", "borough");
        var db = _lake.Db;
        db.Execute($"CREATE TABLE model AS SELECT {Columns}, NULL::VARCHAR AS agency FROM ({Batch(0)}) WHERE false");
        AssertConforms(table, "create");

        for (var batch = 1; batch <= 12; batch++)
        {
            _lake.Clock.Advance(TimeSpan.FromMinutes(5));
            // Batches 5 to 7 carry an application transaction (an idempotent stream), which the checkpoint at 10 must keep.
            table.Append(db, Batch(batch), new WriteOptions { Transaction = batch is >= 5 and <= 7 ? new SetTransaction("ingest-stream", batch) : null });
            db.Execute($"INSERT INTO model SELECT {Columns}, NULL FROM ({Batch(batch)})");
            AssertConforms(table, $"append {batch}");
        }

        File.Exists(Path.Combine(table.Path, "_delta_log", "00000000000000000010.checkpoint.parquet")).ShouldBeTrue();
        table.LoadSnapshot().TransactionVersion("ingest-stream").ShouldBe(7);

        var replaced = $"SELECT id + 100000 AS id, created, amount * 2 AS amount, fee, closed, ingested_at, note, day, borough FROM ({Batch(3)}) WHERE day = DATE '2022-05-02'";
        table.Overwrite(db, replaced, Predicate.Equal("day", new DateOnly(2022, 5, 2)));
        db.Execute("DELETE FROM model WHERE day = DATE '2022-05-02'");
        db.Execute($"INSERT INTO model SELECT {Columns}, NULL FROM ({replaced})");
        AssertConforms(table, "overwrite with replaceWhere");

        table.Delete(db, Predicate.LessThan("id", 150L).Or(Predicate.Equal("borough", "N/A")));
        db.Execute("DELETE FROM model WHERE id < 150 OR borough = 'N/A'");
        AssertConforms(table, "delete");

        var upserts = $"SELECT id, created, amount + 0.5 AS amount, fee, NOT closed AS closed, ingested_at, 'updated' AS note, day, borough FROM ({Batch(7)}) WHERE id % 3 = 0 UNION ALL {Batch(13)}";
        var merge = table.Merge(db, upserts, new MergeOptions { Keys = ["id"] });
        merge.RowsUpdated.ShouldBeGreaterThan(0);
        merge.RowsInserted.ShouldBeGreaterThan(0);
        db.Execute($"DELETE FROM model WHERE id IN (SELECT id FROM ({upserts}))");
        db.Execute($"INSERT INTO model SELECT {Columns}, NULL FROM ({upserts})");
        AssertConforms(table, "merge");

        table.Optimize(db).FilesRemoved.ShouldBeGreaterThan(1);
        AssertConforms(table, "optimize");

        // Vacuum judges untracked files by their storage time, so the clock moves past the newest file plus retention.
        var newestFile = Directory.EnumerateFiles(table.Path, "*.parquet", SearchOption.AllDirectories).Max(File.GetLastWriteTimeUtc);
        _lake.Clock.SetUtcNow(new DateTimeOffset(Max(newestFile, _lake.Clock.GetUtcNow().UtcDateTime), TimeSpan.Zero) + TimeSpan.FromDays(8));
        table.Vacuum().Files.ShouldNotBeEmpty();
        AssertConforms(table, "vacuum");

        var evolved = $"SELECT {Columns}, 'DSNY' AS agency FROM ({Batch(14)})";
        table.Append(db, evolved, new WriteOptions { MergeSchema = true });
        db.Execute($"INSERT INTO model {evolved}");
        AssertConforms(table, "schema evolution");

        while (table.LoadSnapshot().Version < 20)
        {
            _lake.Clock.Advance(TimeSpan.FromMinutes(5));
            var batch = 15 + (int)table.LoadSnapshot().Version;
            table.Append(db, $"SELECT {Columns}, 'NYPD' AS agency FROM ({Batch(batch)})");
            db.Execute($"INSERT INTO model SELECT {Columns}, 'NYPD' FROM ({Batch(batch)})");
        }

        File.Exists(Path.Combine(table.Path, "_delta_log", "00000000000000000020.checkpoint.parquet")).ShouldBeTrue();
        AssertConforms(table, "checkpoint at 20");

        var all = $"{Columns}, agency";
        var difference = db.Scalar($"""
            SELECT count(*) FROM (
              (SELECT {all} FROM model EXCEPT ALL SELECT {all} FROM ({table.SelectSql(db)}))
              UNION ALL
              (SELECT {all} FROM ({table.SelectSql(db)}) EXCEPT ALL SELECT {all} FROM model))
            """);
        difference.ShouldBe(0L);
        _lake.Count(table).ShouldBe(Convert.ToInt64(db.Scalar("SELECT count(*) FROM model"), CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Evolving_a_plain_table_to_timestamp_ntz_upgrades_its_protocol_by_the_rules()
    {
        _lake.Options.EnableInCommitTimestamps = false;
        var table = _lake.Create("plain", new StructType(new StructField("id", DeltaType.Long), new StructField("kind", DeltaType.String)), "kind");
        table.Append(_lake.Db, "SELECT 1::BIGINT AS id, 'a' AS kind");
        table.LoadSnapshot().Protocol.ShouldBe(new Protocol(1, 2));
        AssertConforms(table, "plain append");

        table.Append(_lake.Db, "SELECT 2::BIGINT AS id, 'b' AS kind, TIMESTAMP '2022-05-01 00:00:03' AS created", new WriteOptions { MergeSchema = true });

        var protocol = table.LoadSnapshot().Protocol;
        protocol.MinReaderVersion.ShouldBe(3);
        protocol.ReaderFeatures.ShouldBe(["timestampNtz"]);
        protocol.WriterFeatures!.ShouldContain("timestampNtz");
        AssertConforms(table, "evolution to timestamp_ntz");
        _lake.Db.Query($"SELECT id, created::VARCHAR FROM ({table.SelectSql(_lake.Db)}) ORDER BY id", r => $"{r.GetValue(0)}|{(r.IsDBNull(1) ? "null" : r.GetString(1))}")
            .ShouldBe(["1|null", "2|2022-05-01 00:00:03"]);
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private void AssertConforms(DeltaTable table, string step) =>
        _validator.Validate(table.Path).ShouldBeEmpty($"after {step}");

    /// <summary>
    /// 40 deterministic rows per batch over two days and four boroughs (one with a space, one with a slash,
    /// and null), sub-millisecond wall-clock times, long and short notes, nulls in some columns.
    /// </summary>
    private static string Batch(int batch) => $"""
        SELECT
          ({batch} * 40 + i)::BIGINT AS id,
          TIMESTAMP '2022-05-01 00:00:00' + to_microseconds(({batch} * 40 + i) * 61_000_123) AS created,
          CASE WHEN i % 7 = 0 THEN NULL ELSE (i * 1.25 - 10)::DOUBLE END AS amount,
          (i * 3.1 - 20)::DECIMAL(10, 2) AS fee,
          i % 2 = 0 AS closed,
          TIMESTAMPTZ '2026-01-01 00:00:00+00' + to_microseconds({batch} * 1_000_001) AS ingested_at,
          CASE WHEN i % 5 = 0 THEN 'a note long enough to be cut to a prefix of thirty-two code points, é' WHEN i % 5 = 1 THEN NULL ELSE 'short ' || i END AS note,
          DATE '2022-05-01' + (i % 2)::INTEGER AS day,
          ['BRONX', 'STATEN ISLAND', 'N/A', NULL][1 + i % 4] AS borough
        FROM range(40) AS r(i)
        """;
}

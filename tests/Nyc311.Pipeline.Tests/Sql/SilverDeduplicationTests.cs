using Nyc311.Pipeline.Quality;
using Nyc311.Pipeline.Sql;
using Nyc311.Pipeline.Tests.Support;

namespace Nyc311.Pipeline.Tests.Sql;

/// <summary>Three batches with several versions of the same requests.</summary>
public sealed class VersionedRecords : IDisposable
{
    public VersionedRecords()
    {
        Bronze.CreateTable(Db);
        Bronze.Insert(Db, BronzeBatch.Api("A", new DateTimeOffset(2022, 5, 2, 0, 0, 0, TimeSpan.Zero)),
        [
            Records.Valid("2001").With("socrata_updated_at", "2022-05-02T10:00:00.000Z").With("status", "Closed"),
            Records.Valid("2002").With("status", "Open"),
            Records.Valid("2004").With("socrata_updated_at", "2022-05-01T20:00:00.000Z").With("status", "Open"),
        ]);
        Bronze.Insert(Db, BronzeBatch.Api("B", new DateTimeOffset(2022, 5, 3, 0, 0, 0, TimeSpan.Zero)),
        [
            Records.Valid("2001").With("socrata_updated_at", "2022-05-01T09:00:00.000Z").With("status", "Open"),
        ]);
        Bronze.Insert(Db, new BronzeBatch("C", "csv", new DateTimeOffset(2022, 5, 4, 0, 0, 0, TimeSpan.Zero), "export.csv"),
        [
            Records.Valid("2001").With("status", "Pending"),
            Records.Valid("2002").With("status", "Closed"),
            Records.Valid("2003").With("status", "Open"),
            Records.Valid("2003").With("status", "Assigned"),
            Records.Valid("2004").With("socrata_updated_at", "2022-05-03T08:00:00.000Z").With("closed_date", "2022-05-01T09:00:00.000"),
        ]);
        SilverRun.Run(Db);
    }

    public TestDuckDb Db { get; } = new();

    public void Dispose() => Db.Dispose();
}

public sealed class SilverDeduplicationTests(VersionedRecords records) : IClassFixture<VersionedRecords>
{
    private readonly TestDuckDb db = records.Db;

    [Fact]
    public void A_known_update_time_decides_before_the_ingest_time()
    {
        var row = SilverRun.SilverRow(db, 2001);

        row.Get<string>("status").ShouldBe("Closed");
        row.Get<string>("_batch_id").ShouldBe("A");
        row.Get<DateTime>("socrata_updated_at").ShouldBe(new DateTime(2022, 5, 2, 10, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void Without_update_times_the_later_ingest_wins()
    {
        var row = SilverRun.SilverRow(db, 2002);

        row.Get<string>("status").ShouldBe("Closed");
        row.Get<string>("_batch_id").ShouldBe("C");
        row.Get<long>("_source_line").ShouldBe(3);
    }

    [Fact]
    public void Within_one_batch_the_later_record_wins()
    {
        var row = SilverRun.SilverRow(db, 2003);

        row.Get<string>("status").ShouldBe("Assigned");
        row.Get<long>("_record_number").ShouldBe(3);
    }

    [Fact]
    public void A_rejected_newer_version_leaves_the_last_valid_version_in_silver_and_goes_to_quarantine()
    {
        var row = SilverRun.SilverRow(db, 2004);
        row.Get<string>("_batch_id").ShouldBe("A");
        row.Get<string>("status").ShouldBe("Open");

        var rejected = SilverRun.Quarantined(db).Single();
        rejected.Get<string>("unique_key").ShouldBe("2004");
        rejected.Get<string>("rule_id").ShouldBe("DQ004");
        rejected.Get<string>("_batch_id").ShouldBe("C");
    }

    [Fact]
    public void The_quality_summary_accounts_for_every_bronze_row()
    {
        var summary = db.Query(QualitySql.Summary(SqlDialects.DuckDb, PipelineRelations.Checked)).Single();

        summary.Get<long>("rows_in").ShouldBe(9);
        summary.Get<long>("rows_rejected").ShouldBe(1);
        summary.Get<long>("rows_superseded").ShouldBe(4);
        summary.Get<long>("rows_out").ShouldBe(4);
        summary.Get<long>("rows_with_warnings").ShouldBe(0);
    }

    [Fact]
    public void Deduplicating_existing_silver_with_newer_rows_keeps_the_newest()
    {
        var d = SqlDialects.DuckDb;
        db.Create("staging.older", $"SELECT * FROM {PipelineRelations.Silver}");
        db.Create("staging.newer", $"SELECT * REPLACE ('Reopened' AS status, _ingested_at + INTERVAL 1 DAY AS _ingested_at) FROM {PipelineRelations.Silver} WHERE unique_key = 2002");

        var merged = db.Query($"{SilverSql.Deduplicate(d, "(SELECT * FROM staging.older UNION ALL SELECT * FROM staging.newer)")} ORDER BY unique_key");

        merged.Select(r => r.Get<long>("unique_key")).ShouldBe([2001L, 2002L, 2003L, 2004L]);
        merged.Single(r => r.Get<long>("unique_key") == 2002).Get<string>("status").ShouldBe("Reopened");
    }
}

using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Nyc311.Ingest.Bronze;
using Nyc311.Ingest.Files;
using Nyc311.Lake;
using Nyc311.Lake.Catalog;
using Nyc311.Lake.Sql;
using Nyc311.Pipeline.Stages;
using Nyc311.Testing;

namespace Nyc311.Pipeline.Tests.Stages;

public sealed class MedallionStagesTests : IDisposable
{
    private static readonly string RealCsv = Path.Combine(AppContext.BaseDirectory, "Data", "nyc311_rows_2022-05-01_0000-0206__fedhere_PyBOOT.csv");

    private readonly TempDirectory _folder = new("medallion");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2022, 5, 3, 12, 0, 0, TimeSpan.Zero));
    private readonly LakeCatalog _catalog;

    public MedallionStagesTests() => _catalog = new LakeCatalog(new LakeOptions { Root = _folder.Combine("lake") }, _clock);

    public void Dispose() => _folder.Dispose();

    private async Task IngestAsync(string file)
    {
        using var db = LakeDuckDb.Open();
        var writer = new BronzeWriter(_catalog, _clock);
        await foreach (var batch in FileSource.ReadAsync(file, cancellationToken: TestContext.Current.CancellationToken))
        {
            writer.Write(db, batch);
        }
    }

    private (SilverResult Silver, GoldResult Gold) RunStages()
    {
        using var db = LakeDuckDb.Open();
        var silver = new SilverStage(_catalog, new PipelineOptions(), _clock).Run(db, "test-run");
        var gold = new GoldStage(_catalog, _clock).Run(db);
        return (silver, gold);
    }

    private long Scalar(string sql)
    {
        using var db = _catalog.OpenQueryConnection(readOnly: true);
        // sum() of BIGINT is a HUGEINT, which arrives as a BigInteger.
        return long.Parse(Convert.ToString(db.Scalar(sql), CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task The_real_export_flows_from_bronze_to_silver_and_gold_with_counts_that_add_up()
    {
        await IngestAsync(RealCsv);
        var (silver, gold) = RunStages();

        Scalar("SELECT count(*) FROM bronze.service_requests").ShouldBe(924);
        silver.RowsIn.ShouldBe(924);
        (silver.RowsRejected + silver.RowsSuperseded + silver.RowsOut).ShouldBe(924);
        Scalar("SELECT count(*) FROM silver.service_requests").ShouldBe(silver.RowsOut);
        Scalar("SELECT count(*) FROM silver.quarantine").ShouldBe(silver.RowsRejected);
        Scalar("SELECT count(DISTINCT unique_key) FROM silver.service_requests").ShouldBe(silver.RowsOut);

        // The citywide all-types series equals silver's count per day, and rollups add up.
        Scalar("SELECT requests FROM gold.daily_counts WHERE \"date\" = DATE '2022-05-01' AND complaint_type = '(all)' AND borough = '(all)'")
            .ShouldBe(Scalar("SELECT count(*) FROM silver.service_requests WHERE created_day = DATE '2022-05-01'"));
        Scalar("SELECT sum(requests) FROM gold.daily_counts WHERE complaint_type <> '(all)' AND borough <> '(all)'")
            .ShouldBe(silver.RowsOut);
        gold.DaysRewritten.ShouldBeGreaterThan(0);
        Scalar("SELECT count(*) FROM silver.quality_reports").ShouldBeGreaterThan(0);

        // Wall-clock times as published: the first record was created 05/01/2022 12:00:03 AM.
        Scalar("SELECT count(*) FROM silver.service_requests WHERE unique_key = 54049402 AND created_date = TIMESTAMP '2022-05-01 00:00:03'").ShouldBe(1);
    }

    [Fact]
    public async Task Running_the_same_input_twice_leaves_every_table_unchanged()
    {
        await IngestAsync(RealCsv);
        RunStages();
        var versions = _catalog.Tables().ToDictionary(t => t.QualifiedName, t => DeltaTable.Open(t.Path).LoadSnapshot().Version);

        await IngestAsync(RealCsv);
        var (silver, gold) = RunStages();

        silver.UpToDate.ShouldBeTrue();
        gold.NothingToDo.ShouldBeTrue();
        _catalog.Tables().ToDictionary(t => t.QualifiedName, t => DeltaTable.Open(t.Path).LoadSnapshot().Version).ShouldBe(versions);
    }

    [Fact]
    public async Task A_later_version_of_a_request_replaces_it_and_gold_follows()
    {
        await IngestAsync(RealCsv);
        RunStages();

        // The same request re-published later (file sources carry no :updated_at, so the later ingest wins).
        var update = _folder.Combine("update.json");
        await File.WriteAllTextAsync(update, """[{"unique_key":"54049402","created_date":"2022-05-02T10:00:00.000","agency":"NYPD","complaint_type":"Noise - Residential","borough":"BRONX","status":"Closed","incident_zip":"10452"}]""", TestContext.Current.CancellationToken);
        _clock.Advance(TimeSpan.FromHours(1));
        await IngestAsync(update);
        var (silver, gold) = RunStages();

        silver.RowsUpdated.ShouldBe(1);
        silver.RowsInserted.ShouldBe(0);
        Scalar("SELECT count(*) FROM silver.service_requests WHERE unique_key = 54049402 AND status = 'Closed' AND created_day = DATE '2022-05-02'").ShouldBe(1);

        // The request moved from May 1 to May 2: both days were recomputed.
        gold.DaysRewritten.ShouldBeGreaterThanOrEqualTo(2);
        Scalar("SELECT requests FROM gold.daily_counts WHERE \"date\" = DATE '2022-05-02' AND complaint_type = '(all)' AND borough = '(all)'").ShouldBe(1);
        Scalar("SELECT requests FROM gold.daily_counts WHERE \"date\" = DATE '2022-05-01' AND complaint_type = '(all)' AND borough = '(all)'")
            .ShouldBe(Scalar("SELECT count(*) FROM silver.service_requests WHERE created_day = DATE '2022-05-01'"));
    }

    [Fact]
    public async Task A_run_in_chunks_gives_the_same_silver_and_gold_as_one_in_a_single_pass()
    {
        var update = _folder.Combine("update.json");
        await File.WriteAllTextAsync(update, """[{"unique_key":"54049402","created_date":"2022-05-02T10:00:00.000","agency":"NYPD","complaint_type":"Noise - Residential","borough":"BRONX","status":"Closed","incident_zip":"10452"}]""", TestContext.Current.CancellationToken);
        await IngestAsync(RealCsv);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await IngestAsync(update);

        using (var db = LakeDuckDb.Open())
        {
            // One bronze file per chunk: the update lands in a later chunk than the row it replaces.
            var silver = new SilverStage(_catalog, new PipelineOptions { ChunkRows = 1 }, _clock).Run(db, "chunked");
            new GoldStage(_catalog, _clock).Run(db);
            silver.RowsIn.ShouldBe(925);
        }

        Scalar("SELECT count(*) FROM silver.service_requests WHERE unique_key = 54049402 AND status = 'Closed' AND created_day = DATE '2022-05-02'").ShouldBe(1);
        Scalar("SELECT requests FROM gold.daily_counts WHERE \"date\" = DATE '2022-05-02' AND complaint_type = '(all)' AND borough = '(all)'").ShouldBe(1);
        Scalar("SELECT sum(requests) FROM gold.daily_counts WHERE complaint_type = '(all)' AND borough = '(all)'").ShouldBe(Scalar("SELECT count(*) FROM silver.service_requests"));
        Scalar("SELECT count(*) FROM silver.quarantine").ShouldBe(Scalar("SELECT sum(rows_quarantined) FROM silver.quality_reports"));
    }

    [Fact]
    public async Task Too_many_rejected_rows_fail_the_run_and_leave_silver_unchanged()
    {
        var bad = _folder.Combine("bad.json");
        await File.WriteAllTextAsync(bad, """[{"unique_key":"1","created_date":"not a date"},{"unique_key":"2","created_date":"also bad"},{"unique_key":"3","created_date":"2022-05-01T00:00:00.000","complaint_type":"Noise","borough":"BRONX"}]""", TestContext.Current.CancellationToken);
        await IngestAsync(bad);

        using var db = LakeDuckDb.Open();
        var error = Should.Throw<RejectedShareExceededException>(() => new SilverStage(_catalog, new PipelineOptions { MaxRejectedShare = 0.5 }, _clock).Run(db, "run"));
        error.Message.ShouldContain("2 of 3 rows");
        error.Message.ShouldContain("DQ002");
        DeltaTable.Exists(_catalog.PathOf("silver.service_requests")).ShouldBeFalse();
        Scalar("SELECT count(*) FROM silver.quarantine").ShouldBe(2);
    }
}

using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Nyc311.Ingest.Bronze;
using Nyc311.Ingest.Files;
using Nyc311.Ingest.Tests.Support;
using Nyc311.Lake;
using Nyc311.Lake.Catalog;
using Nyc311.Lake.Sql;
using Nyc311.Testing;
using Nyc311.Testing.Socrata;

namespace Nyc311.Ingest.Tests.Bronze;

public sealed class BronzeIngestionTests : IDisposable
{
    private readonly TempDirectory _folder = new("bronze");
    private readonly LakeCatalog _catalog;
    private readonly BronzeIngestion _ingestion;

    public BronzeIngestionTests()
    {
        _catalog = new LakeCatalog(new LakeOptions { Root = _folder.Combine("lake") });
        _ingestion = new BronzeIngestion(_catalog, TimeProvider.System, NullLogger<BronzeIngestion>.Instance);
    }

    public void Dispose() => _folder.Dispose();

    private long Count(string sql)
    {
        using var db = _catalog.OpenQueryConnection(readOnly: true);
        return Convert.ToInt64(db.Scalar(sql), CultureInfo.InvariantCulture);
    }

    private long BronzeVersion() => DeltaTable.Open(_catalog.PathOf(BronzeTables.ServiceRequests)).LoadSnapshot().Version;

    [Fact]
    public async Task The_real_csv_export_lands_as_strings_exactly_as_in_the_file()
    {
        var report = await _ingestion.IngestFilesAsync([SocrataSampleData.CsvExportPath], cancellationToken: TestContext.Current.CancellationToken);

        report.RowsLanded.ShouldBe(924);
        Count("SELECT count(*) FROM bronze.service_requests WHERE _source = 'csv' AND _source_file = 'nyc311_rows_2022-05-01_0000-0206__fedhere_PyBOOT.csv'").ShouldBe(924);
        Count("SELECT count(*) FROM bronze.service_requests WHERE unique_key = '54049402' AND created_date = '05/01/2022 12:00:03 AM' AND _source_line = 2").ShouldBe(1);
        Count("SELECT count(*) FROM bronze.service_requests WHERE location = '(40.83065331987539, -73.92308231033165)'").ShouldBe(1);
        Count("SELECT count(DISTINCT _batch_id) FROM bronze.service_requests").ShouldBe(1);
    }

    [Fact]
    public async Task A_file_that_landed_whole_is_not_read_again()
    {
        var first = await _ingestion.IngestFilesAsync([SocrataSampleData.CsvExportPath], cancellationToken: TestContext.Current.CancellationToken);
        first.FilesSkipped.ShouldBe(0);
        var version = BronzeVersion();

        var progress = new List<IngestProgress>();
        var again = await _ingestion.IngestFilesAsync([SocrataSampleData.CsvExportPath], progress: new ListProgress(progress), cancellationToken: TestContext.Current.CancellationToken);

        again.FilesSkipped.ShouldBe(1);
        again.Read.Rows.ShouldBe(0);
        again.RowsLanded.ShouldBe(0);
        BronzeVersion().ShouldBe(version);
        Count("SELECT count(*) FROM bronze.service_requests").ShouldBe(924);
        var size = new FileInfo(SocrataSampleData.CsvExportPath).Length;
        progress.ShouldHaveSingleItem().ShouldBe(new IngestProgress(Path.GetFileName(SocrataSampleData.CsvExportPath), 0, 0, 0, 0, size, size));

        // What bronze's own log records: the file's dataset, name and the hash of its bytes.
        var hash = "xxh128:" + Convert.ToHexStringLower(System.IO.Hashing.XxHash128.Hash(await File.ReadAllBytesAsync(SocrataSampleData.CsvExportPath, TestContext.Current.CancellationToken)));
        DeltaTable.Open(_catalog.PathOf(BronzeTables.ServiceRequests)).LoadSnapshot()
            .TransactionVersion(BronzeWriter.FileAppId(null, Path.GetFileName(SocrataSampleData.CsvExportPath), hash)).ShouldBe(1);
    }

    [Fact]
    public async Task A_file_that_changed_is_read_again_and_only_its_new_batches_land()
    {
        var file = _folder.Combine("day.ndjson");
        var options = new FileReadOptions { BatchSize = 2 };
        await File.WriteAllTextAsync(file, Lines(1, 4), TestContext.Current.CancellationToken);
        (await _ingestion.IngestFilesAsync([file], options, cancellationToken: TestContext.Current.CancellationToken)).RowsLanded.ShouldBe(4);

        // Two more requests are added to the file (a late export): its first two batches are the same, the third is new.
        await File.WriteAllTextAsync(file, Lines(1, 6), TestContext.Current.CancellationToken);
        var again = await _ingestion.IngestFilesAsync([file], options, cancellationToken: TestContext.Current.CancellationToken);

        again.FilesSkipped.ShouldBe(0);
        again.Read.Rows.ShouldBe(6);
        again.BatchesSkipped.ShouldBe(2);
        again.RowsLanded.ShouldBe(2);
        Count("SELECT count(*) FROM bronze.service_requests").ShouldBe(6);
        (await _ingestion.IngestFilesAsync([file], options, cancellationToken: TestContext.Current.CancellationToken)).FilesSkipped.ShouldBe(1);
    }

    [Fact]
    public async Task Batches_of_a_file_landed_without_the_record_of_the_whole_file_get_it_in_one_commit_of_their_own()
    {
        // As in a lake whose batches landed before bronze recorded whole files.
        var file = _folder.Combine("day.ndjson");
        var options = new FileReadOptions { BatchSize = 2 };
        await File.WriteAllTextAsync(file, Lines(1, 3), TestContext.Current.CancellationToken);
        var writer = new BronzeWriter(_catalog, TimeProvider.System);
        using (var db = LakeDuckDb.Open())
        {
            await foreach (var batch in FileSource.ReadAsync(file, options, cancellationToken: TestContext.Current.CancellationToken))
            {
                writer.Write(db, batch);
            }
        }

        var version = BronzeVersion();
        var again = await _ingestion.IngestFilesAsync([file], options, cancellationToken: TestContext.Current.CancellationToken);

        again.BatchesSkipped.ShouldBe(2);
        again.RowsLanded.ShouldBe(0);
        BronzeVersion().ShouldBe(version + 1);
        Count("SELECT count(*) FROM bronze.service_requests").ShouldBe(3);
        (await _ingestion.IngestFilesAsync([file], options, cancellationToken: TestContext.Current.CancellationToken)).FilesSkipped.ShouldBe(1);
        BronzeVersion().ShouldBe(version + 1);
    }

    [Fact]
    public async Task A_file_written_to_while_it_is_read_is_not_recorded_as_landed_and_is_read_again()
    {
        var file = _folder.Combine("growing.ndjson");
        await File.WriteAllTextAsync(file, Lines(1, 3), TestContext.Current.CancellationToken);

        // The first batch's report comes before the last batch is written: the file is touched then, as by a writer still at work.
        var touched = new ListProgress([], _ => File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(5)));
        var first = await _ingestion.IngestFilesAsync([file], new FileReadOptions { BatchSize = 1 }, touched, TestContext.Current.CancellationToken);
        first.RowsLanded.ShouldBe(3);

        var again = await _ingestion.IngestFilesAsync([file], new FileReadOptions { BatchSize = 1 }, cancellationToken: TestContext.Current.CancellationToken);
        again.FilesSkipped.ShouldBe(0);
        again.BatchesSkipped.ShouldBe(3);
        again.RowsLanded.ShouldBe(0);
        (await _ingestion.IngestFilesAsync([file], new FileReadOptions { BatchSize = 1 }, cancellationToken: TestContext.Current.CancellationToken)).FilesSkipped.ShouldBe(1);
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_is_named_and_what_landed_before_it_stays()
    {
        var good = _folder.Combine("good.ndjson");
        await File.WriteAllTextAsync(good, Lines(1, 2), TestContext.Current.CancellationToken);
        var missing = _folder.Combine("missing.csv");

        var error = await Should.ThrowAsync<SourceFileException>(() => _ingestion.IngestFilesAsync([good, missing], cancellationToken: TestContext.Current.CancellationToken));

        error.Message.ShouldContain("missing.csv");
        Count("SELECT count(*) FROM bronze.service_requests").ShouldBe(2);
        (await _ingestion.IngestFilesAsync([good], cancellationToken: TestContext.Current.CancellationToken)).FilesSkipped.ShouldBe(1);
    }

    private sealed class ListProgress(List<IngestProgress> reports, Action<IngestProgress>? onReport = null) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value)
        {
            reports.Add(value);
            onReport?.Invoke(value);
        }
    }

    private static string Lines(int first, int last) => string.Concat(Enumerable.Range(first, last - first + 1).Select(i =>
        $$"""{"unique_key":"{{i}}","created_date":"2024-01-01T10:00:00.000","complaint_type":"Noise"}""" + "\n"));

    [Fact]
    public async Task Malformed_rows_go_to_quarantine_with_file_line_and_reason_and_the_rest_lands()
    {
        var file = _folder.Combine("mixed.ndjson");
        await File.WriteAllTextAsync(file, """
            {"unique_key":"1","created_date":"2024-01-01T10:00:00.000","complaint_type":"Noise"}
            {"unique_key":"2","created_date": broken
            {"unique_key":"3","created_date":"2024-01-01T11:00:00.000","complaint_type":"Heat"}

            """.Replace("\r\n", "\n", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        var report = await _ingestion.IngestFilesAsync([file], cancellationToken: TestContext.Current.CancellationToken);

        report.RowsLanded.ShouldBe(2);
        report.Quarantined.ShouldBe(1);
        Count("SELECT count(*) FROM bronze.quarantine WHERE source_file = 'mixed.ndjson' AND line = 2 AND reason <> '' AND raw_text LIKE '%broken%'").ShouldBe(1);
        Count("SELECT count(*) FROM bronze.service_requests").ShouldBe(2);
    }

    [Fact]
    public async Task Fields_a_later_batch_brings_are_added_to_the_schema()
    {
        var first = _folder.Combine("first.json");
        var second = _folder.Combine("second.json");
        await File.WriteAllTextAsync(first, """[{"unique_key":"1","created_date":"2024-01-01T10:00:00.000"}]""", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(second, """[{"unique_key":"2","created_date":"2024-01-02T10:00:00.000","descriptor_2":"New field","location":{"type":"Point","coordinates":[-73.9,40.8]}}]""", TestContext.Current.CancellationToken);

        await _ingestion.IngestFilesAsync([first, second], cancellationToken: TestContext.Current.CancellationToken);

        var schema = DeltaTable.Open(_catalog.PathOf(BronzeTables.ServiceRequests)).LoadSnapshot().Schema;
        schema.Find("descriptor_2").ShouldNotBeNull();
        Count("SELECT count(*) FROM bronze.service_requests WHERE descriptor_2 = 'New field' AND location = '{\"type\":\"Point\",\"coordinates\":[-73.9,40.8]}'").ShouldBe(1);
        Count("SELECT count(*) FROM bronze.service_requests WHERE descriptor_2 IS NULL").ShouldBe(1);
    }

    [Fact]
    public async Task A_backfill_lands_every_page_and_records_the_newest_update_as_watermark()
    {
        await using var harness = await SocrataHarness.StartAsync();
        var updated = new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);
        harness.Server.Dataset("erm2-nwe9").Add(new SocrataGeneratedRecords(35) { FirstCreated = new DateTime(2024, 1, 1) }, updated);

        var report = await _ingestion.BackfillAsync(harness.Client(), new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 2), cancellationToken: TestContext.Current.CancellationToken);

        report.RowsLanded.ShouldBe(35);
        report.BatchesLanded.ShouldBe(4);
        report.Watermark.ShouldBe(updated);
        Count("SELECT count(DISTINCT unique_key) FROM bronze.service_requests WHERE _source = 'api' AND _dataset = 'erm2-nwe9' AND socrata_updated_at IS NOT NULL").ShouldBe(35);
    }

    [Fact]
    public async Task A_run_that_dies_mid_way_is_continued_by_the_next_with_nothing_lost_or_doubled()
    {
        await using var harness = await SocrataHarness.StartAsync();
        var dataset = harness.Server.Dataset("erm2-nwe9");
        dataset.Add(new SocrataGeneratedRecords(45) { FirstCreated = new DateTime(2024, 1, 1) }, new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero));

        // Page 3 fails for good: every retry is refused.
        for (var request = 3; request <= 6; request++)
        {
            harness.Server.Faults.At(request, SocrataFault.ServerError(503));
        }

        await Should.ThrowAsync<SocrataUnavailableException>(() => _ingestion.BackfillAsync(harness.Client(), new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 2), cancellationToken: TestContext.Current.CancellationToken));
        Count("SELECT count(*) FROM bronze.service_requests").ShouldBe(20);
        _ingestion.Watermark("erm2-nwe9").ShouldBeNull();

        var resumed = await _ingestion.BackfillAsync(harness.Client(), new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 2), cancellationToken: TestContext.Current.CancellationToken);

        resumed.BatchesSkipped.ShouldBe(2);
        resumed.RowsLanded.ShouldBe(25);
        Count("SELECT count(*) FROM bronze.service_requests").ShouldBe(45);
        Count("SELECT count(DISTINCT unique_key) FROM bronze.service_requests").ShouldBe(45);
        _ingestion.Watermark("erm2-nwe9").ShouldNotBeNull();
    }

    [Fact]
    public async Task An_incremental_load_brings_the_rows_changed_since_the_watermark()
    {
        await using var harness = await SocrataHarness.StartAsync();
        var dataset = harness.Server.Dataset("erm2-nwe9");
        var firstLoad = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddDays(-1).ToUnixTimeSeconds());
        dataset.Add(new SocrataGeneratedRecords(30) { FirstCreated = DateTime.UtcNow.Date.AddDays(-2) }, firstLoad);

        var first = await _ingestion.IncrementalAsync(harness.Client(), cancellationToken: TestContext.Current.CancellationToken);
        first.RowsLanded.ShouldBe(30);
        first.Watermark.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(firstLoad.ToUnixTimeMilliseconds()));

        // Five requests are closed later; the next load brings them.
        var keys = dataset.UniqueKeys.Take(5).Select(k => k!).ToList();
        var closedAt = firstLoad.AddHours(5);
        dataset.Update(keys, closedAt, new Dictionary<string, string?> { ["status"] = "Closed" });
        // Without overlap exactly the changed rows come (the default hour of overlap would bring the first load's rows again).
        var second = await _ingestion.IncrementalAsync(harness.Client(o => o.Overlap = TimeSpan.Zero), cancellationToken: TestContext.Current.CancellationToken);

        second.Read.Rows.ShouldBe(5, $"where: {harness.Server.Requests[^1].Where}");
        second.RowsLanded.ShouldBe(5);
        second.Watermark.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(closedAt.ToUnixTimeMilliseconds()));
        var inKeys = string.Join(", ", keys.Select(k => $"'{k}'"));
        Count($"SELECT count(*) FROM bronze.service_requests WHERE unique_key IN ({inKeys})").ShouldBe(10);
        Count($"SELECT count(*) FROM (SELECT arg_max(status, socrata_updated_at) AS latest FROM bronze.service_requests WHERE unique_key IN ({inKeys}) GROUP BY unique_key) WHERE latest = 'Closed'").ShouldBe(5);
        harness.Server.Requests[^1].Where.ShouldNotBeNull().ShouldContain(":updated_at >");
    }
}

using Nyc311.Ingest.Tests.Support;
using Nyc311.Testing.Socrata;

namespace Nyc311.Ingest.Tests.Socrata;

public sealed class SocrataClientPagingTests
{
    private static readonly DateTimeOffset Stamp = new(2024, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2024, 1, 1);

    [Fact]
    public async Task Backfill_pages_through_every_record_exactly_once()
    {
        await using var harness = await SocrataHarness.StartAsync();
        var dataset = harness.Server.Dataset("erm2-nwe9");
        dataset.Add(new SocrataGeneratedRecords(25), Stamp);

        var batches = await harness.Client().ReadBackfillAsync(Day, Day.AddDays(1), cancellationToken: TestContext.Current.CancellationToken).ToListAsync();

        batches.Select(b => b.Records.Count).ShouldBe([10, 10, 5]);
        batches.Select(b => b.Offset).ShouldBe([0L, 10L, 20L]);
        batches.Select(b => b.Sequence).ShouldBe([0, 1, 2]);
        batches.Select(b => b.IsFinal).ShouldBe([false, false, true]);
        batches.ShouldAllBe(b => b.Source == SourceKind.Api && b.Dataset == "erm2-nwe9" && b.Retries == 0 && b.Rejected.Count == 0);
        batches.UniqueKeys().ShouldBe(dataset.UniqueKeys, ignoreOrder: true);
        batches.UniqueKeys().Distinct().Count().ShouldBe(25);
    }

    [Fact]
    public async Task Pages_are_requested_with_limit_offset_a_stable_order_and_all_system_fields()
    {
        await using var harness = await SocrataHarness.StartAsync();
        harness.Server.Dataset("erm2-nwe9").Add(new SocrataGeneratedRecords(25), Stamp);

        await harness.Client().ReadBackfillAsync(Day, Day.AddDays(1), cancellationToken: TestContext.Current.CancellationToken).ToListAsync();

        var requests = harness.Server.Requests;
        requests.Select(r => r.Offset).ShouldBe([0L, 10L, 20L]);
        requests.ShouldAllBe(r =>
            r.Dataset == "erm2-nwe9"
            && r.Limit == 10
            && r.Order == ":id"
            && r.Select == ":*, *"
            && r.Where == "created_date >= '2024-01-01T00:00:00' AND created_date < '2024-01-02T00:00:00'");
    }

    [Fact]
    public async Task A_last_full_page_is_followed_by_an_empty_final_batch()
    {
        await using var harness = await SocrataHarness.StartAsync();
        harness.Server.Dataset("erm2-nwe9").Add(new SocrataGeneratedRecords(20), Stamp);

        var batches = await harness.Client().ReadBackfillAsync(Day, Day.AddDays(1), cancellationToken: TestContext.Current.CancellationToken).ToListAsync();

        batches.Select(b => b.Records.Count).ShouldBe([10, 10, 0]);
        batches.Select(b => b.IsFinal).ShouldBe([false, false, true]);
        batches[^1].NewestUpdatedAt.ShouldBe(Stamp);
    }

    [Fact]
    public async Task Records_outside_the_created_date_range_are_not_read()
    {
        await using var harness = await SocrataHarness.StartAsync();
        var dataset = harness.Server.Dataset("erm2-nwe9");
        dataset.Add(new SocrataGeneratedRecords(48) { FirstCreated = new DateTime(2023, 12, 31, 12, 0, 0), Spacing = TimeSpan.FromHours(1) }, Stamp);

        var batches = await harness.Client().ReadBackfillAsync(Day, Day.AddDays(1), cancellationToken: TestContext.Current.CancellationToken).ToListAsync();

        // Hours 12..35 after 2023-12-31 12:00 are 2024-01-01 00:00 .. 23:00.
        batches.UniqueKeys().ShouldBe([.. Enumerable.Range(12, 24).Select(i => (90_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture))], ignoreOrder: true);
    }

    [Fact]
    public async Task System_fields_arrive_under_their_bronze_names_before_the_data_fields()
    {
        await using var harness = await SocrataHarness.StartAsync();
        harness.Server.Dataset("erm2-nwe9").Add(new SocrataGeneratedRecords(1), Stamp);

        var record = (await harness.Client().ReadBackfillAsync(Day, Day.AddDays(1), cancellationToken: TestContext.Current.CancellationToken).ToListAsync()).Records().Single();

        record.Fields.Take(4).Select(f => f.Key).ShouldBe(["socrata_id", "socrata_created_at", "socrata_updated_at", "unique_key"]);
        record.GetValueOrDefault("socrata_id")!.ShouldMatch("^row-[a-z0-9]{4}\\.[a-z0-9]{4}_[a-z0-9]{4}$");
        record.GetValueOrDefault("socrata_updated_at").ShouldBe("2024-01-02T03:04:05.678Z");
        record.GetValueOrDefault("created_date").ShouldBe("2024-01-01T00:00:00.000");
        record.Fields.ShouldNotContain(f => f.Key.StartsWith(':'));
        record.SourceFile.ShouldBeNull();
        record.SourceLine.ShouldBeNull();
    }

    [Fact]
    public async Task A_backfill_reports_the_newest_updated_at_it_saw_on_its_final_batch()
    {
        await using var harness = await SocrataHarness.StartAsync();
        var dataset = harness.Server.Dataset("erm2-nwe9");
        dataset.Add(new SocrataGeneratedRecords(15), Stamp);
        dataset.Add(new SocrataGeneratedRecords(3) { FirstUniqueKey = 80_000_000 }, Stamp.AddHours(5));

        var batches = await harness.Client().ReadBackfillAsync(Day, Day.AddDays(1), cancellationToken: TestContext.Current.CancellationToken).ToListAsync();

        batches[^1].IsFinal.ShouldBeTrue();
        batches[^1].NewestUpdatedAt.ShouldBe(Stamp.AddHours(5));
        batches.Aggregate(IngestSummary.Empty, (s, b) => s.Add(b)).ShouldBe(new IngestSummary(2, 18, 0, 0, Stamp.AddHours(5)));
    }

    [Fact]
    public async Task Progress_is_reported_after_every_page()
    {
        await using var harness = await SocrataHarness.StartAsync();
        harness.Server.Dataset("erm2-nwe9").Add(new SocrataGeneratedRecords(25), Stamp);
        var progress = new RecordingProgress();

        await harness.Client().ReadBackfillAsync(Day, Day.AddDays(1), progress, TestContext.Current.CancellationToken).ToListAsync();

        progress.Reports.ShouldBe(
        [
            new IngestProgress("erm2-nwe9", 1, 10, 0, 0),
            new IngestProgress("erm2-nwe9", 2, 20, 0, 0),
            new IngestProgress("erm2-nwe9", 3, 25, 0, 0),
        ]);
    }
}

using Nyc311.Ingest.Socrata;
using Nyc311.Ingest.Tests.Support;
using Nyc311.Testing.Socrata;

namespace Nyc311.Ingest.Tests.Socrata;

public sealed class SocrataBackfillPlanTests
{
    private static readonly SocrataOptions Defaults = new();

    [Fact]
    public async Task A_range_across_new_year_2020_reads_both_datasets_each_for_its_own_days()
    {
        await using var harness = await SocrataHarness.StartAsync();
        var stamp = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        // Historical: 2019-12-29 .. 2019-12-31, one a day at noon; current: 2020-01-01 .. 2020-01-03.
        harness.Server.Dataset("76ig-c548").Add(new SocrataGeneratedRecords(3) { FirstUniqueKey = 100, FirstCreated = new DateTime(2019, 12, 29, 12, 0, 0), Spacing = TimeSpan.FromDays(1) }, stamp.AddMonths(6));
        harness.Server.Dataset("erm2-nwe9").Add(new SocrataGeneratedRecords(3) { FirstUniqueKey = 200, FirstCreated = new DateTime(2020, 1, 1, 12, 0, 0), Spacing = TimeSpan.FromDays(1) }, stamp);

        var batches = await harness.Client().ReadBackfillAsync(new DateOnly(2019, 12, 30), new DateOnly(2020, 1, 2), cancellationToken: TestContext.Current.CancellationToken).ToListAsync();

        batches.Select(b => (b.Dataset, b.Records.Count, b.IsFinal)).ShouldBe([("76ig-c548", 2, false), ("erm2-nwe9", 1, true)]);
        batches.UniqueKeys().ShouldBe(["101", "102", "200"], ignoreOrder: true);
        // Each dataset keeps its own watermark: the historical rows' later stamp does not leak into the current one's.
        batches.Select(b => b.NewestUpdatedAt).ShouldBe([stamp.AddMonths(6), stamp]);
        harness.Server.Requests.Select(r => (r.Dataset, r.Where)).ShouldBe(
        [
            ("76ig-c548", "created_date >= '2019-12-30T00:00:00' AND created_date < '2020-01-01T00:00:00'"),
            ("erm2-nwe9", "created_date >= '2020-01-01T00:00:00' AND created_date < '2020-01-02T00:00:00'"),
        ]);
    }

    [Fact]
    public void A_range_after_2019_reads_only_the_current_dataset()
    {
        var queries = SocrataQueryPlan.Backfill(Defaults, new DateOnly(2021, 3, 1), new DateOnly(2021, 4, 1));

        queries.ShouldBe([new SocrataQuery("erm2-nwe9", "created_date >= '2021-03-01T00:00:00' AND created_date < '2021-04-01T00:00:00'")]);
    }

    [Fact]
    public void A_range_before_2020_reads_only_the_historical_dataset()
    {
        var queries = SocrataQueryPlan.Backfill(Defaults, new DateOnly(2015, 1, 1), new DateOnly(2020, 1, 1));

        queries.ShouldBe([new SocrataQuery("76ig-c548", "created_date >= '2015-01-01T00:00:00' AND created_date < '2020-01-01T00:00:00'")]);
    }

    [Fact]
    public async Task An_empty_range_sends_no_request_and_yields_one_empty_final_batch()
    {
        await using var harness = await SocrataHarness.StartAsync();

        var batches = await harness.Client().ReadBackfillAsync(new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 1), cancellationToken: TestContext.Current.CancellationToken).ToListAsync();

        batches.ShouldHaveSingleItem().ShouldSatisfyAllConditions(b => b.IsFinal.ShouldBeTrue(), b => b.Records.ShouldBeEmpty(), b => b.NewestUpdatedAt.ShouldBeNull());
        harness.Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_range_ending_before_it_starts_is_refused()
    {
        await using var harness = await SocrataHarness.StartAsync();

        Should.Throw<ArgumentOutOfRangeException>(() => harness.Client().ReadBackfillAsync(new DateOnly(2024, 5, 2), new DateOnly(2024, 5, 1)));
    }
}

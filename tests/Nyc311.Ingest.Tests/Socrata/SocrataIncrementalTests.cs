using Nyc311.Ingest.Tests.Support;
using Nyc311.Testing.Socrata;

namespace Nyc311.Ingest.Tests.Socrata;

public sealed class SocrataIncrementalTests
{
    [Fact]
    public async Task The_where_clause_starts_at_the_watermark_minus_the_overlap()
    {
        await using var harness = await SocrataHarness.StartAsync();
        harness.Server.Dataset("erm2-nwe9");
        var watermark = new DateTimeOffset(2024, 3, 10, 7, 30, 15, 250, TimeSpan.FromHours(-5));

        await harness.Client(o => o.Overlap = TimeSpan.FromMinutes(90)).ReadIncrementalAsync(watermark, cancellationToken: TestContext.Current.CancellationToken).ToListAsync();

        var request = harness.Server.Requests.ShouldHaveSingleItem();
        request.Dataset.ShouldBe("erm2-nwe9");
        request.Where.ShouldBe(":updated_at > '2024-03-10T11:00:15.250'");
        request.Select.ShouldBe(":*, *");
        request.Order.ShouldBe(":id");
    }

    [Fact]
    public async Task Without_a_watermark_the_run_reads_the_initial_lookback_before_now()
    {
        await using var harness = await SocrataHarness.StartAsync();
        harness.Server.Dataset("erm2-nwe9");
        var clock = FakeClock.At(2024, 3, 10, 6);

        await harness.Client(o => o.InitialLookback = TimeSpan.FromDays(3), time: clock).ReadIncrementalAsync(null, cancellationToken: TestContext.Current.CancellationToken).ToListAsync();

        harness.Server.Requests.ShouldHaveSingleItem().Where.ShouldBe(":updated_at > '2024-03-07T06:00:00.000'");
    }

    [Fact]
    public async Task Rows_changed_between_two_runs_come_in_again_with_the_new_watermark()
    {
        await using var harness = await SocrataHarness.StartAsync();
        var dataset = harness.Server.Dataset("erm2-nwe9");
        var t0 = new DateTimeOffset(2024, 3, 10, 0, 0, 0, TimeSpan.Zero);
        dataset.Add(new SocrataGeneratedRecords(20) { FirstUniqueKey = 1000 }, t0.AddDays(-1));
        dataset.Add(new SocrataGeneratedRecords(10) { FirstUniqueKey = 2000 }, t0);
        var clock = FakeClock.At(2024, 3, 10, 12);

        var first = await harness.Client(o => o.PageSize = 100, time: clock).ReadIncrementalAsync(null, cancellationToken: TestContext.Current.CancellationToken).ToListAsync();
        var watermark = first[^1].NewestUpdatedAt;
        dataset.Update(["1003", "1007", "1011"], t0.AddHours(3), new Dictionary<string, string?> { ["status"] = "Closed" });
        var second = await harness.Client(o => o.PageSize = 100, time: clock).ReadIncrementalAsync(watermark, cancellationToken: TestContext.Current.CancellationToken).ToListAsync();

        first.Records().Count().ShouldBe(30);
        watermark.ShouldBe(t0);
        // The overlap hour re-reads the rows stamped t0; the three changed rows come in with their new state.
        second.UniqueKeys().ShouldBe([.. Enumerable.Range(2000, 10).Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture)), "1003", "1007", "1011"], ignoreOrder: true);
        second.Records().Where(r => r.GetValueOrDefault("unique_key")!.StartsWith('1')).ShouldAllBe(r => r.GetValueOrDefault("status") == "Closed" && r.GetValueOrDefault("socrata_updated_at") == "2024-03-10T03:00:00.000Z");
        second[^1].NewestUpdatedAt.ShouldBe(t0.AddHours(3));
    }

    [Fact]
    public async Task The_watermark_never_moves_back_when_only_older_rows_come_in()
    {
        await using var harness = await SocrataHarness.StartAsync();
        var watermark = new DateTimeOffset(2024, 3, 10, 0, 0, 0, TimeSpan.Zero);
        harness.Server.Dataset("erm2-nwe9").Add(new SocrataGeneratedRecords(4), watermark.AddMinutes(-30));

        var batches = await harness.Client().ReadIncrementalAsync(watermark, cancellationToken: TestContext.Current.CancellationToken).ToListAsync();

        batches.Records().Count().ShouldBe(4);
        batches[^1].NewestUpdatedAt.ShouldBe(watermark);
    }
}

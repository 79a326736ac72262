using Nyc311.Ingest.Tests.Support;
using Nyc311.Testing.Socrata;

namespace Nyc311.Ingest.Tests.Socrata;

public sealed class SocrataRetryTests
{
    private static readonly DateOnly Day = new(2024, 1, 1);

    [Fact]
    public async Task A_429_waits_the_seconds_of_its_Retry_After_on_the_injected_clock()
    {
        var clock = FakeClock.At(2024, 3, 10);
        await using var harness = await SocrataHarness.StartAsync(new SocrataTestServerOptions { Clock = clock });
        harness.Server.Dataset("erm2-nwe9").Add(new SocrataGeneratedRecords(5));
        harness.Server.Faults.Enqueue(SocrataFault.TooManyRequests(TimeSpan.FromSeconds(7)));
        var progress = new RecordingProgress();
        var client = harness.Client(o => o.MaxDelay = TimeSpan.FromMinutes(1), time: clock);

        var batches = await clock.RunAsync(client.ReadBackfillAsync(Day, Day.AddDays(1), progress, TestContext.Current.CancellationToken).ToListAsync());

        var notice = await progress.FirstRetry;
        notice.ShouldBe(new RetryNotice(1, TimeSpan.FromSeconds(7), "HTTP 429 Too Many Requests"));
        var requests = harness.Server.Requests;
        requests.Select(r => r.StatusCode).ShouldBe([429, 200]);
        (requests[1].ReceivedAt - requests[0].ReceivedAt).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(7));
        batches.ShouldHaveSingleItem().ShouldSatisfyAllConditions(b => b.Records.Count.ShouldBe(5), b => b.Retries.ShouldBe(1));
    }

    [Fact]
    public async Task A_429_with_an_HTTP_date_waits_until_that_date()
    {
        var clock = FakeClock.At(2024, 3, 10);
        await using var harness = await SocrataHarness.StartAsync(new SocrataTestServerOptions { Clock = clock });
        harness.Server.Dataset("erm2-nwe9").Add(new SocrataGeneratedRecords(5));
        var retryAt = clock.GetUtcNow().AddSeconds(12);
        harness.Server.Faults.Enqueue(SocrataFault.TooManyRequestsUntil(retryAt));
        var progress = new RecordingProgress();
        var client = harness.Client(o => o.MaxDelay = TimeSpan.FromMinutes(1), time: clock);

        await clock.RunAsync(client.ReadBackfillAsync(Day, Day.AddDays(1), progress, TestContext.Current.CancellationToken).ToListAsync());

        // The wait is measured from when the answer arrived (the fake clock may have stepped on while
        // the loaded machine was slow), so it is positive and at most the 12 s to the date; what
        // matters is that the retry did not come before the date.
        (await progress.FirstRetry).Delay.ShouldBeInRange(TimeSpan.FromTicks(1), TimeSpan.FromSeconds(12));
        harness.Server.Requests[1].ReceivedAt.ShouldBeGreaterThanOrEqualTo(retryAt);
    }

    [Fact]
    public async Task Retry_After_longer_than_the_maximum_delay_is_capped()
    {
        var clock = FakeClock.At(2024, 3, 10);
        await using var harness = await SocrataHarness.StartAsync(new SocrataTestServerOptions { Clock = clock });
        harness.Server.Dataset("erm2-nwe9").Add(new SocrataGeneratedRecords(5));
        harness.Server.Faults.Enqueue(SocrataFault.TooManyRequests(TimeSpan.FromHours(2)));
        var progress = new RecordingProgress();
        var client = harness.Client(o => o.MaxDelay = TimeSpan.FromSeconds(30), time: clock);

        await clock.RunAsync(client.ReadBackfillAsync(Day, Day.AddDays(1), progress, TestContext.Current.CancellationToken).ToListAsync(), step: TimeSpan.FromSeconds(1));

        (await progress.FirstRetry).Delay.ShouldBe(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Server_errors_and_202_processing_answers_are_retried_and_counted()
    {
        await using var harness = await SocrataHarness.StartAsync();
        var dataset = harness.Server.Dataset("erm2-nwe9");
        dataset.Add(new SocrataGeneratedRecords(15));
        harness.Server.Faults.Enqueue(SocrataFault.ServerError(500), SocrataFault.Processing(), SocrataFault.ServerError(503));
        harness.Server.Faults.At(5, SocrataFault.ServerError(502));
        var progress = new RecordingProgress();

        var batches = await harness.Client().ReadBackfillAsync(Day, Day.AddDays(1), progress, TestContext.Current.CancellationToken).ToListAsync();

        harness.Server.Requests.Select(r => r.StatusCode).ShouldBe([500, 202, 503, 200, 502, 200]);
        batches.Select(b => b.Retries).ShouldBe([3, 1]);
        batches.UniqueKeys().ShouldBe(dataset.UniqueKeys, ignoreOrder: true);
        progress.Reports.Where(p => p.Retry is not null).Select(p => p.Retry!.Reason).ShouldBe(
            ["HTTP 500 Internal Server Error", "HTTP 202 Accepted", "HTTP 503 Service Unavailable", "HTTP 502 Bad Gateway"]);
        progress.Reports[^1].Retries.ShouldBe(4);
    }

    [Fact]
    public async Task A_response_slower_than_the_timeout_is_abandoned_and_retried()
    {
        var clock = FakeClock.At(2024, 3, 10);
        await using var harness = await SocrataHarness.StartAsync();
        harness.Server.Dataset("erm2-nwe9").Add(new SocrataGeneratedRecords(5));
        harness.Server.Faults.Enqueue(SocrataFault.Slow(TimeSpan.FromMinutes(5)));
        var progress = new RecordingProgress();

        var run = harness.Client(o => o.Timeout = TimeSpan.FromSeconds(30), time: clock).ReadBackfillAsync(Day, Day.AddDays(1), progress, TestContext.Current.CancellationToken).ToListAsync();
        await Until(() => harness.Server.Requests.Count == 1);
        clock.Advance(TimeSpan.FromSeconds(31));
        // Only the millisecond backoff is left to pass; the retry's own 30 s never elapse.
        await Until(() => harness.Server.Requests.Count == 2, () => clock.Advance(TimeSpan.FromMilliseconds(1)));
        var batches = await run;

        batches.ShouldHaveSingleItem().ShouldSatisfyAllConditions(b => b.Records.Count.ShouldBe(5), b => b.Retries.ShouldBe(1));
        (await progress.FirstRetry).Reason.ShouldBe("no complete response within 30 s");
    }

    [Fact]
    public async Task When_retries_run_out_the_error_names_dataset_offset_attempts_and_last_status()
    {
        await using var harness = await SocrataHarness.StartAsync();
        harness.Server.Dataset("erm2-nwe9").Add(new SocrataGeneratedRecords(15));
        harness.Server.Faults.At(2, SocrataFault.ServerError(500));
        harness.Server.Faults.At(3, SocrataFault.ServerError(500));
        harness.Server.Faults.At(4, SocrataFault.ServerError(503));
        harness.Server.Faults.At(5, SocrataFault.ServerError(500));

        var (batches, error) = await harness.Client().ReadBackfillAsync(Day, Day.AddDays(1), cancellationToken: TestContext.Current.CancellationToken).UntilFailureAsync();

        batches.ShouldHaveSingleItem().Records.Count.ShouldBe(10);
        var unavailable = error.ShouldBeOfType<SocrataUnavailableException>();
        unavailable.ShouldSatisfyAllConditions(
            e => e.Dataset.ShouldBe("erm2-nwe9"),
            e => e.Offset.ShouldBe(10),
            e => e.Attempts.ShouldBe(4),
            e => e.LastStatusCode.ShouldBe(500),
            e => e.Message.ShouldBe("Socrata dataset erm2-nwe9 did not answer the page at offset 10 after 4 attempts: HTTP 500 Internal Server Error"));
        error.ShouldBeAssignableTo<IngestException>();
    }

    [Fact]
    public async Task A_query_the_server_refuses_is_not_retried()
    {
        await using var harness = await SocrataHarness.StartAsync(new SocrataTestServerOptions { MaxLimit = 5 });
        harness.Server.Dataset("erm2-nwe9").Add(new SocrataGeneratedRecords(15));

        var (_, error) = await harness.Client().ReadBackfillAsync(Day, Day.AddDays(1), cancellationToken: TestContext.Current.CancellationToken).UntilFailureAsync();

        var rejected = error.ShouldBeOfType<SocrataRequestRejectedException>();
        rejected.StatusCode.ShouldBe(400);
        rejected.ServerMessage.ShouldContain("$limit 10 is over the maximum of 5");
        harness.Server.Requests.Count.ShouldBe(1);
    }

    private static async Task Until(Func<bool> condition, Action? meanwhile = null)
    {
        while (!condition())
        {
            meanwhile?.Invoke();
            await Task.Delay(2, TestContext.Current.CancellationToken);
        }
    }
}

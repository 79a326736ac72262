using Nyc311.Ingest.Tests.Support;
using Nyc311.Testing.Socrata;

namespace Nyc311.Ingest.Tests.Socrata;

public sealed class SocrataCancellationTests
{
    private static readonly DateOnly Day = new(2024, 1, 1);

    [Fact]
    public async Task Cancelling_while_a_response_is_awaited_stops_the_run_without_a_retry()
    {
        await using var harness = await SocrataHarness.StartAsync();
        harness.Server.Dataset("erm2-nwe9").Add(new SocrataGeneratedRecords(5));
        harness.Server.Faults.Enqueue(SocrataFault.Slow(TimeSpan.FromMinutes(5)));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var progress = new RecordingProgress();

        var run = harness.Client().ReadBackfillAsync(Day, Day.AddDays(1), progress, cancel.Token).ToListAsync();
        while (harness.Server.Requests.Count == 0)
        {
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(run);
        progress.Reports.ShouldBeEmpty();
        harness.Server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Cancelling_during_a_retry_wait_stops_the_run()
    {
        var clock = FakeClock.At(2024, 3, 10);
        await using var harness = await SocrataHarness.StartAsync();
        harness.Server.Dataset("erm2-nwe9").Add(new SocrataGeneratedRecords(5));
        harness.Server.Faults.Enqueue(SocrataFault.TooManyRequests(TimeSpan.FromSeconds(30)));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var progress = new RecordingProgress();

        var run = harness.Client(o => o.MaxDelay = TimeSpan.FromMinutes(1), time: clock).ReadBackfillAsync(Day, Day.AddDays(1), progress, cancel.Token).ToListAsync();
        await progress.FirstRetry;
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(run);
        harness.Server.Requests.Count.ShouldBe(1);
    }
}

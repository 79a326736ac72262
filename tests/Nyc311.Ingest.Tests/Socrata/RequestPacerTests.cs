using Nyc311.Ingest.Socrata;
using Nyc311.Ingest.Tests.Support;

namespace Nyc311.Ingest.Tests.Socrata;

public sealed class RequestPacerTests
{
    [Fact]
    public async Task Request_starts_are_spaced_by_the_rate_limit_on_the_injected_clock()
    {
        var clock = FakeClock.At(2024, 3, 10);
        var pacer = new RequestPacer(requestsPerSecond: 2, clock);
        var token = TestContext.Current.CancellationToken;

        var first = pacer.WaitAsync(token);
        var second = pacer.WaitAsync(token);
        var third = pacer.WaitAsync(token);

        first.IsCompleted.ShouldBeTrue();
        second.IsCompleted.ShouldBeFalse();
        clock.Advance(TimeSpan.FromMilliseconds(499));
        second.IsCompleted.ShouldBeFalse();
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await second;
        third.IsCompleted.ShouldBeFalse();
        clock.Advance(TimeSpan.FromMilliseconds(500));
        await third;
    }

    [Fact]
    public void A_caller_after_a_quiet_spell_goes_at_once()
    {
        var clock = FakeClock.At(2024, 3, 10);
        var pacer = new RequestPacer(requestsPerSecond: 2, clock);

        pacer.WaitAsync(TestContext.Current.CancellationToken).IsCompleted.ShouldBeTrue();
        clock.Advance(TimeSpan.FromSeconds(3));

        pacer.WaitAsync(TestContext.Current.CancellationToken).IsCompleted.ShouldBeTrue();
    }
}

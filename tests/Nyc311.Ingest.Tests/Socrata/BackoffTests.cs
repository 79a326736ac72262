using System.Net.Http.Headers;
using CsCheck;
using Nyc311.Ingest.Socrata;

namespace Nyc311.Ingest.Tests.Socrata;

public sealed class BackoffTests
{
    [Fact]
    public void Every_delay_lies_in_the_upper_half_of_a_doubling_ceiling_capped_at_the_maximum()
    {
        Gen.Select(Gen.Int[1, 40], Gen.Long[0, TimeSpan.FromSeconds(10).Ticks], Gen.Long[0, TimeSpan.FromMinutes(5).Ticks], Gen.Double[0, 0.999999])
            .Sample((retry, baseTicks, extraTicks, unit) =>
            {
                var baseDelay = TimeSpan.FromTicks(baseTicks);
                var maxDelay = TimeSpan.FromTicks(baseTicks + extraTicks);
                var ceiling = Math.Min(maxDelay.Ticks, baseTicks * Math.Pow(2, retry - 1));

                var delay = Backoff.Delay(retry, baseDelay, maxDelay, unit);

                return delay.Ticks >= Math.Floor(ceiling / 2) - 1 && delay.Ticks <= ceiling && delay <= maxDelay;
            });
    }

    [Fact]
    public void The_ceiling_never_shrinks_from_one_retry_to_the_next()
    {
        Gen.Select(Gen.Int[1, 40], Gen.Long[1, TimeSpan.FromSeconds(10).Ticks])
            .Sample((retry, baseTicks) =>
                Backoff.Delay(retry + 1, TimeSpan.FromTicks(baseTicks), TimeSpan.FromMinutes(1), 0.999999)
                >= Backoff.Delay(retry, TimeSpan.FromTicks(baseTicks), TimeSpan.FromMinutes(1), 0.999999));
    }

    [Fact]
    public void Retry_After_is_read_as_seconds_or_as_an_HTTP_date()
    {
        var now = new DateTimeOffset(2024, 3, 10, 12, 0, 0, TimeSpan.Zero);

        Backoff.RetryAfter(new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)), now).ShouldBe(TimeSpan.FromSeconds(7));
        Backoff.RetryAfter(RetryConditionHeaderValue.Parse("Sun, 10 Mar 2024 12:00:42 GMT"), now).ShouldBe(TimeSpan.FromSeconds(42));
        Backoff.RetryAfter(RetryConditionHeaderValue.Parse("Sun, 10 Mar 2024 11:00:00 GMT"), now).ShouldBe(TimeSpan.Zero);
        Backoff.RetryAfter(null, now).ShouldBeNull();
    }
}

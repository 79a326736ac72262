using System.Net.Http.Headers;

namespace Nyc311.Ingest.Socrata;

/// <summary>How long to wait before a retry.</summary>
internal static class Backoff
{
    /// <summary>
    /// Exponential backoff with jitter: the ceiling is <paramref name="baseDelay"/> doubled for every
    /// retry after the first, capped at <paramref name="maxDelay"/>, and the wait is drawn uniformly
    /// from the upper half of the ceiling, so clients that failed together do not return together.
    /// </summary>
    /// <param name="retry">1 for the first retry.</param>
    /// <param name="baseDelay">Ceiling of the first retry.</param>
    /// <param name="maxDelay">Highest ceiling.</param>
    /// <param name="unit">A random number in [0, 1).</param>
    public static TimeSpan Delay(int retry, TimeSpan baseDelay, TimeSpan maxDelay, double unit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var ceilingTicks = Math.Min(maxDelay.Ticks, baseDelay.Ticks * Math.Pow(2, Math.Min(retry - 1, 62)));
        return TimeSpan.FromTicks((long)(ceilingTicks * (0.5 + (0.5 * unit))));
    }

    /// <summary>
    /// The wait a <c>Retry-After</c> header asks for, as seconds or as an HTTP date relative to
    /// <paramref name="now"/>; never negative; null when there is no header.
    /// </summary>
    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        var wait = header switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => (TimeSpan?)null,
        };
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }
}

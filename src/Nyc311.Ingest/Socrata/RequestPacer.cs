namespace Nyc311.Ingest.Socrata;

/// <summary>
/// The client-side rate limit: request starts are spaced at least 1 / requests-per-second apart,
/// on the injected clock. Safe to share between concurrent callers: each reserves its own slot.
/// </summary>
internal sealed class RequestPacer(double requestsPerSecond, TimeProvider timeProvider)
{
    private readonly long intervalTicks = (long)(timeProvider.TimestampFrequency / requestsPerSecond);
    private readonly Lock gate = new();
    private long nextSlot = long.MinValue;

    /// <summary>Waits until this caller may start a request.</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetTimestamp();
        long slot;
        lock (gate)
        {
            slot = Math.Max(now, nextSlot);
            nextSlot = slot + intervalTicks;
        }

        return slot <= now
            ? Task.CompletedTask
            : Task.Delay(timeProvider.GetElapsedTime(now, slot), timeProvider, cancellationToken);
    }
}

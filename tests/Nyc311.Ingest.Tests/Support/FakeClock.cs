using Microsoft.Extensions.Time.Testing;

namespace Nyc311.Ingest.Tests.Support;

internal static class FakeClock
{
    /// <summary>A fake clock at a fixed instant.</summary>
    public static FakeTimeProvider At(int year, int month, int day, int hour = 0) =>
        new(new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.Zero));

    /// <summary>
    /// Moves fake time forward in small steps until <paramref name="task"/> ends, so waits on the
    /// fake clock (backoff, Retry-After, rate limit) pass without real sleeping.
    /// </summary>
    public static async Task<T> RunAsync<T>(this FakeTimeProvider clock, Task<T> task, TimeSpan? step = null, TimeSpan? limit = null)
    {
        var advanced = TimeSpan.Zero;
        var max = limit ?? TimeSpan.FromHours(1);
        while (!task.IsCompleted && advanced < max)
        {
            clock.Advance(step ?? TimeSpan.FromMilliseconds(100));
            advanced += step ?? TimeSpan.FromMilliseconds(100);
            await Task.WhenAny(task, Task.Delay(2, TestContext.Current.CancellationToken));
        }

        return await task;
    }
}

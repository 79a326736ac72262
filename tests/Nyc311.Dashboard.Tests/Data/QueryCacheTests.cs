using Nyc311.Dashboard.Data;

namespace Nyc311.Dashboard.Tests.Data;

public sealed class QueryCacheTests
{
    [Fact]
    public async Task A_key_is_computed_once_and_concurrent_requests_share_the_computation()
    {
        var cache = new QueryCache();
        var computed = 0;
        using var release = new ManualResetEventSlim();
        var requests = Enumerable.Range(0, 8).Select(_ => cache.GetOrAdd("k", () =>
        {
            Interlocked.Increment(ref computed);
            release.Wait(TestContext.Current.CancellationToken);
            return new List<int> { 1, 2, 3 };
        })).ToList();
        release.Set();
        var results = await Task.WhenAll(requests);

        computed.ShouldBe(1);
        results.ShouldAllBe(r => ReferenceEquals(r, results[0]));
        (await cache.GetOrAdd("k", () => new List<int>())).ShouldBeSameAs(results[0]);
        (await cache.GetOrAdd("other", () => new List<int> { 4 })).ShouldBe([4]);
        computed.ShouldBe(1);
    }

    [Fact]
    public async Task A_failed_computation_is_forgotten_so_the_next_request_retries()
    {
        var cache = new QueryCache();
        var attempts = 0;
        List<int> Flaky() => ++attempts == 1 ? throw new IOException("file vacuumed away") : [attempts];

        (await Should.ThrowAsync<IOException>(() => cache.GetOrAdd("k", Flaky))).Message.ShouldBe("file vacuumed away");
        (await cache.GetOrAdd("k", Flaky)).ShouldBe([2]);
        (await cache.GetOrAdd("k", Flaky)).ShouldBe([2]);
        attempts.ShouldBe(2);
    }

    [Fact]
    public async Task The_cache_starts_afresh_when_full_instead_of_growing_without_bound()
    {
        var cache = new QueryCache();
        for (var i = 0; i < QueryCache.Capacity; i++)
        {
            await cache.GetOrAdd($"k{i}", () => new object());
        }

        cache.Count.ShouldBe(QueryCache.Capacity);
        await cache.GetOrAdd("one more", () => new object());
        cache.Count.ShouldBe(1);
    }
}

using System.Collections.Concurrent;

namespace Nyc311.Dashboard.Data;

/// <summary>
/// Results of page queries keyed by what they read (the query, its filter and the versions of its tables),
/// so a result is computed once per table version however many pages show it. Concurrent requests for
/// the same key share one computation; a failed one is forgotten so the next request retries.
/// </summary>
internal sealed class QueryCache
{
    /// <summary>Results kept before the cache starts afresh (each is a page's worth of rows).</summary>
    public const int Capacity = 512;

    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _results = new(StringComparer.Ordinal);

    public int Count => _results.Count;

    public async Task<T> GetOrAdd<T>(string key, Func<T> compute)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(compute);
        if (_results.Count >= Capacity)
        {
            _results.Clear();
        }

        var entry = _results.GetOrAdd(key, _ => new Lazy<Task<object>>(() => Task.Run(object () => compute())));
        try
        {
            return (T)await entry.Value;
        }
        catch
        {
            _results.TryRemove(new KeyValuePair<string, Lazy<Task<object>>>(key, entry));
            throw;
        }
    }
}

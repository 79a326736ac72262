namespace Nyc311.Ingest.Text;

/// <summary>
/// Hands out one shared string per distinct short value of a field (agencies, boroughs, statuses,
/// complaint types), so a batch of 50,000 records holds a few hundred strings per such field
/// instead of 50,000: less to allocate and far less for the garbage collector to trace. A field
/// with too many distinct values (keys, addresses, timestamps) stops being pooled. Not
/// thread-safe: one pool per field per reader.
/// </summary>
internal sealed class ValuePool
{
    private const int MaxLength = 256;
    private const int MaxDistinct = 1024;

    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private bool saturated;

    public ValuePool() => lookup = values.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The pooled string equal to <paramref name="value"/>, or a new one.</summary>
    public string Get(ReadOnlySpan<char> value)
    {
        if (saturated || value.Length > MaxLength)
        {
            return value.ToString();
        }

        if (lookup.TryGetValue(value, out var pooled))
        {
            return pooled;
        }

        var created = value.ToString();
        if (values.Count < MaxDistinct)
        {
            values.Add(created, created);
        }
        else
        {
            saturated = true;
            values.Clear();
        }

        return created;
    }
}

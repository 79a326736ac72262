using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nyc311.Lake.Stats;

/// <summary>
/// Per-file statistics as stored in <c>add.stats</c>: record count and, per top-level column,
/// minimum, maximum and null count (JSON values in Delta's stats encoding).
/// </summary>
public sealed class FileStatistics
{
    private FileStatistics(long? numRecords, JsonObject? minValues, JsonObject? maxValues, JsonObject? nullCount, bool tightBounds)
    {
        NumRecords = numRecords;
        MinValues = minValues;
        MaxValues = maxValues;
        NullCount = nullCount;
        TightBounds = tightBounds;
    }

    public long? NumRecords { get; }

    public JsonObject? MinValues { get; }

    public JsonObject? MaxValues { get; }

    public JsonObject? NullCount { get; }

    /// <summary>False when bounds are only wide (after deletion vectors); treated as true when absent.</summary>
    public bool TightBounds { get; }

    /// <summary>Parses a stats JSON string; null when absent or unreadable (stats are optional).</summary>
    public static FileStatistics? Parse(string? stats)
    {
        if (string.IsNullOrEmpty(stats))
        {
            return null;
        }

        try
        {
            if (JsonNode.Parse(stats) is not JsonObject obj)
            {
                return null;
            }

            long? numRecords = obj["numRecords"] is JsonValue v && v.TryGetValue<long>(out var n) ? n : null;
            var tight = obj["tightBounds"] is not JsonValue t || !t.TryGetValue<bool>(out var b) || b;
            return new FileStatistics(numRecords, obj["minValues"] as JsonObject, obj["maxValues"] as JsonObject, obj["nullCount"] as JsonObject, tight);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The null count of a column, when recorded.</summary>
    public long? NullCountOf(string column) => Lookup(NullCount, column) is JsonValue v && v.TryGetValue<long>(out var n) ? n : null;

    /// <summary>The minimum of a column as a JSON value, when recorded.</summary>
    public JsonNode? MinOf(string column) => Lookup(MinValues, column);

    /// <summary>The maximum of a column as a JSON value, when recorded.</summary>
    public JsonNode? MaxOf(string column) => Lookup(MaxValues, column);

    private static JsonNode? Lookup(JsonObject? values, string column)
    {
        if (values is null)
        {
            return null;
        }

        if (values.TryGetPropertyValue(column, out var exact))
        {
            return exact;
        }

        foreach (var (key, value) in values)
        {
            if (string.Equals(key, column, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }
}

using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;
using Nyc311.Lake.Schema;

namespace Nyc311.Lake.Stats;

/// <summary>
/// Turns the column statistics DuckDB returns for a written Parquet file into Delta's stats JSON:
/// <c>numRecords</c>, and <c>minValues</c>/<c>maxValues</c>/<c>nullCount</c> for indexed top-level columns.
/// </summary>
internal static class StatsBuilder
{
    /// <summary>Strings longer than this are cut to a prefix for min (a valid lower bound) and dropped for max.</summary>
    public const int StringPrefixLength = 32;

    public static string Build(long numRecords, IDictionary? columnStatistics, StructType schema, IReadOnlySet<string> indexedColumns)
    {
        var min = new JsonObject();
        var max = new JsonObject();
        var nulls = new JsonObject();
        if (columnStatistics is not null)
        {
            foreach (DictionaryEntry entry in columnStatistics)
            {
                var column = Unquote((string)entry.Key);
                if (column is null || !indexedColumns.Contains(column) || entry.Value is not IDictionary values)
                {
                    continue;
                }

                var field = schema.Find(column);
                if (field is null)
                {
                    continue;
                }

                if (values["null_count"] is string nullCount && long.TryParse(nullCount, CultureInfo.InvariantCulture, out var n))
                {
                    nulls[field.Name] = n;
                }

                if (values["has_nan"] is string nan && nan == "true")
                {
                    continue;
                }

                if (Convert(values["min"] as string, field.Type, isMax: false) is { } lo)
                {
                    min[field.Name] = lo;
                }

                if (Convert(values["max"] as string, field.Type, isMax: true) is { } hi)
                {
                    max[field.Name] = hi;
                }
            }
        }

        var stats = new JsonObject { ["numRecords"] = numRecords, ["minValues"] = min, ["maxValues"] = max, ["nullCount"] = nulls };
        return stats.ToJsonString();
    }

    /// <summary>The columns that get min/max/nullCount: the configured list, or the first N (default 32).</summary>
    public static IReadOnlySet<string> IndexedColumns(StructType schema, IReadOnlyList<string> partitionColumns, IReadOnlyDictionary<string, string> properties)
    {
        var dataColumns = schema.Fields.Where(f => !partitionColumns.Contains(f.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        if (properties.TryGetValue(TableProperties.DataSkippingStatsColumns, out var list) && !string.IsNullOrWhiteSpace(list))
        {
            var named = list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            return dataColumns.Where(f => named.Contains(f.Name, StringComparer.OrdinalIgnoreCase)).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        }

        var count = properties.TryGetValue(TableProperties.DataSkippingNumIndexedCols, out var text) && int.TryParse(text, CultureInfo.InvariantCulture, out var c) ? c : 32;
        var indexed = count < 0 ? dataColumns : dataColumns.Take(count);
        return indexed.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
    }

    private static string? Unquote(string key)
    {
        // Top-level columns arrive as "name"; nested leaves as "struct"."field" (skipped).
        if (key.Length >= 2 && key[0] == '"' && key[^1] == '"')
        {
            var inner = key[1..^1];
            return inner.Contains("\".\"", StringComparison.Ordinal) ? null : inner.Replace("\"\"", "\"", StringComparison.Ordinal);
        }

        return key.Contains('.', StringComparison.Ordinal) ? null : key;
    }

    private static JsonNode? Convert(string? text, DeltaType type, bool isMax)
    {
        if (text is null)
        {
            return null;
        }

        switch (type)
        {
            case PrimitiveType { Name: "long" or "integer" or "short" or "byte" }:
                return long.TryParse(text, CultureInfo.InvariantCulture, out var l) ? l : null;
            case DecimalType:
                return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) ? m : null;
            case PrimitiveType { Name: "double" or "float" }:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;
            case PrimitiveType { Name: "string" }:
                if (text.Length <= StringPrefixLength)
                {
                    return text;
                }

                // A prefix is below every value that starts with it, so it bounds the minimum;
                // no prefix bounds the maximum, so it is left out.
                return isMax ? null : TruncateByCodePoints(text, StringPrefixLength);
            case PrimitiveType { Name: "date" }:
                return DateOnly.TryParse(text, CultureInfo.InvariantCulture, out var date) ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
            case PrimitiveType { Name: "timestamp" }:
                return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
                    ? TruncateToMillis(instant.UtcDateTime).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
                    : null;
            case PrimitiveType { Name: "timestamp_ntz" }:
                return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
                    ? TruncateToMillis(local).ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture)
                    : null;
            default:
                // Booleans, binary and nested types carry no min/max in Delta stats.
                return null;
        }
    }

    private static DateTime TruncateToMillis(DateTime value) => new(value.Ticks - (value.Ticks % TimeSpan.TicksPerMillisecond), value.Kind);

    private static string TruncateByCodePoints(string text, int codePoints)
    {
        var length = 0;
        var count = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (count == codePoints)
            {
                break;
            }

            length += rune.Utf16SequenceLength;
            count++;
        }

        return text[..length];
    }
}

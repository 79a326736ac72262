using System.Globalization;
using System.Text.Json.Nodes;
using Nyc311.Lake.Schema;
using Nyc311.Lake.Sql;

namespace Nyc311.Lake.Tests.Conformance;

internal sealed partial class DeltaLogValidator
{
    private readonly Dictionary<string, DataFileFacts> _dataFiles = new(StringComparer.Ordinal);

    /// <summary>
    /// numRecords equals the file's rows; every recorded bound holds (min &lt;= the smallest value, max &gt;= the
    /// largest, timestamps truncated to milliseconds); with tight bounds the null counts are exact; and for
    /// this layer's own files numbers, dates and short strings are exact.
    /// </summary>
    private void CheckStatsAgainstData(string where, string file, string local, long? numRecords, Dictionary<string, JsonObject> sections, bool tightBounds, TableState state)
    {
        DataFileFacts facts;
        try
        {
            facts = FactsOf(local, state);
        }
        catch (DuckDB.NET.Data.DuckDBException e)
        {
            Fail(file, "data.readable", $"the data file cannot be read as Parquet: {e.Message}");
            return;
        }

        if (numRecords is { } records && records != facts.Rows)
        {
            Fail(where, "stats.num-records-match-data", Invariant($"numRecords of '{file}' is {records} but the file holds {facts.Rows} rows"));
        }

        foreach (var field in state.Schema!.Fields.Where(f => !state.IsPartitionColumn(f)))
        {
            var key = state.PhysicalName(field);
            var actual = facts.Columns.GetValueOrDefault(key) ?? new ColumnFacts(null, null, facts.Rows);
            var what = $"'{file}' column '{key}'";
            if (tightBounds && JsonFacts.Long(sections.GetValueOrDefault("nullCount")?[key]) is { } nulls && nulls != actual.Nulls)
            {
                Fail(where, "stats.null-count-matches-data", Invariant($"{what}: nullCount {nulls} but the file has {actual.Nulls} nulls"));
            }

            if (!facts.Columns.ContainsKey(key))
            {
                continue;
            }

            CheckBound(where, what, sections.GetValueOrDefault("minValues")?[key], actual.Min, field.Type, isMax: false);
            CheckBound(where, what, sections.GetValueOrDefault("maxValues")?[key], actual.Max, field.Type, isMax: true);
        }
    }

    private void CheckBound(string where, string what, JsonNode? stat, string? actualText, DeltaType type, bool isMax)
    {
        var bound = isMax ? "maximum" : "minimum";
        if (stat is null || StatComparable(stat, type) is not { } recorded)
        {
            // Strings longer than the prefix have no maximum; NaN makes a writer drop a double column's bounds.
            var droppable = (isMax && type is PrimitiveType { Name: "string" } && actualText is not null && CodePoints(actualText) > StringPrefixLength) ||
                (actualText is not null && DataComparable(actualText, type) is double.NaN);
            if (Strict && stat is null && actualText is not null && !droppable && DataComparable(actualText, type) is not null)
            {
                Fail(where, "own.stats-complete", $"{what}: no {bound} recorded");
            }

            return;
        }

        if (actualText is null || DataComparable(actualText, type) is not { } actual || actual is double.NaN)
        {
            return;
        }

        // Timestamps in stats are truncated down to milliseconds.
        var slack = type is PrimitiveType { Name: "timestamp" or "timestamp_ntz" } ? 999L : 0L;
        var widened = isMax && recorded is long micros ? micros + slack : recorded;
        var holds = isMax ? CompareValues(widened, actual) >= 0 : CompareValues(recorded, actual) <= 0;
        if (!holds)
        {
            Fail(where, "stats.bounds-hold", $"{what}: recorded {bound} {stat.ToJsonString()} does not bound the data's {bound} {actualText}");
            return;
        }

        if (!Strict)
        {
            return;
        }

        var expected = actual switch
        {
            long us when slack > 0 => us - (((us % 1000) + 1000) % 1000),
            string s when CodePoints(s) > StringPrefixLength => isMax ? null : Prefix(s, StringPrefixLength),
            _ => actual,
        };
        if (expected is null || CompareValues(recorded, expected) != 0)
        {
            Fail(where, "own.stats-exact", $"{what}: recorded {bound} {stat.ToJsonString()} is not the data's {bound} {actualText}");
        }
    }

    /// <summary>Rows, and per top-level data column its minimum, maximum (as DuckDB text; timestamps as epoch microseconds) and null count.</summary>
    private DataFileFacts FactsOf(string local, TableState state)
    {
        var info = new FileInfo(local);
        var cacheKey = Invariant($"{local}|{info.Length}|{info.LastWriteTimeUtc.Ticks}|{state.Metadata?["schemaString"]}");
        if (_dataFiles.TryGetValue(cacheKey, out var cached))
        {
            return cached;
        }

        var source = $"read_parquet({SqlText.Literal(local)}, hive_partitioning = false)";
        var present = _db.Describe($"SELECT * FROM {source}").Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var columns = state.Schema!.Fields
            .Where(f => !state.IsPartitionColumn(f) && present.Contains(state.PhysicalName(f)))
            .Select(f => (Key: state.PhysicalName(f), f.Type))
            .ToList();
        var select = new List<string> { "count(*)::VARCHAR" };
        foreach (var (key, type) in columns)
        {
            var c = SqlText.Identifier(key);
            var (min, max) = type switch
            {
                PrimitiveType { Name: "timestamp" or "timestamp_ntz" } => ($"epoch_us(min({c}))::VARCHAR", $"epoch_us(max({c}))::VARCHAR"),
                PrimitiveType { Name: "string" } => ($"min({c})", $"max({c})"),
                DecimalType or PrimitiveType { Name: "byte" or "short" or "integer" or "long" or "float" or "double" or "date" } => ($"min({c})::VARCHAR", $"max({c})::VARCHAR"),
                _ => ("NULL::VARCHAR", "NULL::VARCHAR"),
            };
            select.Add(min);
            select.Add(max);
            select.Add($"(count(*) - count({c}))::VARCHAR");
        }

        var row = _db.Query($"SELECT {string.Join(", ", select)} FROM {source}", r =>
            Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? null : r.GetString(i)).ToArray()).Single();
        var facts = new DataFileFacts(long.Parse(row[0]!, CultureInfo.InvariantCulture), columns
            .Select((c, i) => (c.Key, Facts: new ColumnFacts(row[1 + (3 * i)], row[2 + (3 * i)], long.Parse(row[3 + (3 * i)]!, CultureInfo.InvariantCulture))))
            .ToDictionary(c => c.Key, c => c.Facts, StringComparer.Ordinal));
        _dataFiles[cacheKey] = facts;
        return facts;
    }

    /// <summary>A stats JSON value as a comparable CLR value (decimal, double, string, DateOnly or epoch microseconds).</summary>
    private static object? StatComparable(JsonNode value, DeltaType type) => type switch
    {
        DecimalType or PrimitiveType { Name: "byte" or "short" or "integer" or "long" } => JsonFacts.IsNumber(value) ? value.GetValue<decimal>() : null,
        PrimitiveType { Name: "float" or "double" } => JsonFacts.IsNumber(value) ? value.GetValue<double>() : null,
        PrimitiveType { Name: "string" } => JsonFacts.Text(value),
        PrimitiveType { Name: "date" } => JsonFacts.Text(value) is { } d && DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null,
        PrimitiveType { Name: "timestamp" or "timestamp_ntz" } => JsonFacts.Text(value) is { } t &&
            DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
                ? (instant.UtcTicks - DateTime.UnixEpoch.Ticks) / 10
                : null,
        _ => null,
    };

    /// <summary>A DuckDB-rendered value (see <see cref="FactsOf"/>) as a comparable CLR value.</summary>
    private static object? DataComparable(string text, DeltaType type) => type switch
    {
        DecimalType or PrimitiveType { Name: "byte" or "short" or "integer" or "long" } => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        PrimitiveType { Name: "float" or "double" } => text.ToLowerInvariant() switch
        {
            "nan" or "-nan" => double.NaN,
            "inf" or "infinity" => double.PositiveInfinity,
            "-inf" or "-infinity" => double.NegativeInfinity,
            _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        },
        PrimitiveType { Name: "string" } => text,
        PrimitiveType { Name: "date" } => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        PrimitiveType { Name: "timestamp" or "timestamp_ntz" } => long.Parse(text, CultureInfo.InvariantCulture),
        _ => null,
    };

    private static int CompareValues(object a, object b) => (a, b) switch
    {
        (decimal x, decimal y) => x.CompareTo(y),
        (double x, double y) => x.CompareTo(y),
        (string x, string y) => CompareCodePoints(x, y),
        (DateOnly x, DateOnly y) => x.CompareTo(y),
        (long x, long y) => x.CompareTo(y),
        _ => throw new InvalidOperationException($"cannot compare {a.GetType().Name} with {b.GetType().Name}"),
    };

    private static int CompareCodePoints(string a, string b)
    {
        var x = a.EnumerateRunes();
        var y = b.EnumerateRunes();
        while (true)
        {
            var hasX = x.MoveNext();
            var hasY = y.MoveNext();
            if (!hasX || !hasY)
            {
                return hasX.CompareTo(hasY);
            }

            var c = x.Current.Value.CompareTo(y.Current.Value);
            if (c != 0)
            {
                return c;
            }
        }
    }

    private static int CodePoints(string text) => text.EnumerateRunes().Count();

    private static string Prefix(string text, int codePoints) => string.Concat(text.EnumerateRunes().Take(codePoints).Select(r => r.ToString()));

    private sealed record ColumnFacts(string? Min, string? Max, long Nulls);

    private sealed record DataFileFacts(long Rows, IReadOnlyDictionary<string, ColumnFacts> Columns);
}

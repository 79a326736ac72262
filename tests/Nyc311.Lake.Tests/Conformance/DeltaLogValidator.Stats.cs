using System.Globalization;
using System.Text.Json.Nodes;
using Nyc311.Lake.Schema;

namespace Nyc311.Lake.Tests.Conformance;

internal sealed partial class DeltaLogValidator
{
    private const int StringPrefixLength = 32;

    /// <summary>
    /// The stats JSON of one add: numRecords, and minValues/maxValues/nullCount keyed by data columns
    /// (never partition columns), typed as the spec says, min &lt;= max, nullCount &lt;= numRecords,
    /// and, when the data file is at hand, true of its rows.
    /// </summary>
    private void ValidateStats(string where, JsonObject add, string text, TableState state)
    {
        var file = JsonFacts.Text(add["path"]) ?? "?";
        if (ParseJson(text) is not JsonObject stats)
        {
            Fail(where, "stats.json", $"stats of '{file}' is not a JSON object");
            return;
        }

        long? numRecords = null;
        if (stats["numRecords"] is { } count)
        {
            numRecords = JsonFacts.Long(count);
            if (numRecords is not >= 0)
            {
                Fail(where, "stats.num-records", $"numRecords of '{file}' is not a non-negative integer");
                numRecords = null;
            }
        }
        else if (add["deletionVector"] is JsonObject)
        {
            Fail(where, "stats.num-records-with-dv", $"'{file}' has a deletion vector but no numRecords");
        }
        else if (Strict)
        {
            Fail(where, "own.stats-complete", $"stats of '{file}' have no numRecords");
        }

        if (stats["tightBounds"] is { } tight && !JsonFacts.IsBool(tight))
        {
            Fail(where, "stats.tight-bounds", "tightBounds is not a boolean");
        }

        var sections = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var section in new[] { "minValues", "maxValues", "nullCount" })
        {
            if (stats[section] is JsonObject obj)
            {
                sections[section] = obj;
            }
            else if (stats[section] is not null)
            {
                Fail(where, "stats.sections", $"{section} of '{file}' is not an object");
            }
            else if (Strict)
            {
                Fail(where, "own.stats-complete", $"stats of '{file}' have no {section}");
            }
        }

        if (state.Schema is null)
        {
            return;
        }

        var columns = state.Schema.Fields.ToDictionary(state.PhysicalName, f => f, StringComparer.Ordinal);
        foreach (var (section, values) in sections)
        {
            foreach (var (key, value) in values)
            {
                if (!columns.TryGetValue(key, out var field))
                {
                    Fail(where, "stats.column-known", $"{section} of '{file}' names '{key}', which is not a column of the schema");
                }
                else if (state.IsPartitionColumn(field))
                {
                    Fail(where, "stats.no-partition-columns", $"{section} of '{file}' names partition column '{key}'");
                }
                else if (section == "nullCount")
                {
                    CheckNullCount(where, $"{file}: {key}", value, field.Type, numRecords);
                }
                else
                {
                    CheckStatValue(where, $"{file}: {section}.{key}", value, field.Type);
                }
            }
        }

        var min = sections.GetValueOrDefault("minValues");
        var max = sections.GetValueOrDefault("maxValues");
        foreach (var (key, field) in columns)
        {
            CheckMinNotAboveMax(where, $"{file}: {key}", min?[key], max?[key], field.Type);
        }

        if (Strict)
        {
            CheckIndexedColumnsHaveStats(where, file, sections, numRecords, state);
        }

        var tightBounds = JsonFacts.Bool(stats["tightBounds"]) ?? true;
        if (_checkDataFiles && LocalFile(file) is { } local && File.Exists(local))
        {
            CheckStatsAgainstData(where, file, local, numRecords, sections, tightBounds && add["deletionVector"] is null, state);
        }
    }

    private void CheckStatValue(string where, string what, JsonNode? value, DeltaType type)
    {
        if (value is null)
        {
            return;
        }

        var ok = type switch
        {
            StructType s => value is JsonObject,
            PrimitiveType { Name: "byte" or "short" or "integer" or "long" } p => JsonFacts.Long(value) is { } l && FitsIntegral(l, p.Name),
            PrimitiveType { Name: "float" or "double" } => JsonFacts.IsNumber(value) || JsonFacts.Text(value) is "NaN" or "Infinity" or "-Infinity",
            DecimalType => JsonFacts.IsNumber(value),
            PrimitiveType { Name: "string" } => JsonFacts.IsString(value),
            PrimitiveType { Name: "date" } => JsonFacts.Text(value) is { } d && IsoDate().IsMatch(d),
            PrimitiveType { Name: "timestamp" } => JsonFacts.Text(value) is { } t && IsoInstant().IsMatch(t),
            PrimitiveType { Name: "timestamp_ntz" } => JsonFacts.Text(value) is { } n && IsoLocal().IsMatch(n),
            PrimitiveType { Name: "boolean" } => JsonFacts.IsBool(value),
            _ => true,
        };
        if (!ok)
        {
            Fail(where, "stats.value-type", $"{what} = {value.ToJsonString()} is not encoded as {type.SimpleString}");
            return;
        }

        if (type is StructType structType)
        {
            foreach (var (key, nested) in (JsonObject)value)
            {
                if (structType.Fields.FirstOrDefault(f => f.Name == key) is { } field)
                {
                    CheckStatValue(where, $"{what}.{key}", nested, field.Type);
                }
                else
                {
                    Fail(where, "stats.column-known", $"{what} names '{key}', which is not a field of the struct");
                }
            }
        }
    }

    private void CheckNullCount(string where, string what, JsonNode? value, DeltaType type, long? numRecords)
    {
        if (type is StructType structType && value is JsonObject nested)
        {
            foreach (var (key, inner) in nested)
            {
                if (structType.Fields.FirstOrDefault(f => f.Name == key) is { } field)
                {
                    CheckNullCount(where, $"{what}.{key}", inner, field.Type, numRecords);
                }
                else
                {
                    Fail(where, "stats.column-known", $"nullCount {what} names '{key}', which is not a field of the struct");
                }
            }

            return;
        }

        if (JsonFacts.Long(value) is not { } nulls || nulls < 0)
        {
            Fail(where, "stats.null-count", $"nullCount {what} = {value?.ToJsonString() ?? "null"} is not a non-negative integer");
        }
        else if (numRecords is { } records && nulls > records)
        {
            Fail(where, "stats.null-count", Invariant($"nullCount {what} = {nulls} exceeds numRecords {records}"));
        }
    }

    private void CheckMinNotAboveMax(string where, string what, JsonNode? min, JsonNode? max, DeltaType type)
    {
        if (min is null || max is null)
        {
            return;
        }

        if (type is StructType structType)
        {
            if (min is JsonObject minObject && max is JsonObject maxObject)
            {
                foreach (var field in structType.Fields)
                {
                    CheckMinNotAboveMax(where, $"{what}.{field.Name}", minObject[field.Name], maxObject[field.Name], field.Type);
                }
            }

            return;
        }

        if (StatComparable(min, type) is { } lo && StatComparable(max, type) is { } hi && CompareValues(lo, hi) > 0)
        {
            Fail(where, "stats.min-not-above-max", $"{what}: minimum {min.ToJsonString()} is above maximum {max.ToJsonString()}");
        }
    }

    /// <summary>This layer's promise: every indexed primitive data column has a null count, and a min and max unless all null.</summary>
    private void CheckIndexedColumnsHaveStats(string where, string file, Dictionary<string, JsonObject> sections, long? numRecords, TableState state)
    {
        foreach (var field in IndexedColumns(state).Where(f => f.Type is PrimitiveType or DecimalType))
        {
            var key = state.PhysicalName(field);
            var nulls = JsonFacts.Long(sections.GetValueOrDefault("nullCount")?[key]);
            if (nulls is null)
            {
                Fail(where, "own.stats-complete", $"stats of '{file}' have no nullCount for '{key}'");
                continue;
            }

            var bounded = field.Type is DecimalType || field.Type is PrimitiveType { Name: not ("boolean" or "binary" or "void" or "variant") };
            if (bounded && nulls < numRecords && sections.GetValueOrDefault("minValues")?[key] is null)
            {
                Fail(where, "own.stats-complete", $"stats of '{file}' have no minimum for '{key}'");
            }
        }
    }

    /// <summary>The first 32 data columns, or as many as <c>delta.dataSkippingNumIndexedCols</c> says, or those <c>delta.dataSkippingStatsColumns</c> names.</summary>
    private static IEnumerable<StructField> IndexedColumns(TableState state)
    {
        var data = state.Schema!.Fields.Where(f => !state.IsPartitionColumn(f)).ToList();
        if (state.Configuration.TryGetValue("delta.dataSkippingStatsColumns", out var named) && !string.IsNullOrWhiteSpace(named))
        {
            var names = named.Split(',', StringSplitOptions.TrimEntries);
            return data.Where(f => names.Contains(f.Name, StringComparer.OrdinalIgnoreCase));
        }

        var count = state.Configuration.TryGetValue("delta.dataSkippingNumIndexedCols", out var text) && int.TryParse(text, CultureInfo.InvariantCulture, out var n) ? n : 32;
        return count < 0 ? data : data.Take(count);
    }

    private static bool FitsIntegral(long value, string type) => type switch
    {
        "byte" => value is >= sbyte.MinValue and <= sbyte.MaxValue,
        "short" => value is >= short.MinValue and <= short.MaxValue,
        "integer" => value is >= int.MinValue and <= int.MaxValue,
        _ => true,
    };
}

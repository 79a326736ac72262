using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Nyc311.Lake.Schema;

namespace Nyc311.Lake.Tests.Conformance;

internal sealed partial class DeltaLogValidator
{
    /// <summary>add and remove actions: required fields, partition values, stats; then the live set is updated.</summary>
    private void ValidateFileActions(string where, List<(string Kind, JsonObject Body)> actions, TableState state)
    {
        var adds = actions.Where(a => a.Kind == "add").Select(a => a.Body).ToList();
        var removes = actions.Where(a => a.Kind == "remove").Select(a => a.Body).ToList();
        foreach (var add in adds)
        {
            ValidateAdd(where, add, state);
        }

        foreach (var remove in removes)
        {
            ValidateRemove(where, remove, state);
        }

        ValidateRearrangement(where, adds, removes, state);
        foreach (var remove in removes.Where(r => JsonFacts.IsString(r["path"])))
        {
            var key = TableState.FileKey(remove);
            state.Live.Remove(key);
            state.Tombstones[key] = remove;
        }

        foreach (var add in adds.Where(a => JsonFacts.IsString(a["path"])))
        {
            var key = TableState.FileKey(add);
            state.Live[key] = add;
            state.Tombstones.Remove(key);
        }

        if (state.Live.Values.Any(a => a["deletionVector"] is JsonObject) && !state.ReaderFeatures.Contains("deletionVectors"))
        {
            Fail(where, "protocol.deletion-vectors-feature", "a file has a deletion vector but the table lacks the deletionVectors feature");
        }
    }

    private void ValidateAdd(string where, JsonObject add, TableState state)
    {
        ValidatePath(where, "add", add);
        if (!JsonFacts.IsInteger(add["size"]) || JsonFacts.Long(add["size"]) < 0 || !JsonFacts.IsInteger(add["modificationTime"]) || !JsonFacts.IsBool(add["dataChange"]))
        {
            Fail(where, "add.fields", $"add '{add["path"]}' needs integer size and modificationTime and boolean dataChange");
        }

        ValidatePartitionValues(where, "add", add, state, required: true);
        if (add["tags"] is { } tags && !JsonFacts.IsStringMap(tags, allowNull: true))
        {
            Fail(where, "add.tags", "tags is not a map of strings");
        }

        var stats = add["stats"];
        if (stats is not null && !JsonFacts.IsString(stats))
        {
            Fail(where, "add.stats", "stats is not a JSON string");
            return;
        }

        if (stats is null)
        {
            if (add["deletionVector"] is JsonObject)
            {
                Fail(where, "stats.num-records-with-dv", "a file with a deletion vector needs stats with numRecords");
            }

            if (Strict)
            {
                Fail(where, "own.add-has-stats", $"add '{add["path"]}' has no stats");
            }

            return;
        }

        ValidateStats(where, add, stats.GetValue<string>(), state);
    }

    private void ValidateRemove(string where, JsonObject remove, TableState state)
    {
        ValidatePath(where, "remove", remove);
        if (!JsonFacts.IsBool(remove["dataChange"]))
        {
            Fail(where, "remove.fields", $"remove '{remove["path"]}' needs a boolean dataChange");
        }

        if (remove["deletionTimestamp"] is { } deleted && !JsonFacts.IsInteger(deleted))
        {
            Fail(where, "remove.fields", "deletionTimestamp is not an integer");
        }

        if (Strict && remove["deletionTimestamp"] is null)
        {
            Fail(where, "own.remove-has-deletion-timestamp", $"remove '{remove["path"]}' has no deletionTimestamp");
        }

        if (remove["size"] is { } size && !JsonFacts.IsInteger(size))
        {
            Fail(where, "remove.fields", "remove.size is not an integer");
        }

        if (JsonFacts.Bool(remove["extendedFileMetadata"]) == true && (remove["partitionValues"] is not JsonObject || remove["size"] is null))
        {
            Fail(where, "remove.extended-file-metadata", "extendedFileMetadata=true needs partitionValues and size");
        }

        if (remove["partitionValues"] is JsonObject)
        {
            ValidatePartitionValues(where, "remove", remove, state, required: false);
        }

        if (remove["stats"] is { } stats && (!JsonFacts.IsString(stats) || ParseJson(stats.GetValue<string>()) is not JsonObject))
        {
            Fail(where, "remove.stats", "remove.stats is not a JSON object string");
        }

        if (Strict && !state.Live.ContainsKey(TableState.FileKey(remove)))
        {
            Fail(where, "own.remove-of-live-file", $"remove '{remove["path"]}' names no file of the previous version");
        }
    }

    /// <summary>
    /// dataChange=false only rearranges data: an added file is already live or its records come from
    /// files removed in the same commit (and a removed file's records go to files added in it).
    /// </summary>
    private void ValidateRearrangement(string where, List<JsonObject> adds, List<JsonObject> removes, TableState state)
    {
        var quietAdds = adds.Where(a => JsonFacts.Bool(a["dataChange"]) == false && !state.Live.ContainsKey(TableState.FileKey(a))).ToList();
        var quietRemoves = removes.Where(r => JsonFacts.Bool(r["dataChange"]) == false).ToList();
        if (quietAdds.Count > 0 && removes.Count == 0)
        {
            Fail(where, "add.data-change-false", "files added with dataChange=false are new, and no file is removed in the same commit");
        }

        if (quietRemoves.Count > 0 && adds.Count == 0)
        {
            Fail(where, "remove.data-change-false", "files removed with dataChange=false, and no file is added in the same commit");
        }

        if (Strict && (quietAdds.Count > 0 || quietRemoves.Count > 0))
        {
            var added = quietAdds.Sum(a => NumRecords(a) ?? 0);
            var removed = quietRemoves.Sum(r => NumRecords(state.Live.GetValueOrDefault(TableState.FileKey(r)) ?? r) ?? 0);
            if (added != removed)
            {
                Fail(where, "own.rearrangement-keeps-records", Invariant($"dataChange=false adds hold {added} records but the removed files held {removed}"));
            }
        }
    }

    private static long? NumRecords(JsonObject action) =>
        JsonFacts.Text(action["stats"]) is { } text && ParseJson(text) is JsonObject stats ? JsonFacts.Long(stats["numRecords"]) : null;

    /// <summary>Every partition column has a value (string or null) in the serialization format of its type.</summary>
    private void ValidatePartitionValues(string where, string kind, JsonObject action, TableState state, bool required)
    {
        if (action["partitionValues"] is not JsonObject values || !JsonFacts.IsStringMap(values, allowNull: true))
        {
            if (required)
            {
                Fail(where, $"{kind}.partition-values", $"{kind} '{action["path"]}' needs partitionValues, a map of strings");
            }

            return;
        }

        if (state.Schema is null)
        {
            return;
        }

        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in state.PartitionColumns)
        {
            if (state.Schema.Find(column) is not { } field)
            {
                continue;
            }

            var key = state.PhysicalName(field);
            expected.Add(key);
            if (!values.ContainsKey(key))
            {
                Fail(where, $"{kind}.partition-values", $"{kind} '{action["path"]}' has no value for partition column '{key}'");
            }
            else if (JsonFacts.Text(values[key]) is { Length: > 0 } text && !PartitionValueFits(text, field.Type))
            {
                Fail(where, $"{kind}.partition-value-format", $"partition value '{text}' of '{key}' is not serialized as {field.Type.SimpleString}");
            }
        }

        if (Strict && values.Select(kv => kv.Key).FirstOrDefault(k => !expected.Contains(k)) is { } extra)
        {
            Fail(where, "own.partition-values-exact", $"{kind} '{action["path"]}' has a value for '{extra}', which is not a partition column");
        }
    }

    private static bool PartitionValueFits(string text, DeltaType type) => type switch
    {
        PrimitiveType { Name: "byte" or "short" or "integer" or "long" } => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        PrimitiveType { Name: "float" or "double" } => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || text is "NaN" or "Infinity" or "-Infinity",
        DecimalType => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
        PrimitiveType { Name: "boolean" } => text is "true" or "false",
        PrimitiveType { Name: "date" } => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        PrimitiveType { Name: "timestamp" } => PartitionTimestamp().IsMatch(text) || IsoInstant().IsMatch(text),
        PrimitiveType { Name: "timestamp_ntz" } => PartitionTimestamp().IsMatch(text),
        _ => true,
    };

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?$")]
    private static partial Regex PartitionTimestamp();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoInstant();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?$")]
    private static partial Regex IsoLocal();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Nyc311.Lake.Schema;

namespace Nyc311.Lake.Tests.Conformance;

/// <summary>
/// Reads <c>metaData.schemaString</c> by the protocol's "Schema Serialization Format" on its own,
/// not through the layer's parser, and reports every deviation (missing keys, unknown types,
/// duplicate names regardless of case).
/// </summary>
internal static partial class SchemaShape
{
    private static readonly HashSet<string> Primitives = new(StringComparer.Ordinal)
    {
        "string", "long", "integer", "short", "byte", "float", "double", "boolean", "binary", "date", "timestamp", "timestamp_ntz", "void", "variant",
    };

    /// <summary>The schema, or null when it is unusable; problems are added to <paramref name="problems"/>.</summary>
    public static StructType? Parse(string schemaString, List<string> problems)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(schemaString);
        }
        catch (JsonException e)
        {
            problems.Add($"schemaString is not JSON: {e.Message}");
            return null;
        }

        if (node is not JsonObject obj || Text(obj["type"]) != "struct")
        {
            problems.Add("schemaString is not a struct type");
            return null;
        }

        return ParseStruct(obj, "", problems);
    }

    private static StructType? ParseStruct(JsonObject obj, string path, List<string> problems)
    {
        if (obj["fields"] is not JsonArray fields)
        {
            problems.Add($"struct {Describe(path)} has no 'fields' array");
            return null;
        }

        var parsed = new List<StructField>();
        var ok = true;
        foreach (var item in fields)
        {
            if (item is not JsonObject field || Text(field["name"]) is not { } name)
            {
                problems.Add($"a field of {Describe(path)} has no name");
                ok = false;
                continue;
            }

            var fieldPath = path.Length == 0 ? name : $"{path}.{name}";
            if (field["nullable"] is not JsonValue nullable || !nullable.TryGetValue<bool>(out var isNullable))
            {
                problems.Add($"field '{fieldPath}' has no boolean 'nullable'");
                isNullable = true;
            }

            if (field["metadata"] is not JsonObject)
            {
                problems.Add($"field '{fieldPath}' has no 'metadata' object");
            }

            var type = ParseType(field["type"], fieldPath, problems);
            if (type is null)
            {
                ok = false;
                continue;
            }

            parsed.Add(new StructField(name, type, isNullable) { Metadata = field["metadata"] as JsonObject });
        }

        var duplicate = parsed.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            problems.Add($"column name '{duplicate.Key}' appears more than once in {Describe(path)} (names are unique regardless of case)");
            return null;
        }

        return ok ? new StructType(parsed) : null;
    }

    private static DeltaType? ParseType(JsonNode? node, string path, List<string> problems)
    {
        if (node is JsonValue value && value.TryGetValue<string>(out var name))
        {
            if (Primitives.Contains(name))
            {
                return new PrimitiveType(name);
            }

            var match = DecimalPattern().Match(name);
            if (match.Success)
            {
                var precision = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                var scale = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
                if (precision is >= 1 and <= 38 && scale <= precision)
                {
                    return new DecimalType(precision, scale);
                }
            }

            problems.Add($"field '{path}' has unknown type '{name}'");
            return null;
        }

        if (node is not JsonObject obj)
        {
            problems.Add($"field '{path}' has no type");
            return null;
        }

        switch (Text(obj["type"]))
        {
            case "struct":
                return ParseStruct(obj, path, problems);
            case "array":
                if (obj["containsNull"] is not JsonValue containsNull || !containsNull.TryGetValue<bool>(out var elementsNullable))
                {
                    problems.Add($"array '{path}' has no boolean 'containsNull'");
                    elementsNullable = true;
                }

                var element = ParseType(obj["elementType"], path + "[]", problems);
                return element is null ? null : new ArrayType(element, elementsNullable);
            case "map":
                if (obj["valueContainsNull"] is not JsonValue valueNull || !valueNull.TryGetValue<bool>(out var valuesNullable))
                {
                    problems.Add($"map '{path}' has no boolean 'valueContainsNull'");
                    valuesNullable = true;
                }

                var key = ParseType(obj["keyType"], path + ".key", problems);
                var mapValue = ParseType(obj["valueType"], path + ".value", problems);
                return key is null || mapValue is null ? null : new MapType(key, mapValue, valuesNullable);
            default:
                problems.Add($"field '{path}' has unknown complex type {obj.ToJsonString()}");
                return null;
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static string Describe(string path) => path.Length == 0 ? "the schema" : $"'{path}'";

    [GeneratedRegex(@"^decimal\((\d+),\s*(\d+)\)$")]
    private static partial Regex DecimalPattern();
}

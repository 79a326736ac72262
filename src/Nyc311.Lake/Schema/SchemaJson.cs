using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Nyc311.Lake.Schema;

/// <summary>Reads and writes Delta's schema serialization (a subset of Spark's JSON schema format).</summary>
public static partial class SchemaJson
{
    /// <summary>The schema as the single-line JSON stored in <c>metaData.schemaString</c>.</summary>
    public static string Serialize(StructType schema) => ToNode(schema).ToJsonString();

    /// <summary>Parses <c>metaData.schemaString</c>.</summary>
    public static StructType Parse(string schemaString)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(schemaString);
        }
        catch (JsonException e)
        {
            throw new LakeException($"schemaString is not valid JSON: {e.Message}", e);
        }

        return ParseType(node) as StructType ?? throw new LakeException("schemaString is not a struct type");
    }

    private static JsonNode ToNode(DeltaType type) => type switch
    {
        StructType s => new JsonObject
        {
            ["type"] = "struct",
            ["fields"] = new JsonArray([.. s.Fields.Select(f => (JsonNode)new JsonObject
            {
                ["name"] = f.Name,
                ["type"] = ToNode(f.Type),
                ["nullable"] = f.Nullable,
                ["metadata"] = f.Metadata?.DeepClone() ?? new JsonObject(),
            })]),
        },
        ArrayType a => new JsonObject
        {
            ["type"] = "array",
            ["elementType"] = ToNode(a.ElementType),
            ["containsNull"] = a.ContainsNull,
        },
        MapType m => new JsonObject
        {
            ["type"] = "map",
            ["keyType"] = ToNode(m.KeyType),
            ["valueType"] = ToNode(m.ValueType),
            ["valueContainsNull"] = m.ValueContainsNull,
        },
        _ => JsonValue.Create(type.SimpleString),
    };

    private static DeltaType ParseType(JsonNode? node)
    {
        switch (node)
        {
            case JsonValue value when value.TryGetValue<string>(out var name):
                return ParsePrimitive(name);
            case JsonObject obj:
                var kind = obj["type"]?.GetValue<string>();
                return kind switch
                {
                    "struct" => new StructType((obj["fields"] as JsonArray ?? []).Select(ParseField)),
                    "array" => new ArrayType(ParseType(obj["elementType"]), obj["containsNull"]?.GetValue<bool>() ?? true),
                    "map" => new MapType(ParseType(obj["keyType"]), ParseType(obj["valueType"]), obj["valueContainsNull"]?.GetValue<bool>() ?? true),
                    _ => throw new LakeException($"unknown schema type '{kind}'"),
                };
            default:
                throw new LakeException($"unexpected schema node {node?.ToJsonString() ?? "null"}");
        }
    }

    private static StructField ParseField(JsonNode? node)
    {
        if (node is not JsonObject obj || obj["name"] is null)
        {
            throw new LakeException($"schema field without a name: {node?.ToJsonString() ?? "null"}");
        }

        return new StructField(obj["name"]!.GetValue<string>(), ParseType(obj["type"]), obj["nullable"]?.GetValue<bool>() ?? true)
        {
            Metadata = obj["metadata"] is JsonObject m && m.Count > 0 ? (JsonObject)m.DeepClone() : null,
        };
    }

    private static DeltaType ParsePrimitive(string name)
    {
        var match = DecimalPattern().Match(name);
        if (match.Success)
        {
            return new DecimalType(
                int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
                int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
        }

        if (name == "decimal")
        {
            return new DecimalType(10, 0);
        }

        return PrimitiveType.IsKnown(name) ? new PrimitiveType(name) : throw new LakeException($"unknown Delta type '{name}'");
    }

    [GeneratedRegex(@"^decimal\(\s*(\d+)\s*,\s*(\d+)\s*\)$")]
    private static partial Regex DecimalPattern();
}

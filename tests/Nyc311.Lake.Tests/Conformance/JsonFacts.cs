using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nyc311.Lake.Tests.Conformance;

/// <summary>Typed reads of JSON nodes that tell "absent" from "present with the wrong type".</summary>
internal static class JsonFacts
{
    public static bool IsString(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String;

    public static bool IsBool(JsonNode? node) => node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False;

    public static bool IsNumber(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number;

    public static bool IsInteger(JsonNode? node) => IsNumber(node) && ((JsonValue)node!).TryGetValue<long>(out _);

    public static string? Text(JsonNode? node) => IsString(node) ? node!.GetValue<string>() : null;

    public static long? Long(JsonNode? node) => IsInteger(node) ? node!.GetValue<long>() : null;

    public static bool? Bool(JsonNode? node) => IsBool(node) ? node!.GetValue<bool>() : null;

    public static IEnumerable<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(Text).OfType<string>() : [];

    /// <summary>True for an object whose values are all strings (or null when <paramref name="allowNull"/>).</summary>
    public static bool IsStringMap(JsonNode? node, bool allowNull) =>
        node is JsonObject obj && obj.All(kv => IsString(kv.Value) || (allowNull && kv.Value is null));
}

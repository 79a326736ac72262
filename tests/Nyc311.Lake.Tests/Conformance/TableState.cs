using System.Text.Json.Nodes;
using Nyc311.Lake.Schema;

namespace Nyc311.Lake.Tests.Conformance;

/// <summary>The validator's own replay of a log (independent of the layer's snapshot code).</summary>
internal sealed class TableState
{
    public long Version { get; set; } = -1;

    public JsonObject? Protocol { get; set; }

    public JsonObject? Metadata { get; set; }

    public StructType? Schema { get; set; }

    public List<string> PartitionColumns { get; set; } = [];

    public Dictionary<string, string> Configuration { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Live add actions by logical file key (decoded path and deletion vector id).</summary>
    public Dictionary<string, JsonObject> Live { get; } = new(StringComparer.Ordinal);

    /// <summary>Remove actions by logical file key.</summary>
    public Dictionary<string, JsonObject> Tombstones { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> Transactions { get; } = new(StringComparer.Ordinal);

    public long? LastInCommitTimestamp { get; set; }

    public int ReaderVersion => (int)(JsonFacts.Long(Protocol?["minReaderVersion"]) ?? 0);

    public int WriterVersion => (int)(JsonFacts.Long(Protocol?["minWriterVersion"]) ?? 0);

    public IReadOnlySet<string> ReaderFeatures => JsonFacts.Strings(Protocol?["readerFeatures"]).ToHashSet(StringComparer.Ordinal);

    public IReadOnlySet<string> WriterFeatures => JsonFacts.Strings(Protocol?["writerFeatures"]).ToHashSet(StringComparer.Ordinal);

    public bool InCommitTimestampsActive =>
        WriterFeatures.Contains("inCommitTimestamp") && Property("delta.enableInCommitTimestamps") == "true";

    /// <summary>"none", "name" or "id".</summary>
    public string ColumnMappingMode => Property("delta.columnMapping.mode") ?? "none";

    public string? Property(string key) => Configuration.TryGetValue(key, out var value) ? value.ToLowerInvariant() : null;

    /// <summary>The name a column has in data files, partition values and stats (its physical name under column mapping).</summary>
    public string PhysicalName(StructField field) =>
        ColumnMappingMode != "none" && field.Metadata?["delta.columnMapping.physicalName"] is JsonValue v && v.TryGetValue<string>(out var physical)
            ? physical
            : field.Name;

    public bool IsPartitionColumn(StructField field) => PartitionColumns.Contains(field.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The key of a logical file: its decoded path and the unique id of its deletion vector, if any.</summary>
    public static string FileKey(JsonObject action)
    {
        var path = Uri.UnescapeDataString(JsonFacts.Text(action["path"]) ?? "");
        if (action["deletionVector"] is not JsonObject dv)
        {
            return path;
        }

        var id = $"{JsonFacts.Text(dv["storageType"])}{JsonFacts.Text(dv["pathOrInlineDv"])}";
        return JsonFacts.Long(dv["offset"]) is { } offset ? $"{path}#{id}@{offset}" : $"{path}#{id}";
    }
}

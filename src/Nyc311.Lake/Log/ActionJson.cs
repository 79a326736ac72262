using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nyc311.Lake.Log;

/// <summary>Reads and writes actions as the single-line JSON objects of Delta commit files.</summary>
internal static class ActionJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false, SkipValidation = false };

    /// <summary>Parses one line of a commit file (or a checkpoint row converted to JSON).</summary>
    public static DeltaAction Parse(JsonObject line)
    {
        foreach (var (kind, value) in line)
        {
            if (value is null)
            {
                continue;
            }

            return kind switch
            {
                "add" => ParseAdd(Obj(value, kind)),
                "remove" => ParseRemove(Obj(value, kind)),
                "metaData" => ParseMetadata(Obj(value, kind)),
                "protocol" => ParseProtocol(Obj(value, kind)),
                "txn" => new SetTransaction(Str(value, "appId")!, Long(value, "version") ?? 0, Long(value, "lastUpdated")),
                "domainMetadata" => new DomainMetadata(Str(value, "domain")!, Str(value, "configuration") ?? "", Bool(value, "removed") ?? false),
                "commitInfo" => new CommitInfo((JsonObject)Obj(value, kind).DeepClone()),
                "checkpointMetadata" or "sidecar" => new CheckpointOnlyAction(kind),
                _ => new UnknownAction(kind),
            };
        }

        throw new JsonException("line holds no action");
    }

    /// <summary>Writes actions as newline-delimited JSON, one action per line.</summary>
    public static byte[] Serialize(IEnumerable<DeltaAction> actions)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        foreach (var action in actions)
        {
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                Write(writer, action);
            }

            buffer.Write("\n"u8);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>One action as a single-line JSON string.</summary>
    public static string ToJson(DeltaAction action) => Encoding.UTF8.GetString(Serialize([action])).TrimEnd('\n');

    private static void Write(Utf8JsonWriter w, DeltaAction action)
    {
        w.WriteStartObject();
        switch (action)
        {
            case CommitInfo info:
                w.WritePropertyName("commitInfo");
                info.Raw.WriteTo(w);
                break;
            case Protocol p:
                w.WriteStartObject("protocol");
                w.WriteNumber("minReaderVersion", p.MinReaderVersion);
                w.WriteNumber("minWriterVersion", p.MinWriterVersion);
                if (p.ReaderFeatures is not null)
                {
                    WriteStrings(w, "readerFeatures", p.ReaderFeatures);
                }

                if (p.WriterFeatures is not null)
                {
                    WriteStrings(w, "writerFeatures", p.WriterFeatures);
                }

                w.WriteEndObject();
                break;
            case Metadata m:
                w.WriteStartObject("metaData");
                w.WriteString("id", m.Id);
                if (m.Name is not null)
                {
                    w.WriteString("name", m.Name);
                }

                if (m.Description is not null)
                {
                    w.WriteString("description", m.Description);
                }

                w.WriteStartObject("format");
                w.WriteString("provider", m.FormatProvider);
                WriteMap(w, "options", m.FormatOptions.ToDictionary(kv => kv.Key, kv => (string?)kv.Value));
                w.WriteEndObject();
                w.WriteString("schemaString", m.SchemaString);
                WriteStrings(w, "partitionColumns", m.PartitionColumns);
                WriteMap(w, "configuration", m.Configuration.ToDictionary(kv => kv.Key, kv => (string?)kv.Value));
                if (m.CreatedTime is { } created)
                {
                    w.WriteNumber("createdTime", created);
                }

                w.WriteEndObject();
                break;
            case AddFile a:
                w.WriteStartObject("add");
                w.WriteString("path", a.Path);
                WriteMap(w, "partitionValues", a.PartitionValues);
                w.WriteNumber("size", a.Size);
                w.WriteNumber("modificationTime", a.ModificationTime);
                w.WriteBoolean("dataChange", a.DataChange);
                if (a.Stats is not null)
                {
                    w.WriteString("stats", a.Stats);
                }

                if (a.Tags is not null)
                {
                    WriteMap(w, "tags", a.Tags);
                }

                w.WriteEndObject();
                break;
            case RemoveFile r:
                w.WriteStartObject("remove");
                w.WriteString("path", r.Path);
                if (r.DeletionTimestamp is { } ts)
                {
                    w.WriteNumber("deletionTimestamp", ts);
                }

                w.WriteBoolean("dataChange", r.DataChange);
                if (r.ExtendedFileMetadata is { } extended)
                {
                    w.WriteBoolean("extendedFileMetadata", extended);
                }

                if (r.PartitionValues is not null)
                {
                    WriteMap(w, "partitionValues", r.PartitionValues);
                }

                if (r.Size is { } size)
                {
                    w.WriteNumber("size", size);
                }

                if (r.Stats is not null)
                {
                    w.WriteString("stats", r.Stats);
                }

                w.WriteEndObject();
                break;
            case SetTransaction t:
                w.WriteStartObject("txn");
                w.WriteString("appId", t.AppId);
                w.WriteNumber("version", t.Version);
                if (t.LastUpdated is { } updated)
                {
                    w.WriteNumber("lastUpdated", updated);
                }

                w.WriteEndObject();
                break;
            case DomainMetadata d:
                w.WriteStartObject("domainMetadata");
                w.WriteString("domain", d.Domain);
                w.WriteString("configuration", d.Configuration);
                w.WriteBoolean("removed", d.Removed);
                w.WriteEndObject();
                break;
            default:
                throw new LakeException($"cannot write action {action.GetType().Name}");
        }

        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static void WriteMap(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, string?> map)
    {
        w.WriteStartObject(name);
        foreach (var (key, value) in map)
        {
            if (value is null)
            {
                w.WriteNull(key);
            }
            else
            {
                w.WriteString(key, value);
            }
        }

        w.WriteEndObject();
    }

    private static AddFile ParseAdd(JsonObject o) =>
        new(Required(o, "path", "add"), Map(o["partitionValues"]), Long(o, "size") ?? 0, Long(o, "modificationTime") ?? 0, Bool(o, "dataChange") ?? true, StatsText(o))
        {
            Tags = o["tags"] is JsonObject ? Map(o["tags"]) : null,
            DeletionVector = o["deletionVector"] as JsonObject,
            BaseRowId = Long(o, "baseRowId"),
            DefaultRowCommitVersion = Long(o, "defaultRowCommitVersion"),
            ClusteringProvider = Str(o, "clusteringProvider"),
        };

    private static RemoveFile ParseRemove(JsonObject o) =>
        new(Required(o, "path", "remove"), Long(o, "deletionTimestamp"), Bool(o, "dataChange") ?? true)
        {
            ExtendedFileMetadata = Bool(o, "extendedFileMetadata"),
            PartitionValues = o["partitionValues"] is JsonObject ? Map(o["partitionValues"]) : null,
            Size = Long(o, "size"),
            Stats = StatsText(o),
            DeletionVector = o["deletionVector"] as JsonObject,
        };

    private static Metadata ParseMetadata(JsonObject o)
    {
        var format = o["format"] as JsonObject;
        return new Metadata(
            Required(o, "id", "metaData"),
            Required(o, "schemaString", "metaData"),
            (o["partitionColumns"] as JsonArray ?? []).Select(n => n!.GetValue<string>()).ToList(),
            Map(o["configuration"]).ToDictionary(kv => kv.Key, kv => kv.Value ?? ""),
            Long(o, "createdTime"))
        {
            Name = Str(o, "name"),
            Description = Str(o, "description"),
            FormatProvider = format is null ? "parquet" : Str(format, "provider") ?? "parquet",
            FormatOptions = Map(format?["options"]).ToDictionary(kv => kv.Key, kv => kv.Value ?? ""),
        };
    }

    private static Protocol ParseProtocol(JsonObject o) =>
        new(
            (int)(Long(o, "minReaderVersion") ?? Long(o, "readerVersion") ?? 1),
            (int)(Long(o, "minWriterVersion") ?? Long(o, "writerVersion") ?? 2),
            (o["readerFeatures"] as JsonArray)?.Select(n => n!.GetValue<string>()).ToList(),
            (o["writerFeatures"] as JsonArray)?.Select(n => n!.GetValue<string>()).ToList());

    // Checkpoints written with writeStatsAsStruct carry stats_parsed instead of the JSON text.
    private static string? StatsText(JsonObject o) =>
        Str(o, "stats") ?? (o["stats_parsed"] is JsonObject parsed ? parsed.ToJsonString() : null);

    private static JsonObject Obj(JsonNode node, string kind) =>
        node as JsonObject ?? throw new JsonException($"'{kind}' is not an object");

    private static string Required(JsonObject o, string name, string kind) =>
        Str(o, name) ?? throw new JsonException($"'{kind}' has no '{name}'");

    private static string? Str(JsonNode o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static long? Long(JsonNode o, string name) => o[name] switch
    {
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<double>(out var d) => (long)d,
        JsonValue v when v.TryGetValue<string>(out var s) && long.TryParse(s, out var p) => p,
        _ => null,
    };

    private static bool? Bool(JsonNode o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    private static Dictionary<string, string?> Map(JsonNode? node)
    {
        var map = new Dictionary<string, string?>(StringComparer.Ordinal);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    map[key] = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString();
                }

                break;

            // DuckDB renders some MAP values as lists of {key, value} structs.
            case JsonArray array:
                foreach (var entry in array.OfType<JsonObject>())
                {
                    var key = Str(entry, "key");
                    if (key is not null)
                    {
                        map[key] = Str(entry, "value");
                    }
                }

                break;
        }

        return map;
    }
}

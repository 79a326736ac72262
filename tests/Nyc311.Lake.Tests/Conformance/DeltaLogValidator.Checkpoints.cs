using System.Text.Json.Nodes;
using Nyc311.Lake.Schema;
using Nyc311.Lake.Sql;

namespace Nyc311.Lake.Tests.Conformance;

internal sealed partial class DeltaLogValidator
{
    // The "Checkpoint Schema" appendix: per action column, its fields (dotted for nested), Delta type and whether required.
    private static readonly (string Column, (string Field, string Type, bool Required)[] Fields)[] CheckpointSchema =
    [
        ("protocol", [("minReaderVersion", "integer", true), ("minWriterVersion", "integer", true), ("readerFeatures", "array<string>", false), ("writerFeatures", "array<string>", false)]),
        ("metaData",
        [
            ("id", "string", true), ("name", "string", false), ("description", "string", false), ("format", "", true), ("format.provider", "string", true),
            ("format.options", "map<string,string>", false), ("schemaString", "string", true), ("partitionColumns", "array<string>", true),
            ("createdTime", "long", false), ("configuration", "map<string,string>", true),
        ]),
        ("txn", [("appId", "string", true), ("version", "long", true), ("lastUpdated", "long", false)]),
        ("add",
        [
            ("path", "string", true), ("partitionValues", "map<string,string>", true), ("size", "long", true), ("modificationTime", "long", true),
            ("dataChange", "boolean", true), ("stats", "string", false), ("tags", "map<string,string>", false), ("baseRowId", "long", false),
            ("defaultRowCommitVersion", "long", false), ("clusteringProvider", "string", false),
        ]),
        ("remove",
        [
            ("path", "string", true), ("deletionTimestamp", "long", true), ("dataChange", "boolean", true), ("extendedFileMetadata", "boolean", false),
            ("partitionValues", "map<string,string>", false), ("size", "long", false),
        ]),
        ("domainMetadata", [("domain", "string", true), ("configuration", "string", true), ("removed", "boolean", true)]),
    ];

    private readonly Dictionary<long, (int Actions, int Adds)> _checkpointCounts = [];

    /// <summary>The table state a checkpoint holds, to replay the commits after it.</summary>
    private TableState SeedFromCheckpoint(long version, List<string> parts)
    {
        var state = new TableState { Version = version };
        foreach (var (column, action) in ReadCheckpoint(version, parts))
        {
            switch (column)
            {
                case "protocol":
                    state.Protocol = action;
                    break;
                case "metaData":
                    ValidateMetadataAction(CheckpointName(version), action, state);
                    break;
                case "txn":
                    state.Transactions[JsonFacts.Text(action["appId"]) ?? ""] = JsonFacts.Long(action["version"]) ?? -1;
                    break;
                case "add":
                    state.Live[TableState.FileKey(action)] = action;
                    break;
                case "remove":
                    state.Tombstones[TableState.FileKey(action)] = action;
                    break;
            }
        }

        return state;
    }

    /// <summary>A checkpoint's schema per the appendix, one action per row, and the same state as the replayed commits.</summary>
    private void ValidateCheckpoint(long version, List<string> parts, TableState state)
    {
        var where = CheckpointName(version);
        var actions = ReadCheckpoint(version, parts);
        var byColumn = actions.ToLookup(a => a.Column, a => a.Action);
        if (byColumn["protocol"].Count() != 1 || byColumn["metaData"].Count() != 1)
        {
            Fail(where, "checkpoint.single-protocol-and-metadata", $"a checkpoint holds exactly one protocol and one metaData, not {byColumn["protocol"].Count()} and {byColumn["metaData"].Count()}");
        }

        foreach (var protocol in byColumn["protocol"])
        {
            if (JsonFacts.Long(protocol["minReaderVersion"]) < 3 && protocol["readerFeatures"] is not null)
            {
                Fail(where, "checkpoint.reader-features-null", "readerFeatures must be null below reader version 3");
            }

            if (JsonFacts.Long(protocol["minWriterVersion"]) < 7 && protocol["writerFeatures"] is not null)
            {
                Fail(where, "checkpoint.writer-features-null", "writerFeatures must be null below writer version 7");
            }
        }

        var adds = byColumn["add"].ToDictionary(TableState.FileKey, a => a, StringComparer.Ordinal);
        var missing = state.Live.Keys.Where(k => !adds.ContainsKey(k)).ToList();
        var extra = adds.Keys.Where(k => !state.Live.ContainsKey(k)).ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            Fail(where, "checkpoint.live-files", $"the checkpoint's adds differ from the replayed version: missing [{string.Join(", ", missing)}], extra [{string.Join(", ", extra)}]");
        }

        foreach (var (key, add) in adds)
        {
            if (state.Live.TryGetValue(key, out var live) && (JsonFacts.Long(add["size"]) != JsonFacts.Long(live["size"]) || !SamePartitionValues(add, live)))
            {
                Fail(where, "checkpoint.add-fields", $"add '{key}' differs from the replayed add in size or partition values");
            }
        }

        foreach (var remove in byColumn["remove"].Where(r => !state.Tombstones.ContainsKey(TableState.FileKey(r)) || adds.ContainsKey(TableState.FileKey(r))))
        {
            Fail(where, "checkpoint.tombstones", $"remove '{remove["path"]}' is not a tombstone of the replayed version");
        }

        if (byColumn["metaData"].FirstOrDefault() is { } metadata && state.Metadata is not null &&
            (JsonFacts.Text(metadata["id"]) != JsonFacts.Text(state.Metadata["id"]) || JsonFacts.Text(metadata["schemaString"]) != JsonFacts.Text(state.Metadata["schemaString"])))
        {
            Fail(where, "checkpoint.metadata", "the checkpoint's metaData is not the replayed one");
        }

        if (byColumn["protocol"].FirstOrDefault() is { } checkpointProtocol && state.Protocol is not null &&
            (JsonFacts.Long(checkpointProtocol["minReaderVersion"]) != state.ReaderVersion || JsonFacts.Long(checkpointProtocol["minWriterVersion"]) != state.WriterVersion))
        {
            Fail(where, "checkpoint.protocol", "the checkpoint's protocol is not the replayed one");
        }

        var txns = byColumn["txn"].ToDictionary(t => JsonFacts.Text(t["appId"]) ?? "", t => JsonFacts.Long(t["version"]) ?? -1, StringComparer.Ordinal);
        if (txns.Count != state.Transactions.Count || txns.Any(t => !state.Transactions.TryGetValue(t.Key, out var v) || v != t.Value))
        {
            Fail(where, "checkpoint.transactions", "the checkpoint's txn actions are not the replayed ones");
        }
    }

    /// <summary>Reads every action of a Parquet checkpoint as JSON, checking its schema and that each row holds one action.</summary>
    private List<(string Column, JsonObject Action)> ReadCheckpoint(long version, List<string> parts)
    {
        var where = CheckpointName(version);
        var source = $"read_parquet({SqlText.PathList(parts)}, union_by_name = true, hive_partitioning = false)";
        var columns = _db.Describe($"SELECT * FROM {source}").ToDictionary(c => c.Name, c => c.Type, StringComparer.Ordinal);
        ValidateCheckpointSchema(where, columns);
        var actionColumns = CheckpointSchema.Select(c => c.Column).Concat(["checkpointMetadata", "sidecar"]).Where(columns.ContainsKey).ToList();
        var select = string.Join(", ", actionColumns.Select(c => $"to_json({SqlText.Identifier(c)})::VARCHAR"));
        var rows = _db.Query($"SELECT {select} FROM {source}", r => Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? null : r.GetString(i)).ToArray());
        var actions = new List<(string, JsonObject)>();
        var rowNumber = 0;
        foreach (var row in rows)
        {
            rowNumber++;
            var present = row.Select((json, i) => (json, i)).Where(x => x.json is not null && x.json != "null").ToList();
            if (present.Count != 1)
            {
                Fail(where, "checkpoint.one-action-per-row", $"row {rowNumber} holds {present.Count} actions");
            }

            foreach (var (json, i) in present)
            {
                if (ParseJson(json!) is JsonObject action)
                {
                    actions.Add((actionColumns[i], action));
                }
            }
        }

        _checkpointCounts[version] = (actions.Count, actions.Count(a => a.Item1 == "add"));
        return actions;
    }

    private void ValidateCheckpointSchema(string where, Dictionary<string, string> columns)
    {
        foreach (var required in new[] { "protocol", "metaData" }.Concat(Strict ? ["add", "remove", "txn"] : Array.Empty<string>()))
        {
            if (!columns.ContainsKey(required))
            {
                Fail(where, required is "protocol" or "metaData" ? "checkpoint.schema" : "own.checkpoint-columns", $"the checkpoint has no '{required}' column");
            }
        }

        foreach (var (column, fields) in CheckpointSchema)
        {
            if (!columns.TryGetValue(column, out var duckType))
            {
                continue;
            }

            DeltaType type;
            try
            {
                type = DuckDbTypes.ToDelta(duckType);
            }
            catch (LakeException e)
            {
                Fail(where, "checkpoint.schema", $"column '{column}' has a type this validator cannot read ({duckType}): {e.Message}");
                continue;
            }

            if (type is not StructType structType)
            {
                Fail(where, "checkpoint.schema", $"column '{column}' is {duckType}, not a struct");
                continue;
            }

            foreach (var (field, expected, required) in fields)
            {
                var found = FindNested(structType, field);
                if (found is null)
                {
                    if (required)
                    {
                        Fail(where, "checkpoint.schema", $"'{column}.{field}' is missing");
                    }
                }
                else if (expected.Length > 0 && found.SimpleString != expected)
                {
                    Fail(where, "checkpoint.schema", $"'{column}.{field}' is {found.SimpleString}, not {expected}");
                }
            }

            // The appendix leaves stats and tags out of checkpoint tombstones; Spark still writes tags, so only this layer is held to it.
            if (Strict && column == "remove" && (structType.Find("stats") is not null || structType.Find("tags") is not null))
            {
                Fail(where, "own.checkpoint-tombstones-lean", "checkpoint tombstones carry no stats or tags");
            }

            if (column == "add" && structType.Find("stats_parsed") is { Type: not StructType })
            {
                Fail(where, "checkpoint.schema", "'add.stats_parsed' is not a struct");
            }
        }
    }

    private static DeltaType? FindNested(StructType type, string dottedPath)
    {
        DeltaType? current = type;
        foreach (var name in dottedPath.Split('.'))
        {
            current = (current as StructType)?.Fields.FirstOrDefault(f => f.Name == name)?.Type;
        }

        return current;
    }

    private static bool SamePartitionValues(JsonObject a, JsonObject b)
    {
        var x = a["partitionValues"] as JsonObject ?? [];
        var y = b["partitionValues"] as JsonObject ?? [];
        return x.Count == y.Count && x.All(kv => y.ContainsKey(kv.Key) && JsonFacts.Text(y[kv.Key]) == JsonFacts.Text(kv.Value));
    }

    /// <summary><c>_last_checkpoint</c>: version and size, pointing at an existing checkpoint whose action count is <c>size</c>.</summary>
    private void ValidateLastCheckpoint(LogFiles log)
    {
        const string where = "_last_checkpoint";
        if (log.LastCheckpoint is null)
        {
            if (Strict && log.Checkpoints.Count > 0)
            {
                Fail(where, "own.last-checkpoint-written", "checkpoints exist but _last_checkpoint does not");
            }

            return;
        }

        if (ParseJson(File.ReadAllText(log.LastCheckpoint)) is not JsonObject last || JsonFacts.Long(last["version"]) is not { } version || JsonFacts.Long(last["size"]) is not { } size)
        {
            Fail(where, "last-checkpoint.fields", "_last_checkpoint needs an integer version and size");
            return;
        }

        if (log.UuidCheckpoints.Contains(version) && !log.Checkpoints.ContainsKey(version))
        {
            return;
        }

        if (!log.Checkpoints.TryGetValue(version, out var parts))
        {
            Fail(where, "last-checkpoint.points-to-checkpoint", Invariant($"no complete checkpoint exists for version {version}"));
            return;
        }

        if (Strict && version != log.Checkpoints.Keys.Max())
        {
            Fail(where, "own.last-checkpoint-newest", Invariant($"points at {version}, not the newest checkpoint {log.Checkpoints.Keys.Max()}"));
        }

        if (!_checkpointCounts.TryGetValue(version, out var counts))
        {
            ReadCheckpoint(version, parts);
            counts = _checkpointCounts[version];
        }

        if (size != counts.Actions)
        {
            Fail(where, "last-checkpoint.size", Invariant($"size is {size} but the checkpoint holds {counts.Actions} actions"));
        }

        if (last["parts"] is { } partCount ? JsonFacts.Long(partCount) != parts.Count : parts.Count > 1)
        {
            Fail(where, "last-checkpoint.parts", Invariant($"parts does not match the {parts.Count} checkpoint file(s)"));
        }

        if (JsonFacts.Long(last["sizeInBytes"]) is { } bytes && bytes != parts.Sum(p => new FileInfo(p).Length))
        {
            Fail(where, "last-checkpoint.size-in-bytes", Invariant($"sizeInBytes {bytes} is not the checkpoint's {parts.Sum(p => new FileInfo(p).Length)} bytes"));
        }

        if (JsonFacts.Long(last["numOfAddFiles"]) is { } addCount && addCount != counts.Adds)
        {
            Fail(where, "last-checkpoint.num-of-add-files", Invariant($"numOfAddFiles {addCount} but the checkpoint holds {counts.Adds} adds"));
        }
    }

    private static string CheckpointName(long version) => $"{version:D20}.checkpoint.parquet";
}

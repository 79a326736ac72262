using System.Text.Json.Nodes;
using Nyc311.Lake.Operations;
using Nyc311.Lake.Snapshot;
using Nyc311.Lake.Storage;

namespace Nyc311.Lake.Log;

/// <summary>Reads the provenance (commitInfo) of every commit still in the log, newest first.</summary>
internal static class HistoryReader
{
    public static List<HistoryEntry> Read(ITableStorage storage, int? limit)
    {
        var listing = LogListing.Read(storage);
        var entries = new List<HistoryEntry>();
        foreach (var (version, file) in listing.Commits.Reverse())
        {
            if (limit is { } max && entries.Count >= max)
            {
                break;
            }

            var info = SnapshotLoader.ReadCommit(storage, version).OfType<CommitInfo>().FirstOrDefault();
            var raw = info?.Raw ?? [];
            var timestamp = info?.InCommitTimestamp is { } ict ? DateTimeOffset.FromUnixTimeMilliseconds(ict) : file.LastModified;
            entries.Add(new HistoryEntry(
                version,
                timestamp,
                info?.Operation ?? "UNKNOWN",
                Strings(raw["operationParameters"]),
                Strings(raw["operationMetrics"]),
                raw["readVersion"] is JsonValue rv && rv.TryGetValue<long>(out var r) ? r : null,
                raw["isBlindAppend"] is JsonValue ba && ba.TryGetValue<bool>(out var b) ? b : null,
                raw["engineInfo"] is JsonValue ei && ei.TryGetValue<string>(out var e) ? e : null,
                raw["userMetadata"] is JsonValue um && um.TryGetValue<string>(out var u) ? u : null));
        }

        return entries;
    }

    private static Dictionary<string, string> Strings(JsonNode? node)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj)
            {
                if (value is not null)
                {
                    map[key] = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value.ToJsonString();
                }
            }
        }

        return map;
    }
}

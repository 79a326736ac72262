using System.Text.Json.Nodes;
using Nyc311.Lake.Sql;
using Nyc311.Lake.Storage;

namespace Nyc311.Lake.Log;

/// <summary>Reads the actions of a Parquet checkpoint (classic or multi-part) through DuckDB.</summary>
internal static class CheckpointReader
{
    private static readonly string[] ActionColumns = ["protocol", "metaData", "txn", "add", "remove", "domainMetadata", "checkpointMetadata", "sidecar"];

    // Checkpoints never change once written; parsing one costs a DuckDB instance, so keep the last few.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<DeltaAction>> s_cache = new(StringComparer.Ordinal);
    private const int CacheSize = 64;

    public static IReadOnlyList<DeltaAction> Read(ITableStorage storage, IReadOnlyList<StoredFile> parts, long version)
    {
        var key = string.Join('|', parts.Select(p => $"{storage.FullPath(p.RelativePath)}:{p.Size}:{p.LastModified.UtcTicks}"));
        if (s_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var actions = ReadUncached(storage, parts, version);
        if (s_cache.Count >= CacheSize)
        {
            s_cache.Clear();
        }

        s_cache[key] = actions;
        return actions;
    }

    private static List<DeltaAction> ReadUncached(ITableStorage storage, IReadOnlyList<StoredFile> parts, long version)
    {
        var files = SqlText.PathList(parts.Select(p => storage.FullPath(p.RelativePath)));
        using var db = LakeDuckDb.Open(threads: 1);
        var source = $"read_parquet({files}, union_by_name = true)";
        var present = db.Describe($"SELECT * FROM {source}").Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var columns = ActionColumns.Where(present.Contains).ToList();
        if (columns.Count == 0)
        {
            throw CorruptLogException.Invalid(storage.Root, version, "checkpoint has no action columns");
        }

        // Each row holds one action in one struct column; to_json turns it into the commit-file shape.
        var select = string.Join(", ", columns.Select(c => $"to_json({SqlText.Identifier(c)})"));
        var actions = new List<DeltaAction>();
        var rowNumber = 0;
        foreach (var row in db.Query($"SELECT {select} FROM {source}", r => ReadRow(r, columns.Count)))
        {
            rowNumber++;
            for (var i = 0; i < columns.Count; i++)
            {
                if (row[i] is null)
                {
                    continue;
                }

                try
                {
                    var node = JsonNode.Parse(row[i]!) as JsonObject;
                    if (node is not null)
                    {
                        actions.Add(ActionJson.Parse(new JsonObject { [columns[i]] = node }));
                    }
                }
                catch (System.Text.Json.JsonException e)
                {
                    throw CorruptLogException.BadLine(parts[0].RelativePath, version, rowNumber, e.Message, e);
                }
            }
        }

        return actions;
    }

    private static string?[] ReadRow(System.Data.Common.DbDataReader reader, int count)
    {
        var values = new string?[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = reader.IsDBNull(i) ? null : reader.GetString(i);
        }

        return values;
    }
}

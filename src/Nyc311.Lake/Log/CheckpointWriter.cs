using System.Text.Json.Nodes;
using Nyc311.Lake.Snapshot;
using Nyc311.Lake.Sql;
using Nyc311.Lake.Storage;

namespace Nyc311.Lake.Log;

/// <summary>
/// Writes a classic V1 Parquet checkpoint (<c>n.checkpoint.parquet</c>) and <c>_last_checkpoint</c>.
/// The actions go through DuckDB's JSON reader with the protocol's checkpoint schema, so the
/// Parquet columns are the structs and maps Spark expects.
/// </summary>
internal static class CheckpointWriter
{
    private const string ProtocolType = "STRUCT(minReaderVersion INTEGER, minWriterVersion INTEGER, readerFeatures VARCHAR[], writerFeatures VARCHAR[])";
    private const string MetadataType = "STRUCT(id VARCHAR, name VARCHAR, description VARCHAR, format STRUCT(provider VARCHAR, options MAP(VARCHAR, VARCHAR)), schemaString VARCHAR, partitionColumns VARCHAR[], configuration MAP(VARCHAR, VARCHAR), createdTime BIGINT)";
    private const string TxnType = "STRUCT(appId VARCHAR, version BIGINT, lastUpdated BIGINT)";
    private const string AddType = "STRUCT(path VARCHAR, partitionValues MAP(VARCHAR, VARCHAR), size BIGINT, modificationTime BIGINT, dataChange BOOLEAN, stats VARCHAR, tags MAP(VARCHAR, VARCHAR), baseRowId BIGINT, defaultRowCommitVersion BIGINT, clusteringProvider VARCHAR)";
    private const string RemoveType = "STRUCT(path VARCHAR, deletionTimestamp BIGINT, dataChange BOOLEAN, extendedFileMetadata BOOLEAN, partitionValues MAP(VARCHAR, VARCHAR), size BIGINT)";
    private const string DomainType = "STRUCT(domain VARCHAR, configuration VARCHAR, removed BOOLEAN)";

    /// <summary>Writes the checkpoint for <paramref name="snapshot"/>, keeping tombstones newer than <paramref name="tombstoneCutoff"/>.</summary>
    public static void Write(ITableStorage storage, TableSnapshot snapshot, DateTimeOffset tombstoneCutoff)
    {
        var cutoff = tombstoneCutoff.ToUnixTimeMilliseconds();
        var actions = new List<DeltaAction> { snapshot.Protocol, snapshot.Metadata };
        actions.AddRange(snapshot.Transactions);
        actions.AddRange(snapshot.Domains);
        actions.AddRange(snapshot.Files.Select(f => f with { DataChange = false }));

        // Checkpoint tombstones keep only what vacuum needs: no stats, no tags.
        actions.AddRange(snapshot.Tombstones
            .Where(t => (t.DeletionTimestamp ?? 0) > cutoff)
            .Select(t => t with { DataChange = false, Stats = null, Tags = null }));

        var folder = storage.FullPath(LogPaths.LogFolder);
        var json = Path.Combine(folder, $".checkpoint.{Guid.NewGuid():N}.json.tmp");
        var parquet = Path.Combine(folder, $".checkpoint.{Guid.NewGuid():N}.parquet.tmp");
        try
        {
            File.WriteAllBytes(json, ActionJson.Serialize(actions));
            using (var db = LakeDuckDb.Open(threads: 1))
            {
                var columns = $"{{protocol: '{ProtocolType}', metaData: '{MetadataType}', txn: '{TxnType}', add: '{AddType}', remove: '{RemoveType}', domainMetadata: '{DomainType}'}}";
                db.Execute($"""
                    COPY (SELECT protocol, metaData, txn, add, remove, domainMetadata
                          FROM read_json({SqlText.Literal(json)}, format = 'newline_delimited', columns = {columns}))
                    TO {SqlText.Literal(parquet)} (FORMAT parquet, COMPRESSION snappy)
                    """);
            }

            var bytes = File.ReadAllBytes(parquet);
            storage.Replace(LogPaths.Checkpoint(snapshot.Version), bytes);
            var last = new JsonObject
            {
                ["version"] = snapshot.Version,
                ["size"] = actions.Count,
                ["sizeInBytes"] = bytes.LongLength,
                ["numOfAddFiles"] = snapshot.Files.Count,
            };
            storage.Replace(LogPaths.LastCheckpoint, System.Text.Encoding.UTF8.GetBytes(last.ToJsonString()));
        }
        finally
        {
            File.Delete(json);
            File.Delete(parquet);
        }
    }
}

using System.Text.Json;
using DuckDB.NET.Data;
using Nyc311.Lake.Log;
using Nyc311.Lake.Snapshot;
using Nyc311.Lake.Stats;
using Nyc311.Lake.Transaction;

namespace Nyc311.Lake.Operations;

/// <summary>Append and overwrite (whole table, or the rows a predicate selects: Delta's replaceWhere).</summary>
internal static class WriteOperation
{
    public static WriteResult Run(DeltaTableCore core, DuckDBConnection db, string sourceSql, bool overwrite, Predicate? replaceWhere, WriteOptions options)
    {
        var snapshot = core.Load();
        var table = snapshot.TableRoot;
        var operation = "WRITE";
        ProtocolSupport.EnsureWritable(table, snapshot.Protocol, snapshot.Metadata);
        if (options.Transaction is { } txn && snapshot.TransactionVersion(txn.AppId) is { } done && done >= txn.Version)
        {
            // Delta's idempotent write: this application already committed this (or a later) version.
            return new WriteResult(snapshot.Version, 0, 0, 0, 0, 0) { AlreadyCommitted = true };
        }

        if (overwrite)
        {
            WriteSupport.EnsureNotAppendOnly(snapshot, operation);
        }

        var schema = WriteSupport.EvolveSchema(db, snapshot, sourceSql, options.MergeSchema);
        string projection;
        try
        {
            projection = DataWriter.Projection(db, sourceSql, schema);
        }
        catch (SchemaMismatchDetails e)
        {
            throw SchemaMismatchException.Create(table, e.Message);
        }

        WriteSupport.EnforceConstraints(db, snapshot, schema, projection, operation);
        if (replaceWhere is not null)
        {
            var outside = WriteSupport.CountRowsOf(db, projection, $"NOT COALESCE({PredicateSql.Render(replaceWhere, schema)}, FALSE)");
            if (outside > 0)
            {
                throw InvalidOperationLakeException.Create(table, "overwrite", $"{outside} row(s) of the new data do not match the replaceWhere predicate");
            }
        }

        var tx = new OptimisticTransaction(core, snapshot, operation);
        WriteSupport.ApplySchema(tx, snapshot, schema);
        var written = new DataWriter(core.Time).Write(db, table, projection, schema, snapshot.PartitionColumns, snapshot.Properties, core.Options.TargetFileSizeBytes);
        var removes = new List<RemoveFile>();
        var rewritten = new List<AddFile>();
        long deleted = 0;
        try
        {
            if (overwrite && replaceWhere is null)
            {
                tx.ReadWholeTable();
                var now = core.Time.GetUtcNow().ToUnixTimeMilliseconds();
                removes.AddRange(snapshot.Files.Select(f => f.ToRemove(now, dataChange: true)));
                deleted = snapshot.NumRecords ?? 0;
            }
            else if (overwrite)
            {
                var result = WriteSupport.DeleteMatching(core, db, snapshot, replaceWhere!, dataChange: true);
                var evaluator = new PredicateEvaluator(snapshot.Schema, snapshot.PartitionColumns);
                tx.ReadFiles(result.Touched, add => evaluator.Evaluate(replaceWhere!, add) != FileMatch.None);
                removes.AddRange(result.Removes);
                rewritten.AddRange(result.Rewritten.Adds);
                deleted = result.RowsDeleted;
            }

            if (options.Transaction is { } t)
            {
                tx.SetTransaction(t with { LastUpdated = t.LastUpdated ?? core.Time.GetUtcNow().ToUnixTimeMilliseconds() });
            }

            tx.Remove(removes);
            tx.Add(written.Adds.Concat(rewritten));
            var parameters = WriteSupport.Parameters(
                ("mode", overwrite ? "Overwrite" : "Append"),
                ("partitionBy", JsonSerializer.Serialize(snapshot.PartitionColumns)),
                ("predicate", replaceWhere is null ? null : JsonSerializer.Serialize(new[] { PredicateSql.Render(replaceWhere, schema) })),
                ("userMetadata", options.UserMetadata));
            var metrics = new Dictionary<string, long>
            {
                ["numFiles"] = written.Adds.Count + rewritten.Count,
                ["numOutputRows"] = written.Rows,
                ["numOutputBytes"] = written.Bytes,
            };
            if (overwrite)
            {
                metrics["numRemovedFiles"] = removes.Count;
                metrics["numDeletedRows"] = deleted;
            }

            var commit = tx.Commit(parameters, metrics);
            return new WriteResult(commit.Version, written.Adds.Count + rewritten.Count, removes.Count, written.Rows, deleted, written.Bytes);
        }
        catch
        {
            WriteSupport.DeleteUncommitted(table, written.Adds.Concat(rewritten));
            throw;
        }
    }
}

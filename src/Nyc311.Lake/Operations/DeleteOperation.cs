using System.Text.Json;
using DuckDB.NET.Data;
using Nyc311.Lake.Snapshot;
using Nyc311.Lake.Stats;
using Nyc311.Lake.Transaction;

namespace Nyc311.Lake.Operations;

/// <summary>Deletes the rows a predicate selects, rewriting only files that hold some of them.</summary>
internal static class DeleteOperation
{
    public static DeleteResult Run(DeltaTableCore core, DuckDBConnection db, Predicate predicate)
    {
        var snapshot = core.Load();
        ProtocolSupport.EnsureWritable(snapshot.TableRoot, snapshot.Protocol, snapshot.Metadata);
        WriteSupport.EnsureNotAppendOnly(snapshot, "DELETE");
        _ = PredicateSql.Render(predicate, snapshot.Schema); // validates column names and literal types up front

        var result = WriteSupport.DeleteMatching(core, db, snapshot, predicate, dataChange: true);
        if (result.Removes.Count == 0)
        {
            return new DeleteResult(null, 0, 0, 0, 0);
        }

        try
        {
            var tx = new OptimisticTransaction(core, snapshot, "DELETE");
            var evaluator = new PredicateEvaluator(snapshot.Schema, snapshot.PartitionColumns);
            tx.ReadFiles(result.Touched, add => evaluator.Evaluate(predicate, add) != FileMatch.None);
            tx.Remove(result.Removes);
            tx.Add(result.Rewritten.Adds);
            var commit = tx.Commit(
                WriteSupport.Parameters(("predicate", JsonSerializer.Serialize(new[] { PredicateSql.Render(predicate, snapshot.Schema) }))),
                new Dictionary<string, long>
                {
                    ["numRemovedFiles"] = result.Removes.Count,
                    ["numAddedFiles"] = result.Rewritten.Adds.Count,
                    ["numDeletedRows"] = result.RowsDeleted,
                    ["numCopiedRows"] = result.RowsCopied,
                });
            return new DeleteResult(commit.Version, result.Removes.Count, result.Rewritten.Adds.Count, result.RowsDeleted, result.RowsCopied);
        }
        catch
        {
            WriteSupport.DeleteUncommitted(snapshot.TableRoot, result.Rewritten.Adds);
            throw;
        }
    }
}

using System.Text.Json;
using DuckDB.NET.Data;
using Nyc311.Lake.Log;
using Nyc311.Lake.Snapshot;
using Nyc311.Lake.Sql;
using Nyc311.Lake.Stats;
using Nyc311.Lake.Transaction;

namespace Nyc311.Lake.Operations;

/// <summary>
/// Bin-packing compaction: in every partition with enough small files, the small files are
/// rewritten into files of up to the target size. The data does not change (<c>dataChange=false</c>).
/// </summary>
internal static class OptimizeOperation
{
    public static OptimizeResult Run(DeltaTableCore core, DuckDBConnection db, OptimizeOptions options)
    {
        var snapshot = core.Load();
        ProtocolSupport.EnsureWritable(snapshot.TableRoot, snapshot.Protocol, snapshot.Metadata);
        var target = options.TargetFileSizeBytes ?? core.Options.TargetFileSizeBytes;
        var evaluator = new PredicateEvaluator(snapshot.Schema, snapshot.PartitionColumns);
        if (options.PartitionFilter is { } filter && filter.Columns.Any(c => !snapshot.PartitionColumns.Contains(c, StringComparer.OrdinalIgnoreCase)))
        {
            throw InvalidOperationLakeException.Create(snapshot.TableRoot, "OPTIMIZE", "the partition filter may only use partition columns");
        }

        var minFiles = Math.Max(2, options.MinFilesPerBin);
        var bins = snapshot.Files
            .Where(f => f.Size < target)
            .Where(f => options.PartitionFilter is null || evaluator.Evaluate(options.PartitionFilter, f) != FileMatch.None)
            .GroupBy(f => JsonSerializer.Serialize(snapshot.PartitionColumns.Select(c => f.PartitionValues.GetValueOrDefault(c))))
            .SelectMany(g => Bins([.. g.OrderBy(f => f.Size)], target))
            .Where(b => b.Count >= minFiles)
            .ToList();
        if (bins.Count == 0)
        {
            return new OptimizeResult(null, 0, 0, 0, 0, 0);
        }

        var selected = bins.SelectMany(b => b).ToList();
        var partitionCount = selected.Select(f => JsonSerializer.Serialize(f.PartitionValues)).Distinct().Count();
        var writer = new DataWriter(core.Time);
        var adds = new List<AddFile>();
        long bytes = 0;
        try
        {
            // Each bin (small files of one partition, up to the target size) becomes one new file.
            foreach (var bin in bins)
            {
                var written = writer.Write(db, snapshot.TableRoot, SnapshotQuery.Build(db, snapshot, bin), snapshot.Schema, snapshot.PartitionColumns, snapshot.Properties, target);
                adds.AddRange(written.Adds);
                bytes += written.Bytes;
            }
        }
        catch
        {
            WriteSupport.DeleteUncommitted(snapshot.TableRoot, adds);
            throw;
        }

        try
        {
            var tx = new OptimisticTransaction(core, snapshot, "OPTIMIZE");
            tx.ReadFiles(selected, affects: null);
            var now = core.Time.GetUtcNow().ToUnixTimeMilliseconds();
            tx.Remove(selected.Select(f => f.ToRemove(now, dataChange: false)));
            tx.Add(adds.Select(a => a with { DataChange = false }));
            var removedBytes = selected.Sum(f => f.Size);
            var commit = tx.Commit(
                WriteSupport.Parameters(
                    ("predicate", JsonSerializer.Serialize(options.PartitionFilter is null ? [] : new[] { PredicateSql.Render(options.PartitionFilter, snapshot.Schema) })),
                    ("targetFileSize", target.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                new Dictionary<string, long>
                {
                    ["numRemovedFiles"] = selected.Count,
                    ["numAddedFiles"] = adds.Count,
                    ["numRemovedBytes"] = removedBytes,
                    ["numAddedBytes"] = bytes,
                    ["numPartitionsOptimized"] = partitionCount,
                });
            return new OptimizeResult(commit.Version, selected.Count, adds.Count, removedBytes, bytes, partitionCount);
        }
        catch
        {
            WriteSupport.DeleteUncommitted(snapshot.TableRoot, adds);
            throw;
        }
    }

    /// <summary>Greedy first-fit of files (smallest first) into bins of at most <paramref name="target"/> bytes.</summary>
    internal static List<List<AddFile>> Bins(List<AddFile> files, long target)
    {
        var bins = new List<List<AddFile>>();
        var current = new List<AddFile>();
        long size = 0;
        foreach (var file in files)
        {
            if (current.Count > 0 && size + file.Size > target)
            {
                bins.Add(current);
                current = [];
                size = 0;
            }

            current.Add(file);
            size += file.Size;
        }

        if (current.Count > 0)
        {
            bins.Add(current);
        }

        return bins;
    }
}

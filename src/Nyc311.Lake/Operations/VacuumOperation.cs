using Nyc311.Lake.Snapshot;
using Nyc311.Lake.Sql;
using Nyc311.Lake.Transaction;

namespace Nyc311.Lake.Operations;

/// <summary>
/// Deletes data files no version inside the retention window needs: files neither live now nor
/// removed within the window, and older than the window (so in-flight writes are never touched).
/// </summary>
internal static class VacuumOperation
{
    public static VacuumResult Run(DeltaTableCore core, VacuumOptions options)
    {
        var snapshot = core.Load();
        var table = snapshot.TableRoot;
        ProtocolSupport.EnsureWritable(table, snapshot.Protocol, snapshot.Metadata);
        var tableRetention = core.TombstoneRetention(snapshot);
        var retention = options.Retention ?? tableRetention;
        if (retention < tableRetention && !options.AllowShortRetention)
        {
            throw InvalidOperationLakeException.Create(table, "VACUUM",
                $"retention {retention.TotalHours:0.##} h is shorter than the table's {tableRetention.TotalHours:0.##} h; it could break time travel and concurrent readers (allow it explicitly to proceed)");
        }

        var now = core.Time.GetUtcNow();
        var cutoff = now - retention;
        var cutoffMs = cutoff.ToUnixTimeMilliseconds();

        // Files the current version needs, and files removed inside the window (older versions need them).
        var keep = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in snapshot.Files)
        {
            keep.Add(Normalize(table, file.Path));
        }

        foreach (var tombstone in snapshot.Tombstones.Where(t => (t.DeletionTimestamp ?? long.MaxValue) > cutoffMs))
        {
            keep.Add(Normalize(table, tombstone.Path));
        }

        var delete = core.Storage.ListRecursive()
            .Where(f => !IsHidden(f.RelativePath))
            .Where(f => !keep.Contains(Normalize(table, f.RelativePath, encoded: false)))
            .Where(f => f.LastModified < cutoff)
            .OrderBy(f => f.RelativePath, StringComparer.Ordinal)
            .ToList();
        var result = new VacuumResult([.. delete.Select(f => f.RelativePath)], delete.Sum(f => f.Size), options.DryRun, cutoff);
        if (options.DryRun)
        {
            return result;
        }

        var parameters = WriteSupport.Parameters(("retentionCheckEnabled", (!options.AllowShortRetention).ToString().ToLowerInvariant()), ("specifiedRetentionMillis", ((long)retention.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        new OptimisticTransaction(core, snapshot, "VACUUM START").Commit(parameters, new Dictionary<string, long>
        {
            ["numFilesToDelete"] = delete.Count,
            ["sizeOfDataToDelete"] = result.Bytes,
        });
        foreach (var file in delete)
        {
            core.Storage.Delete(file.RelativePath);
        }

        RemoveEmptyFolders(core.Storage.Root);
        new OptimisticTransaction(core, core.Load(), "VACUUM END").Commit(
            WriteSupport.Parameters(("status", "COMPLETED")),
            new Dictionary<string, long> { ["numDeletedFiles"] = delete.Count, ["numVacuumedDirectories"] = 0 });
        return result;
    }

    /// <summary>Files and folders whose name starts with '_' or '.' are not data (the log, temp files), except partition folders.</summary>
    private static bool IsHidden(string relativePath) =>
        relativePath.Split('/').Any(segment => (segment.StartsWith('_') || segment.StartsWith('.')) && !segment.Contains('=', StringComparison.Ordinal));

    private static string Normalize(string table, string path, bool encoded = true) =>
        Path.GetFullPath(encoded ? DataPaths.ToLocal(table, path) : Path.Combine(table, path));

    private static void RemoveEmptyFolders(string root)
    {
        foreach (var folder in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length))
        {
            if (!Path.GetFileName(folder).StartsWith('_') && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }
    }
}

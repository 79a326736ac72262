using Nyc311.Lake;
using Nyc311.Lake.Catalog;
using Nyc311.Lake.Snapshot;

namespace Nyc311.Dashboard.Data;

/// <summary>
/// The current version and state of each table. Reading a version lists the table's log folder; the
/// table layer keeps the latest snapshot, so asking again is cheap until someone commits.
/// </summary>
internal sealed class LakeState(LakeCatalog catalog, TimeProvider time)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (TableSnapshot Snapshot, TableInfo Info)> _known = new(StringComparer.Ordinal);

    public LakeCatalog Catalog { get; } = catalog;

    public TimeProvider Time { get; } = time;

    /// <summary>The table's state now; never throws for a missing or unreadable table.</summary>
    /// <remarks>
    /// Pages ask this several times per load, so it must stay cheap: the table layer returns the same snapshot
    /// object until someone commits, and the row count (which parses every file's statistics) is computed once
    /// per snapshot.
    /// </remarks>
    public TableInfo Info(string name)
    {
        try
        {
            var path = Catalog.PathOf(name);
            if (!DeltaTable.Exists(path))
            {
                return TableInfo.Missing(name);
            }

            var snapshot = DeltaTable.Open(path, Catalog.Options, Time).LoadSnapshot();
            if (_known.TryGetValue(name, out var known) && ReferenceEquals(known.Snapshot, snapshot))
            {
                return known.Info;
            }

            var rows = snapshot.NumRecords;
            var empty = snapshot.Files.Count == 0 || rows == 0;
            var info = new TableInfo(name, empty ? TableState.Empty : TableState.Ready, snapshot.Version, rows, snapshot.Files.Count, snapshot.SizeInBytes, snapshot.Timestamp);
            _known[name] = (snapshot, info);
            return info;
        }
        catch (Exception e) when (e is LakeException or IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            return TableInfo.Unreadable(name, e.Message);
        }
    }

    /// <summary>The table at the version <paramref name="info"/> names.</summary>
    public (DeltaTable Table, TableSnapshot Snapshot) Open(TableInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var table = DeltaTable.Open(Catalog.PathOf(info.Name), Catalog.Options, Time);
        return (table, table.LoadSnapshot(info.Version));
    }

    /// <summary>Every table of the lake, plus those the dashboard reads that do not exist yet, by name.</summary>
    public IReadOnlyList<TableInfo> All()
    {
        var names = Catalog.Tables().Select(t => t.QualifiedName).Union(LakeTables.Read, StringComparer.Ordinal);
        return [.. names.Order(StringComparer.Ordinal).Select(Info)];
    }

    /// <summary>A cache key part naming the current versions of <paramref name="tables"/>.</summary>
    public string VersionsKey(params string[] tables) => string.Join('|', tables.Select(t => Info(t).VersionKey));
}

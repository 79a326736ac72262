using DuckDB.NET.Data;
using Nyc311.Lake.Log;
using Nyc311.Lake.Operations;
using Nyc311.Lake.Schema;
using Nyc311.Lake.Snapshot;
using Nyc311.Lake.Sql;
using Nyc311.Lake.Stats;
using Nyc311.Lake.Storage;
using Nyc311.Lake.Transaction;

namespace Nyc311.Lake;

/// <summary>
/// A Delta Lake table in a folder: a transaction log (<c>_delta_log</c>) per the Delta protocol and
/// Parquet data files written and read by DuckDB. Every write is one atomic, optimistic commit.
/// Operations take the caller's DuckDB connection, whose SQL (temp tables, views) is the data source.
/// </summary>
public sealed class DeltaTable
{
    private readonly DeltaTableCore _core;

    private DeltaTable(DeltaTableCore core) => _core = core;

    /// <summary>The table root folder.</summary>
    public string Path => _core.Storage.Root;

    /// <summary>Called after an operation wrote its data files and before it commits (fault-injection tests).</summary>
    internal Action<long>? BeforeCommit
    {
        get => _core.BeforeCommit;
        set => _core.BeforeCommit = value;
    }

    /// <summary>True when a Delta table (a log with at least one commit or checkpoint) exists at <paramref name="path"/>.</summary>
    public static bool Exists(string path) => LogListing.Read(new LocalTableStorage(path)).LatestVersion >= 0;

    /// <summary>Opens an existing table, or fails with <see cref="TableNotFoundException"/>.</summary>
    public static DeltaTable Open(string path, LakeOptions? options = null, TimeProvider? time = null)
    {
        var table = new DeltaTable(new DeltaTableCore(new LocalTableStorage(path), options ?? new LakeOptions(), time ?? TimeProvider.System));
        return Exists(path) ? table : throw TableNotFoundException.At(table.Path);
    }

    /// <summary>Creates a new table with a schema, partition columns and properties (version 0).</summary>
    public static DeltaTable Create(string path, StructType schema, CreateTableOptions? create = null, LakeOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var core = new DeltaTableCore(new LocalTableStorage(path), options ?? new LakeOptions(), time ?? TimeProvider.System);
        CreateTableOperation.Run(core, schema, create ?? new CreateTableOptions());
        return new DeltaTable(core);
    }

    /// <summary>Opens the table, creating it first when absent (a concurrent creator wins harmlessly).</summary>
    public static DeltaTable OpenOrCreate(string path, StructType schema, CreateTableOptions? create = null, LakeOptions? options = null, TimeProvider? time = null)
    {
        if (!Exists(path))
        {
            try
            {
                return Create(path, schema, create, options, time);
            }
            catch (TableAlreadyExistsException)
            {
                // Another writer created it between the check and the create.
            }
        }

        return Open(path, options, time);
    }

    /// <summary>The latest snapshot, or the one at <paramref name="version"/> (time travel).</summary>
    public TableSnapshot LoadSnapshot(long? version = null) => _core.Load(version);

    /// <summary>The snapshot as of a point in time: the newest version committed at or before it.</summary>
    public TableSnapshot LoadSnapshotAsOf(DateTimeOffset timestamp)
    {
        var listing = LogListing.Read(_core.Storage);
        var versions = CommitTimestamps.All(_core.Storage, listing);
        if (versions.Count == 0)
        {
            throw TableNotFoundException.At(Path);
        }

        var match = versions.LastOrDefault(v => v.Timestamp <= timestamp);
        return match == default
            ? throw VersionNotFoundException.Timestamp(Path, timestamp, versions[0].Timestamp)
            : _core.Load(match.Version);
    }

    /// <summary>Commit history, newest first.</summary>
    public IReadOnlyList<HistoryEntry> History(int? limit = null) => HistoryReader.Read(_core.Storage, limit);

    /// <summary>Appends the rows of <paramref name="sourceSql"/> (any DuckDB query or table name).</summary>
    public WriteResult Append(DuckDBConnection db, string sourceSql, WriteOptions? options = null) =>
        WriteOperation.Run(_core, db, AsQuery(sourceSql), overwrite: false, replaceWhere: null, options ?? new WriteOptions());

    /// <summary>Replaces the whole table, or only the rows <paramref name="replaceWhere"/> selects, with the rows of <paramref name="sourceSql"/>.</summary>
    public WriteResult Overwrite(DuckDBConnection db, string sourceSql, Predicate? replaceWhere = null, WriteOptions? options = null) =>
        WriteOperation.Run(_core, db, AsQuery(sourceSql), overwrite: true, replaceWhere, options ?? new WriteOptions());

    /// <summary>Deletes the rows <paramref name="predicate"/> selects.</summary>
    public DeleteResult Delete(DuckDBConnection db, Predicate predicate) => DeleteOperation.Run(_core, db, predicate);

    /// <summary>Upserts the rows of <paramref name="sourceSql"/> by key; reports how many files it rewrote.</summary>
    public MergeResult Merge(DuckDBConnection db, string sourceSql, MergeOptions options) => MergeOperation.Run(_core, db, AsQuery(sourceSql), options);

    /// <summary>Compacts small files into files of the target size.</summary>
    public OptimizeResult Optimize(DuckDBConnection db, OptimizeOptions? options = null) => OptimizeOperation.Run(_core, db, options ?? new OptimizeOptions());

    /// <summary>Deletes data files no version inside the retention window needs.</summary>
    public VacuumResult Vacuum(VacuumOptions? options = null) => VacuumOperation.Run(_core, options ?? new VacuumOptions());

    /// <summary>The live files that can hold rows matching <paramref name="filter"/> (all when null).</summary>
    public static IReadOnlyList<AddFile> FilesFor(TableSnapshot snapshot, Predicate? filter)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (filter is null)
        {
            return snapshot.Files;
        }

        var evaluator = new PredicateEvaluator(snapshot.Schema, snapshot.PartitionColumns);
        return [.. snapshot.Files.Where(f => evaluator.Evaluate(filter, f) != FileMatch.None)];
    }

    /// <summary>
    /// The files that data-changing commits after <paramref name="afterVersion"/> (up to the version of <paramref name="until"/>,
    /// the latest by default) added and that are still live: the new rows of an append-only table,
    /// as a streaming reader would see them. Compaction (dataChange=false) adds nothing new.
    /// </summary>
    public IReadOnlyList<AddFile> AddedSince(long afterVersion, TableSnapshot? until = null)
    {
        until ??= LoadSnapshot();
        var live = until.Files.ToDictionary(f => Uri.UnescapeDataString(f.Path), StringComparer.Ordinal);
        var added = new List<AddFile>();
        for (var version = Math.Max(afterVersion + 1, 0); version <= until.Version; version++)
        {
            foreach (var add in SnapshotLoader.ReadCommit(_core.Storage, version).OfType<AddFile>().Where(a => a.DataChange))
            {
                if (live.Remove(Uri.UnescapeDataString(add.Path), out var file))
                {
                    added.Add(file);
                }
            }
        }

        return added;
    }

    /// <summary>A DuckDB SELECT over chosen live files of a snapshot (for example <see cref="AddedSince"/>).</summary>
    public static string SelectFilesSql(DuckDBConnection db, TableSnapshot snapshot, IReadOnlyList<AddFile> files) =>
        SnapshotQuery.Build(db, snapshot, files);

    /// <summary>A DuckDB SELECT over a snapshot (latest by default), skipping files the filter rules out.</summary>
    public string SelectSql(DuckDBConnection db, TableSnapshot? snapshot = null, Predicate? filter = null)
    {
        snapshot ??= LoadSnapshot();
        var query = SnapshotQuery.Build(db, snapshot, FilesFor(snapshot, filter));
        return filter is null ? query : $"SELECT * FROM ({query}) WHERE {PredicateSql.Render(filter, snapshot.Schema)}";
    }

    /// <summary>Creates (or replaces) a DuckDB view over a snapshot, so it can be queried as plain SQL.</summary>
    public TableSnapshot CreateView(DuckDBConnection db, string viewName, TableSnapshot? snapshot = null, Predicate? filter = null)
    {
        ArgumentNullException.ThrowIfNull(viewName);
        snapshot ??= LoadSnapshot();
        var dot = viewName.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            db.Execute($"CREATE SCHEMA IF NOT EXISTS {SqlText.Identifier(viewName[..dot])}");
        }

        db.Execute($"CREATE OR REPLACE VIEW {SqlText.QualifiedName(viewName)} AS {SelectSql(db, snapshot, filter)}");
        return snapshot;
    }

    // A bare table or view name is read whole; anything else is taken as a query.
    private static string AsQuery(string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        var trimmed = source.Trim();
        return trimmed.Contains(' ', StringComparison.Ordinal) || trimmed.Contains('(', StringComparison.Ordinal)
            ? trimmed
            : $"SELECT * FROM {trimmed}";
    }
}

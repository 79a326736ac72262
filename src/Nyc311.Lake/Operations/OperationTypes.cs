using Nyc311.Lake.Stats;

namespace Nyc311.Lake.Operations;

/// <summary>How a new table is created.</summary>
public sealed record CreateTableOptions
{
    /// <summary>Partition columns, in directory order.</summary>
    public IReadOnlyList<string> PartitionColumns { get; init; } = [];

    /// <summary>Table properties (metaData.configuration).</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    public string? Name { get; init; }

    public string? Description { get; init; }
}

/// <summary>Options of an append or overwrite.</summary>
public sealed record WriteOptions
{
    /// <summary>An application transaction committed atomically with the data (idempotent writes and watermarks).</summary>
    public Log.SetTransaction? Transaction { get; init; }

    /// <summary>Add source columns the table lacks to its schema (nullable, at the end) instead of failing.</summary>
    public bool MergeSchema { get; init; }

    /// <summary>Free text recorded in the commit's <c>userMetadata</c>.</summary>
    public string? UserMetadata { get; init; }
}

/// <summary>What a write committed.</summary>
public sealed record WriteResult(long Version, int FilesAdded, int FilesRemoved, long RowsWritten, long RowsDeleted, long BytesWritten)
{
    /// <summary>True when the write was skipped because its application transaction was already committed.</summary>
    public bool AlreadyCommitted { get; init; }
}

/// <summary>What a delete committed (version null when nothing matched and nothing was committed).</summary>
public sealed record DeleteResult(long? Version, int FilesRemoved, int FilesAdded, long RowsDeleted, long RowsCopied);

/// <summary>An upsert of source rows into a table by key.</summary>
public sealed record MergeOptions
{
    /// <summary>The key columns matching source rows to target rows.</summary>
    public required IReadOnlyList<string> Keys { get; init; }

    /// <summary>
    /// Optional SQL condition a matched pair must meet for the source row to replace the target row;
    /// reference the source as <c>s</c> and the target as <c>t</c> (for example <c>s.updated_at &gt;= t.updated_at</c>).
    /// </summary>
    public string? UpdateCondition { get; init; }

    /// <summary>Insert source rows that match no target row. Default true.</summary>
    public bool InsertUnmatched { get; init; } = true;

    /// <summary>An application transaction committed atomically with the merge.</summary>
    public Log.SetTransaction? Transaction { get; init; }

    /// <summary>Add source columns the table lacks to its schema instead of failing.</summary>
    public bool MergeSchema { get; init; }

    /// <summary>
    /// When set, the merge leaves in this DuckDB table (created or replaced) the target rows it replaced,
    /// as they were before the merge: the pre-images of its updates, for callers that must also
    /// recompute what the old values fed (an aggregate over the old created day, say).
    /// </summary>
    public string? PreimageTable { get; init; }
}

/// <summary>What a merge did.</summary>
public sealed record MergeResult(
    long? Version,
    long RowsUpdated,
    long RowsInserted,
    long RowsCopied,
    int FilesRewritten,
    int FilesAdded,
    int FilesInTable,
    int FilesCandidate)
{
    /// <summary>True when the merge was skipped because its application transaction was already committed.</summary>
    public bool AlreadyCommitted { get; init; }
}

/// <summary>Bin-packing settings.</summary>
public sealed record OptimizeOptions
{
    /// <summary>Files at least this large are left alone; bins are filled up to it. Default: the lake's target file size.</summary>
    public long? TargetFileSizeBytes { get; init; }

    /// <summary>A bin is rewritten only if it holds at least this many files. Default 2.</summary>
    public int MinFilesPerBin { get; init; } = 2;

    /// <summary>Only compact files in partitions this predicate selects (partition columns only).</summary>
    public Predicate? PartitionFilter { get; init; }
}

/// <summary>What optimize did (version null when nothing needed compacting).</summary>
public sealed record OptimizeResult(long? Version, int FilesRemoved, int FilesAdded, long BytesRemoved, long BytesAdded, int PartitionsOptimized);

/// <summary>Vacuum settings.</summary>
public sealed record VacuumOptions
{
    /// <summary>Files removed from the table less than this long ago are kept. Default: the table's deleted-file retention (7 days).</summary>
    public TimeSpan? Retention { get; init; }

    /// <summary>List what would be deleted without deleting. Default false.</summary>
    public bool DryRun { get; init; }

    /// <summary>Allow a retention shorter than the table's, at the risk of breaking time travel and concurrent readers.</summary>
    public bool AllowShortRetention { get; init; }
}

/// <summary>The files vacuum deleted (or would delete, in a dry run).</summary>
public sealed record VacuumResult(IReadOnlyList<string> Files, long Bytes, bool DryRun, DateTimeOffset Cutoff);

/// <summary>One commit of a table's history.</summary>
public sealed record HistoryEntry(
    long Version,
    DateTimeOffset Timestamp,
    string Operation,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyDictionary<string, string> Metrics,
    long? ReadVersion,
    bool? IsBlindAppend,
    string? EngineInfo,
    string? UserMetadata);

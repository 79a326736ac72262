using System.Text.Json.Nodes;

namespace Nyc311.Lake.Log;

/// <summary>One action of the Delta transaction log (a line of a commit file, or a checkpoint row).</summary>
public abstract record DeltaAction;

/// <summary>
/// <c>add</c>: a data file joins the table. <see cref="Path"/> is the URI-encoded path relative to the
/// table root (or an absolute URI), exactly as stored in the log.
/// </summary>
public sealed record AddFile(
    string Path,
    IReadOnlyDictionary<string, string?> PartitionValues,
    long Size,
    long ModificationTime,
    bool DataChange,
    string? Stats = null) : DeltaAction
{
    public IReadOnlyDictionary<string, string?>? Tags { get; init; }

    /// <summary>The deletion vector descriptor, when the file has one (kept to refuse such tables clearly).</summary>
    public JsonObject? DeletionVector { get; init; }

    public long? BaseRowId { get; init; }

    public long? DefaultRowCommitVersion { get; init; }

    public string? ClusteringProvider { get; init; }

    /// <summary>The tombstone that removes this file at <paramref name="deletionTimestamp"/> (ms since epoch).</summary>
    public RemoveFile ToRemove(long deletionTimestamp, bool dataChange) =>
        new(Path, deletionTimestamp, dataChange)
        {
            ExtendedFileMetadata = true,
            PartitionValues = PartitionValues,
            Size = Size,
            Stats = Stats,
            Tags = Tags,
            DeletionVector = DeletionVector,
        };
}

/// <summary><c>remove</c>: a data file leaves the table; kept as a tombstone until vacuum retention expires.</summary>
public sealed record RemoveFile(string Path, long? DeletionTimestamp, bool DataChange) : DeltaAction
{
    public bool? ExtendedFileMetadata { get; init; }

    public IReadOnlyDictionary<string, string?>? PartitionValues { get; init; }

    public long? Size { get; init; }

    public string? Stats { get; init; }

    public IReadOnlyDictionary<string, string?>? Tags { get; init; }

    public JsonObject? DeletionVector { get; init; }
}

/// <summary><c>metaData</c>: the table's id, schema, partition columns and properties.</summary>
public sealed record Metadata(
    string Id,
    string SchemaString,
    IReadOnlyList<string> PartitionColumns,
    IReadOnlyDictionary<string, string> Configuration,
    long? CreatedTime) : DeltaAction
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public string FormatProvider { get; init; } = "parquet";

    public IReadOnlyDictionary<string, string> FormatOptions { get; init; } = new Dictionary<string, string>();
}

/// <summary><c>protocol</c>: the reader/writer versions and table features needed for this table.</summary>
public sealed record Protocol(
    int MinReaderVersion,
    int MinWriterVersion,
    IReadOnlyList<string>? ReaderFeatures = null,
    IReadOnlyList<string>? WriterFeatures = null) : DeltaAction;

/// <summary><c>txn</c>: an application's progress marker, committed atomically with data (idempotent writes).</summary>
public sealed record SetTransaction(string AppId, long Version, long? LastUpdated = null) : DeltaAction;

/// <summary><c>domainMetadata</c>: named configuration preserved for other writers.</summary>
public sealed record DomainMetadata(string Domain, string Configuration, bool Removed) : DeltaAction;

/// <summary><c>commitInfo</c>: provenance of a commit (operation, parameters, metrics, timestamps).</summary>
public sealed record CommitInfo(JsonObject Raw) : DeltaAction
{
    /// <summary>The writer's wall-clock time of the commit, ms since epoch.</summary>
    public long? Timestamp => Raw["timestamp"] is JsonValue v && v.TryGetValue<long>(out var t) ? t : null;

    /// <summary>The in-commit timestamp, when the table has the <c>inCommitTimestamp</c> feature.</summary>
    public long? InCommitTimestamp => Raw["inCommitTimestamp"] is JsonValue v && v.TryGetValue<long>(out var t) ? t : null;

    public string? Operation => Raw["operation"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}

/// <summary>An action type this layer does not interpret; the protocol requires readers to ignore it.</summary>
public sealed record UnknownAction(string Kind) : DeltaAction;

/// <summary>A checkpoint-only action of the V2 checkpoint spec (refused together with the v2Checkpoint feature).</summary>
public sealed record CheckpointOnlyAction(string Kind) : DeltaAction;

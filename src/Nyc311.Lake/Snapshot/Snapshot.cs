using Nyc311.Lake.Log;
using Nyc311.Lake.Schema;
using Nyc311.Lake.Stats;

namespace Nyc311.Lake.Snapshot;

/// <summary>
/// The state of a table at one version: protocol, metadata, live files, tombstones and
/// application transactions, as replayed from the log.
/// </summary>
public sealed class TableSnapshot
{
    private readonly Dictionary<string, SetTransaction> _transactions;
    private StructType? _schema;

    internal TableSnapshot(
        string tableRoot,
        long version,
        DateTimeOffset timestamp,
        Protocol protocol,
        Metadata metadata,
        IReadOnlyList<AddFile> files,
        IReadOnlyList<RemoveFile> tombstones,
        Dictionary<string, SetTransaction> transactions,
        IReadOnlyList<DomainMetadata> domains,
        long? latestInCommitTimestamp)
    {
        TableRoot = tableRoot;
        Version = version;
        Timestamp = timestamp;
        Protocol = protocol;
        Metadata = metadata;
        Files = files;
        Tombstones = tombstones;
        _transactions = transactions;
        Domains = domains;
        LatestInCommitTimestamp = latestInCommitTimestamp;
    }

    /// <summary>The table's root folder.</summary>
    public string TableRoot { get; }

    /// <summary>The version this snapshot reflects.</summary>
    public long Version { get; }

    /// <summary>When this version was committed (the in-commit timestamp when enabled, else the commit file's time).</summary>
    public DateTimeOffset Timestamp { get; }

    public Protocol Protocol { get; }

    public Metadata Metadata { get; }

    /// <summary>The table schema (partition columns included).</summary>
    public StructType Schema => _schema ??= SchemaJson.Parse(Metadata.SchemaString);

    public IReadOnlyList<string> PartitionColumns => Metadata.PartitionColumns;

    public IReadOnlyDictionary<string, string> Properties => Metadata.Configuration;

    /// <summary>The live data files.</summary>
    public IReadOnlyList<AddFile> Files { get; }

    /// <summary>Files removed and not yet expired (kept for vacuum and time travel).</summary>
    public IReadOnlyList<RemoveFile> Tombstones { get; }

    /// <summary>Domain metadata to carry forward.</summary>
    public IReadOnlyList<DomainMetadata> Domains { get; }

    /// <summary>Every application transaction (<c>txn</c>) recorded in the table.</summary>
    public IReadOnlyCollection<SetTransaction> Transactions => _transactions.Values;

    internal long? LatestInCommitTimestamp { get; }

    /// <summary>The total number of records, or null when some file has no statistics.</summary>
    public long? NumRecords
    {
        get
        {
            long total = 0;
            foreach (var file in Files)
            {
                var stats = FileStatistics.Parse(file.Stats);
                if (stats?.NumRecords is not { } n)
                {
                    return null;
                }

                total += n;
            }

            return total;
        }
    }

    /// <summary>Total bytes of the live files.</summary>
    public long SizeInBytes => Files.Sum(f => f.Size);

    /// <summary>The last version an application committed under <paramref name="appId"/>, or null.</summary>
    public long? TransactionVersion(string appId) => _transactions.TryGetValue(appId, out var txn) ? txn.Version : null;

    /// <summary>A table property as a boolean (Delta stores properties as strings).</summary>
    internal bool PropertyIsTrue(string key) =>
        Properties.TryGetValue(key, out var value) && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    internal bool InCommitTimestampsEnabled =>
        PropertyIsTrue(TableProperties.EnableInCommitTimestamps) && (Protocol.WriterFeatures?.Contains(TableFeatures.InCommitTimestamp) ?? false);
}

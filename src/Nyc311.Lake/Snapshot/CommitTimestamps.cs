using Nyc311.Lake.Log;
using Nyc311.Lake.Storage;

namespace Nyc311.Lake.Snapshot;

/// <summary>When each version was committed: the in-commit timestamp where present, else the commit file's time.</summary>
internal static class CommitTimestamps
{
    public static DateTimeOffset Of(ITableStorage storage, LogListing listing, long version, long? inCommitTimestamp)
    {
        if (inCommitTimestamp is { } ict)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(ict);
        }

        if (listing.Commits.TryGetValue(version, out var commit))
        {
            return commit.LastModified;
        }

        return listing.Checkpoints.TryGetValue(version, out var parts) ? parts[0].LastModified : DateTimeOffset.MinValue;
    }

    /// <summary>Every readable version with its commit timestamp, oldest first.</summary>
    public static List<(long Version, DateTimeOffset Timestamp)> All(ITableStorage storage, LogListing listing)
    {
        var result = new List<(long, DateTimeOffset)>();
        foreach (var (version, file) in listing.Commits)
        {
            if (version < listing.EarliestVersion)
            {
                continue;
            }

            var ict = SnapshotLoader.ReadCommit(storage, version).OfType<CommitInfo>().FirstOrDefault()?.InCommitTimestamp;
            result.Add((version, ict is { } t ? DateTimeOffset.FromUnixTimeMilliseconds(t) : file.LastModified));
        }

        return result;
    }
}

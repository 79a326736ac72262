using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nyc311.Lake.Log;
using Nyc311.Lake.Storage;

namespace Nyc311.Lake.Snapshot;

/// <summary>Replays the log (newest checkpoint, then the commits after it) into a <see cref="TableSnapshot"/>.</summary>
internal static class SnapshotLoader
{
    /// <summary>
    /// The newest snapshot loaded per table root, with the size and time of its commit file (so a
    /// table recreated at the same path is never mistaken for it). Writers load the latest snapshot
    /// before and after every commit; advancing a cached one by the few new commits keeps that cheap.
    /// </summary>
    /// <remarks>
    /// A cached snapshot is only advanced while the newest checkpoint is still the one it was built
    /// from, so the result is exactly what a fresh load (checkpoint, then commits) would give.
    /// </remarks>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (TableSnapshot Snapshot, StoredFile Commit, long Checkpoint)> s_latest = new(StringComparer.Ordinal);

    public static TableSnapshot Load(ITableStorage storage, LogListing listing, long? version = null)
    {
        var latest = listing.LatestVersion;
        if (latest < 0)
        {
            throw TableNotFoundException.At(storage.Root);
        }

        var target = version ?? latest;
        if (target > latest || target < 0)
        {
            throw VersionNotFoundException.Version(storage.Root, target, Math.Max(0, listing.EarliestVersion), latest);
        }

        var state = new ReplayState();
        long? lastIct = null;
        var start = 0L;

        // Readers use the newest complete checkpoint not newer than the version asked for.
        var checkpointVersion = listing.Checkpoints.Keys.Where(v => v <= target).DefaultIfEmpty(-1).Max();
        if (s_latest.TryGetValue(storage.Root, out var cached) && cached.Snapshot.Version <= target && cached.Checkpoint == checkpointVersion &&
            listing.Commits.TryGetValue(cached.Snapshot.Version, out var commitFile) && commitFile == cached.Commit)
        {
            if (cached.Snapshot.Version == target)
            {
                return cached.Snapshot;
            }

            state.Apply(cached.Snapshot);
            lastIct = cached.Snapshot.LatestInCommitTimestamp;
            start = cached.Snapshot.Version + 1;
        }
        else
        {
            if (checkpointVersion >= 0)
            {
                state.Apply(CheckpointReader.Read(storage, listing.Checkpoints[checkpointVersion], checkpointVersion), fromCheckpoint: true);
            }

            start = checkpointVersion + 1;
        }

        for (var v = start; v <= target; v++)
        {
            if (!listing.Commits.TryGetValue(v, out _))
            {
                // Versions before the earliest reconstructable one were cleaned up; a gap after it is corruption.
                var earliest = listing.EarliestVersion;
                if (target < earliest && earliest <= latest)
                {
                    throw VersionNotFoundException.Version(storage.Root, target, earliest, latest);
                }

                throw CorruptLogException.MissingVersion(storage.Root, v);
            }

            var actions = ReadCommit(storage, v);
            state.Apply(actions, fromCheckpoint: false);
            lastIct = actions.OfType<CommitInfo>().FirstOrDefault()?.InCommitTimestamp ?? lastIct;
        }

        if (state.Protocol is null || state.Metadata is null)
        {
            throw CorruptLogException.Invalid(storage.Root, target, "no protocol or metaData action up to this version");
        }

        ProtocolSupport.EnsureReadable(storage.Root, state.Protocol, state.Metadata);
        if (state.Files.Values.Any(f => f.DeletionVector is not null))
        {
            throw UnsupportedFeatureException.ReaderFeature(storage.Root, TableFeatures.DeletionVectors);
        }

        // The in-commit timestamp of the target version is the only one needed for the next commit.
        if (lastIct is null && listing.Commits.ContainsKey(target))
        {
            lastIct = ReadCommit(storage, target).OfType<CommitInfo>().FirstOrDefault()?.InCommitTimestamp;
        }

        var timestamp = CommitTimestamps.Of(storage, listing, target, lastIct);
        var snapshot = new TableSnapshot(
            storage.Root,
            target,
            timestamp,
            state.Protocol,
            state.Metadata,
            [.. state.Files.Values],
            [.. state.Tombstones.Values],
            state.Transactions,
            [.. state.Domains.Values.Where(d => !d.Removed)],
            lastIct);
        if (target == latest && listing.Commits.TryGetValue(target, out var latestCommit))
        {
            s_latest[storage.Root] = (snapshot, latestCommit, checkpointVersion);
        }

        return snapshot;
    }

    /// <summary>All actions of one commit file, with a clear error naming the line that does not parse.</summary>
    public static List<DeltaAction> ReadCommit(ITableStorage storage, long version)
    {
        var path = LogPaths.Commit(version);
        var bytes = storage.ReadAllBytes(path) ?? throw CorruptLogException.MissingVersion(storage.Root, version);
        var actions = new List<DeltaAction>();
        var lineNumber = 0;
        foreach (var line in Encoding.UTF8.GetString(bytes).Split('\n'))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                var node = JsonNode.Parse(line) as JsonObject ?? throw new JsonException("line is not a JSON object");
                actions.Add(ActionJson.Parse(node));
            }
            catch (JsonException e)
            {
                throw CorruptLogException.BadLine(storage.FullPath(path), version, lineNumber, e.Message, e);
            }
            catch (InvalidOperationException e)
            {
                throw CorruptLogException.BadLine(storage.FullPath(path), version, lineNumber, e.Message, e);
            }
        }

        return actions;
    }

    private sealed class ReplayState
    {
        public Protocol? Protocol { get; private set; }

        public Metadata? Metadata { get; private set; }

        public Dictionary<string, AddFile> Files { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, RemoveFile> Tombstones { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, SetTransaction> Transactions { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, DomainMetadata> Domains { get; } = new(StringComparer.Ordinal);

        /// <summary>Starts from an earlier snapshot's state.</summary>
        public void Apply(TableSnapshot snapshot)
        {
            Protocol = snapshot.Protocol;
            Metadata = snapshot.Metadata;
            foreach (var file in snapshot.Files)
            {
                Files[NormalizePath(file.Path)] = file;
            }

            foreach (var tombstone in snapshot.Tombstones)
            {
                Tombstones[NormalizePath(tombstone.Path)] = tombstone;
            }

            foreach (var txn in snapshot.Transactions)
            {
                Transactions[txn.AppId] = txn;
            }

            foreach (var domain in snapshot.Domains)
            {
                Domains[domain.Domain] = domain;
            }
        }

        public void Apply(IEnumerable<DeltaAction> actions, bool fromCheckpoint)
        {
            foreach (var action in actions)
            {
                switch (action)
                {
                    case Protocol p:
                        Protocol = p;
                        break;
                    case Metadata m:
                        Metadata = m;
                        break;
                    case AddFile add:
                        var key = NormalizePath(add.Path);
                        Files[key] = add;
                        Tombstones.Remove(key);
                        break;
                    case RemoveFile remove:
                        var removed = NormalizePath(remove.Path);
                        Files.Remove(removed);
                        Tombstones[removed] = remove;
                        break;
                    case SetTransaction txn:
                        Transactions[txn.AppId] = txn;
                        break;
                    case DomainMetadata domain:
                        Domains[domain.Domain] = domain;
                        break;
                    case CheckpointOnlyAction when !fromCheckpoint:
                        throw new LakeException("checkpoint-only action found in a commit file");
                }
            }
        }

        // The same file can be referenced encoded or decoded by different writers; key by the decoded form.
        private static string NormalizePath(string path) => Uri.UnescapeDataString(path);
    }
}

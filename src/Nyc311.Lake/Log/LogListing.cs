using Nyc311.Lake.Storage;

namespace Nyc311.Lake.Log;

/// <summary>The commits and complete checkpoints found in a table's <c>_delta_log</c>.</summary>
internal sealed class LogListing
{
    private long? _earliestVersion;

    private LogListing(SortedDictionary<long, StoredFile> commits, SortedDictionary<long, IReadOnlyList<StoredFile>> checkpoints, SortedSet<long> uuidCheckpoints)
    {
        Commits = commits;
        Checkpoints = checkpoints;
        UuidCheckpoints = uuidCheckpoints;
    }

    public SortedDictionary<long, StoredFile> Commits { get; }

    /// <summary>Complete classic or multi-part checkpoints by version (parts in order).</summary>
    public SortedDictionary<long, IReadOnlyList<StoredFile>> Checkpoints { get; }

    /// <summary>Versions with V2 UUID-named checkpoints (only meaningful with the v2Checkpoint feature).</summary>
    public SortedSet<long> UuidCheckpoints { get; }

    /// <summary>The newest version the log can serve, or -1 for no table.</summary>
    public long LatestVersion => Math.Max(Commits.Count > 0 ? Commits.Keys.Max() : -1, Checkpoints.Count > 0 ? Checkpoints.Keys.Max() : -1);

    /// <summary>
    /// The oldest version from which every version up to the latest can be reconstructed: version v can
    /// be when it has a checkpoint, or when its commit exists and version v-1 can be (commit 0 starts from
    /// nothing). So a checkpoint whose following commits were cleaned up cannot serve the versions after it.
    /// Greater than <see cref="LatestVersion"/> when a commit after the newest checkpoint is missing
    /// (a corrupt log); -1 for no table.
    /// </summary>
    public long EarliestVersion => _earliestVersion ??= FindEarliestVersion();

    private long FindEarliestVersion()
    {
        var latest = LatestVersion;
        if (latest < 0)
        {
            return -1;
        }

        var first = Math.Min(Commits.Count > 0 ? Commits.Keys.Min() : latest, Checkpoints.Count > 0 ? Checkpoints.Keys.Min() : latest);
        var earliest = first;
        var previousLoadable = false;
        for (var v = first; v <= latest; v++)
        {
            var loadable = Checkpoints.ContainsKey(v) || (Commits.ContainsKey(v) && (v == 0 || previousLoadable));
            if (!loadable)
            {
                earliest = v + 1;
            }

            previousLoadable = loadable;
        }

        return earliest;
    }

    public static LogListing Read(ITableStorage storage)
    {
        var commits = new SortedDictionary<long, StoredFile>();
        var parts = new Dictionary<(long Version, int Parts), List<(int Part, StoredFile File)>>();
        var uuid = new SortedSet<long>();
        foreach (var file in storage.List(LogPaths.LogFolder))
        {
            var name = LogPaths.Parse(file.RelativePath[(file.RelativePath.LastIndexOf('/') + 1)..]);
            switch (name?.Kind)
            {
                case LogFileKind.Commit:
                    commits[name.Version] = file;
                    break;
                case LogFileKind.Checkpoint:
                    if (!parts.TryGetValue((name.Version, name.Parts), out var list))
                    {
                        parts[(name.Version, name.Parts)] = list = [];
                    }

                    list.Add((name.Part, file));
                    break;
                case LogFileKind.UuidCheckpoint:
                    uuid.Add(name.Version);
                    break;
            }
        }

        // A multi-part checkpoint with missing parts was never finished and must be ignored.
        var checkpoints = new SortedDictionary<long, IReadOnlyList<StoredFile>>();
        foreach (var ((version, count), list) in parts)
        {
            if (list.Select(p => p.Part).Distinct().Count() == count && !checkpoints.ContainsKey(version))
            {
                checkpoints[version] = [.. list.OrderBy(p => p.Part).Select(p => p.File)];
            }
        }

        return new LogListing(commits, checkpoints, uuid);
    }
}

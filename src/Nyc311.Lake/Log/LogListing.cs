using Nyc311.Lake.Storage;

namespace Nyc311.Lake.Log;

/// <summary>The commits and complete checkpoints found in a table's <c>_delta_log</c>.</summary>
internal sealed class LogListing
{
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

    /// <summary>The oldest version that can be reconstructed (a checkpoint, or commit 0).</summary>
    public long EarliestVersion
    {
        get
        {
            if (Commits.ContainsKey(0))
            {
                return 0;
            }

            return Checkpoints.Count > 0 ? Checkpoints.Keys.Min() : (Commits.Count > 0 ? Commits.Keys.Min() : -1);
        }
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

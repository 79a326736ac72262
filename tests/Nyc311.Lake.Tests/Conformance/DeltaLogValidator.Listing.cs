using System.Globalization;

namespace Nyc311.Lake.Tests.Conformance;

/// <summary>The files of one <c>_delta_log</c>, classified by name.</summary>
internal sealed class LogFiles
{
    public SortedDictionary<long, string> Commits { get; } = [];

    /// <summary>Complete Parquet checkpoints (classic, or every part of a multi-part one) by version.</summary>
    public SortedDictionary<long, List<string>> Checkpoints { get; } = [];

    public SortedSet<long> UuidCheckpoints { get; } = [];

    public string? LastCheckpoint { get; set; }
}

internal sealed partial class DeltaLogValidator
{
    /// <summary>Version file names: 20-digit zero-padded versions, commits contiguous from 0 or from a checkpoint.</summary>
    private LogFiles? ListLog()
    {
        var folder = Path.Combine(_root, "_delta_log");
        if (!Directory.Exists(folder))
        {
            Fail("_delta_log", "log.exists", "the table has no _delta_log folder");
            return null;
        }

        var log = new LogFiles();
        var parts = new Dictionary<(long Version, int Count), SortedDictionary<int, string>>();
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var name = Path.GetFileName(file);
            if (CommitFile().Match(name) is { Success: true } commit)
            {
                log.Commits[ParseVersion(commit)] = file;
            }
            else if (ClassicCheckpointFile().Match(name) is { Success: true } classic)
            {
                AddPart(parts, ParseVersion(classic), 1, 1, file);
            }
            else if (MultiPartCheckpointFile().Match(name) is { Success: true } multi)
            {
                var part = int.Parse(multi.Groups[2].Value, CultureInfo.InvariantCulture);
                var count = int.Parse(multi.Groups[3].Value, CultureInfo.InvariantCulture);
                if (part < 1 || part > count)
                {
                    Fail(name, "log.checkpoint-part-name", $"part {part} of {count} is out of range");
                    continue;
                }

                AddPart(parts, ParseVersion(multi), part, count, file);
                if (Strict)
                {
                    Fail(name, "own.no-multi-part-checkpoints", "this layer writes classic checkpoints only (multi-part ones are deprecated)");
                }
            }
            else if (UuidCheckpointFile().Match(name) is { Success: true } uuid)
            {
                log.UuidCheckpoints.Add(ParseVersion(uuid));
            }
            else if (name == "_last_checkpoint")
            {
                log.LastCheckpoint = file;
            }
            else if (AuxiliaryFile().IsMatch(name))
            {
                // Version checksum and log compaction files: optional, not replayed.
            }
            else if (VersionLikeFile().IsMatch(name))
            {
                Fail(name, "log.version-file-name", "looks like a log file but its version is not zero-padded to 20 digits");
            }
            else if (name.StartsWith('.'))
            {
                if (Strict && name.EndsWith(".tmp", StringComparison.Ordinal))
                {
                    Fail(name, "own.no-leftover-temp-files", "a temporary file of a finished write was left in the log");
                }
            }
            else if (Strict)
            {
                Fail(name, "own.no-unknown-log-files", "a file this layer never writes is in the log");
            }
        }

        foreach (var ((version, count), found) in parts)
        {
            // A multi-part checkpoint with missing parts is incomplete and ignored by readers.
            if (found.Count == count)
            {
                log.Checkpoints[version] = [.. found.Values];
            }
        }

        CheckContiguity(log);
        return log;
    }

    private void CheckContiguity(LogFiles log)
    {
        if (log.Commits.Count == 0)
        {
            Fail("_delta_log", "log.has-commits", "the log has no commit file");
            return;
        }

        var earliest = log.Commits.Keys.Min();
        var latest = log.Commits.Keys.Max();
        for (var v = earliest; v <= latest; v++)
        {
            if (!log.Commits.ContainsKey(v))
            {
                Fail(CommitName(v), "log.contiguous", Invariant($"commit {v} is missing between {earliest} and {latest}"));
            }
        }

        var checkpointVersions = log.Checkpoints.Keys.Concat(log.UuidCheckpoints).ToList();
        if (earliest > 0 && !checkpointVersions.Any(c => c >= earliest - 1 && c <= latest))
        {
            Fail(CommitName(earliest), "log.reconstructable", Invariant($"commits start at {earliest} but no checkpoint covers the versions before it"));
        }

        foreach (var version in checkpointVersions.Where(c => c > latest))
        {
            Fail(Invariant($"{version:D20}.checkpoint"), "log.checkpoint-after-commit", Invariant($"checkpoint {version} is newer than the newest commit {latest}"));
        }
    }

    private static void AddPart(Dictionary<(long, int), SortedDictionary<int, string>> parts, long version, int part, int count, string file)
    {
        if (!parts.TryGetValue((version, count), out var found))
        {
            parts[(version, count)] = found = [];
        }

        found[part] = file;
    }

    private static long ParseVersion(System.Text.RegularExpressions.Match match) =>
        long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Nyc311.Lake.Sql;

namespace Nyc311.Lake.Tests.Conformance;

/// <summary>
/// Checks a Delta table folder against the rules of the Delta protocol (<c>docs/delta-PROTOCOL.md</c>):
/// log file names and contiguity, one action per commit line, required actions and fields, stats JSON
/// (checked against the Parquet data through DuckDB), protocol and table-feature rules, the checkpoint
/// schema and content, and <c>_last_checkpoint</c>. It replays the log itself, apart from the layer's code.
/// Data-file facts are cached by path, so one validator can judge a table after every step cheaply.
/// </summary>
internal sealed partial class DeltaLogValidator : IDisposable
{
    private readonly DuckDBConnection _db = LakeDuckDb.Open(threads: 1);
    private readonly ValidationLevel _level;
    private readonly bool _checkDataFiles;
    private List<LogViolation> _violations = [];
    private string _root = "";

    /// <param name="level">Which rules apply.</param>
    /// <param name="checkDataFiles">Whether data files are read to check stats and existence (false for log-only fixtures).</param>
    public DeltaLogValidator(ValidationLevel level, bool checkDataFiles = true)
    {
        _level = level;
        _checkDataFiles = checkDataFiles;
    }

    private bool Strict => _level == ValidationLevel.OwnWriter;

    public void Dispose() => _db.Dispose();

    /// <summary>Every rule the table at <paramref name="tableRoot"/> breaks (empty when it conforms).</summary>
    public IReadOnlyList<LogViolation> Validate(string tableRoot)
    {
        _violations = [];
        _root = Path.GetFullPath(tableRoot);
        var log = ListLog();
        if (log is null)
        {
            return _violations;
        }

        var state = Replay(log);
        if (state is not null && _checkDataFiles)
        {
            foreach (var (key, add) in state.Live)
            {
                if (LocalFile(JsonFacts.Text(add["path"])!) is { } local && !File.Exists(local))
                {
                    Fail(key, "data.live-file-exists", "a file of the latest version is missing from storage");
                }
            }
        }

        ValidateLastCheckpoint(log);
        return _violations;
    }

    private void Fail(string where, string rule, string detail) => _violations.Add(new LogViolation(where, rule, detail));

    private static string CommitName(long version) => $"{version:D20}.json";

    /// <summary>Replays every commit it can (from version 0, or from the oldest checkpoint that covers the missing ones).</summary>
    private TableState? Replay(LogFiles log)
    {
        if (log.Commits.Count == 0)
        {
            return null;
        }

        var earliest = log.Commits.Keys.Min();
        TableState? state = null;
        var start = earliest;
        if (earliest > 0)
        {
            var seed = log.Checkpoints.Keys.Where(v => v >= earliest - 1).DefaultIfEmpty(-1).Min();
            if (seed < 0)
            {
                return null;
            }

            state = SeedFromCheckpoint(seed, log.Checkpoints[seed]);
            start = seed + 1;
            for (var v = earliest; v < start; v++)
            {
                // Commits already covered by the seed checkpoint: their lines are judged without table state.
                ValidateCommit(v, log.Commits[v], null);
            }
        }
        else
        {
            state = new TableState();
        }

        for (var v = start; v <= log.Commits.Keys.Max(); v++)
        {
            if (!log.Commits.TryGetValue(v, out var commit))
            {
                // A gap (reported by the listing rules) ends what can be replayed.
                return null;
            }

            ValidateCommit(v, commit, state);
            state.Version = v;
            if (log.Checkpoints.TryGetValue(v, out var parts))
            {
                ValidateCheckpoint(v, parts, state);
            }
        }

        return state;
    }

    /// <summary>The local path of a log path (decoded once), or null for a non-file URI.</summary>
    private string? LocalFile(string logPath)
    {
        if (logPath.Contains("://", StringComparison.Ordinal))
        {
            return logPath.StartsWith("file://", StringComparison.Ordinal) ? new Uri(logPath).LocalPath : null;
        }

        var decoded = Uri.UnescapeDataString(logPath);
        return Path.IsPathRooted(decoded) ? decoded : Path.Combine(_root, decoded.Replace('/', Path.DirectorySeparatorChar));
    }

    private static JsonNode? ParseJson(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            // Duplicate keys in one object.
            return null;
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(\d{20})\.json$")]
    private static partial Regex CommitFile();

    [GeneratedRegex(@"^(\d{20})\.checkpoint\.parquet$")]
    private static partial Regex ClassicCheckpointFile();

    [GeneratedRegex(@"^(\d{20})\.checkpoint\.(\d{10})\.(\d{10})\.parquet$")]
    private static partial Regex MultiPartCheckpointFile();

    [GeneratedRegex(@"^(\d{20})\.checkpoint\.[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\.(json|parquet)$")]
    private static partial Regex UuidCheckpointFile();

    [GeneratedRegex(@"^(\d{20})\.crc$|^\d{20}\.\d{20}\.compacted\.json$")]
    private static partial Regex AuxiliaryFile();

    [GeneratedRegex(@"^\d+\.(json|checkpoint\..*|crc)$")]
    private static partial Regex VersionLikeFile();
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace Nyc311.Lake.Log;

/// <summary>Names of the files in <c>_delta_log</c> (versions zero-padded to 20 digits).</summary>
internal static partial class LogPaths
{
    public const string LogFolder = "_delta_log";
    public const string LastCheckpoint = LogFolder + "/_last_checkpoint";

    public static string Commit(long version) => $"{LogFolder}/{version:D20}.json";

    public static string Checkpoint(long version) => $"{LogFolder}/{version:D20}.checkpoint.parquet";

    /// <summary>Classifies a file name found in <c>_delta_log</c>; anything else (crc, tmp, staged) is ignored.</summary>
    public static LogFileName? Parse(string fileName)
    {
        var match = CommitPattern().Match(fileName);
        if (match.Success)
        {
            return new LogFileName(LogFileKind.Commit, ParseVersion(match), 1, 1);
        }

        match = ClassicCheckpointPattern().Match(fileName);
        if (match.Success)
        {
            return new LogFileName(LogFileKind.Checkpoint, ParseVersion(match), 1, 1);
        }

        match = MultiPartCheckpointPattern().Match(fileName);
        if (match.Success)
        {
            return new LogFileName(
                LogFileKind.Checkpoint,
                ParseVersion(match),
                int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture),
                int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture));
        }

        match = UuidCheckpointPattern().Match(fileName);
        return match.Success ? new LogFileName(LogFileKind.UuidCheckpoint, ParseVersion(match), 1, 1) : null;
    }

    private static long ParseVersion(Match match) => long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(\d{20})\.json$")]
    private static partial Regex CommitPattern();

    [GeneratedRegex(@"^(\d{20})\.checkpoint\.parquet$")]
    private static partial Regex ClassicCheckpointPattern();

    [GeneratedRegex(@"^(\d{20})\.checkpoint\.(\d{10})\.(\d{10})\.parquet$")]
    private static partial Regex MultiPartCheckpointPattern();

    [GeneratedRegex(@"^(\d{20})\.checkpoint\.[0-9a-fA-F-]{36}\.(json|parquet)$")]
    private static partial Regex UuidCheckpointPattern();
}

internal enum LogFileKind
{
    Commit,
    Checkpoint,
    UuidCheckpoint,
}

internal sealed record LogFileName(LogFileKind Kind, long Version, int Part, int Parts);

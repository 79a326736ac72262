using Nyc311.Lake.Log;
using Nyc311.Lake.Snapshot;
using Nyc311.Lake.Storage;

namespace Nyc311.Lake.Transaction;

/// <summary>What every operation on one table shares: storage, clock, options, and post-commit work.</summary>
internal sealed class DeltaTableCore(ITableStorage storage, LakeOptions options, TimeProvider time)
{
    public const string EngineInfo = "Nyc311.Lake/1.0 DuckDB/1.5";

    public ITableStorage Storage { get; } = storage;

    public LakeOptions Options { get; } = options;

    public TimeProvider Time { get; } = time;

    /// <summary>Called after data files are written and before the commit is attempted (fault-injection tests).</summary>
    public Action<long>? BeforeCommit { get; set; }

    public TableSnapshot Load(long? version = null) => SnapshotLoader.Load(Storage, LogListing.Read(Storage), version);

    /// <summary>Writes a checkpoint every <c>delta.checkpointInterval</c> (default 10) commits.</summary>
    public void AfterCommit(long version)
    {
        if (version == 0)
        {
            return;
        }

        var snapshot = Load(version);
        var interval = snapshot.Properties.TryGetValue(TableProperties.CheckpointInterval, out var text) &&
            int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 10;
        if (version % interval == 0)
        {
            CheckpointWriter.Write(Storage, snapshot, Time.GetUtcNow() - TombstoneRetention(snapshot));
        }
    }

    /// <summary>How long removed files stay protected: <c>delta.deletedFileRetentionDuration</c> or the lake default.</summary>
    public TimeSpan TombstoneRetention(TableSnapshot snapshot) =>
        snapshot.Properties.TryGetValue(TableProperties.DeletedFileRetentionDuration, out var text) && DeltaIntervals.TryParse(text, out var span)
            ? span
            : Options.DeletedFileRetention;
}

/// <summary>Parses Delta's interval strings such as <c>interval 7 days</c> or <c>interval 168 hours</c>.</summary>
internal static class DeltaIntervals
{
    public static bool TryParse(string text, out TimeSpan span)
    {
        span = default;
        var parts = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 3 && parts[0].Equals("interval", StringComparison.OrdinalIgnoreCase) &&
            double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var amount))
        {
            var unit = parts[2].ToLowerInvariant().TrimEnd('s');
            span = unit switch
            {
                "week" => TimeSpan.FromDays(7 * amount),
                "day" => TimeSpan.FromDays(amount),
                "hour" => TimeSpan.FromHours(amount),
                "minute" => TimeSpan.FromMinutes(amount),
                "second" => TimeSpan.FromSeconds(amount),
                _ => TimeSpan.MinValue,
            };
            return span != TimeSpan.MinValue;
        }

        return false;
    }
}

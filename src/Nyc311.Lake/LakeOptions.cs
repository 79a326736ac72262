using System.ComponentModel.DataAnnotations;

namespace Nyc311.Lake;

/// <summary>Settings of the table layer, bound from the configuration section "Lake".</summary>
public sealed class LakeOptions
{
    public const string SectionName = "Lake";

    /// <summary>The lake root holding one folder per layer (bronze, silver, gold). Default <c>./lake</c>.</summary>
    [Required]
    public string Root { get; set; } = "./lake";

    /// <summary>Largest Parquet data file a write produces, in bytes. Default 128 MiB.</summary>
    [Range(1024, long.MaxValue)]
    public long TargetFileSizeBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>How many times a commit is retried after losing a race to a non-conflicting writer. Default 20.</summary>
    [Range(1, 1000)]
    public int MaxCommitAttempts { get; set; } = 20;

    /// <summary>Whether new tables record in-commit timestamps (deterministic time travel). Default true.</summary>
    public bool EnableInCommitTimestamps { get; set; } = true;

    /// <summary>Tombstones younger than this are kept in checkpoints and by vacuum. Default 7 days (Delta's default).</summary>
    public TimeSpan DeletedFileRetention { get; set; } = TimeSpan.FromDays(7);
}

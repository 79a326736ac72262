using System.ComponentModel.DataAnnotations;

namespace Nyc311.Pipeline;

/// <summary>Settings of the silver and gold stages, bound from the configuration section "Pipeline".</summary>
public sealed class PipelineOptions
{
    public const string SectionName = "Pipeline";

    /// <summary>A run fails, leaving silver unchanged, when more than this share of its rows is rejected. Default 0.10.</summary>
    [Range(0.0, 1.0)]
    public double MaxRejectedShare { get; set; } = 0.10;

    /// <summary>Bronze rows the silver stage checks and merges at a time; bounds memory on large rebuilds. Default 2,000,000.</summary>
    [Range(10_000, long.MaxValue)]
    public long ChunkRows { get; set; } = 2_000_000;

    /// <summary>How far past the run's time a created date may lie before it counts as a future date. Default 1 hour.</summary>
    public TimeSpan FutureTolerance { get; set; } = TimeSpan.FromHours(1);
}

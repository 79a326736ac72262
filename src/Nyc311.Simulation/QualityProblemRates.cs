namespace Nyc311.Simulation;

/// <summary>
/// How often each data-quality problem is written, as a share of requests (0..1). The agency
/// patterns come from the 2022-2023 data-quality counts (Data/calibration/mix); the other rates are
/// modelled "small realistic shares" (no published count exists).
/// </summary>
public sealed record QualityProblemRates
{
    /// <summary>The defaults documented in the simulator README.</summary>
    public static QualityProblemRates Default { get; } = new();

    /// <summary>
    /// Write the per-agency patterns at the published 2022-2023 rates: closed before created
    /// (0.20% of closed, 95% DOT), zero durations (3.1%), created at midnight (DOHMH, DOT) or noon
    /// (DSNY), closed at midnight (DOB, DSNY) or noon (DSNY), late resolution updates (TLC).
    /// Default true.
    /// </summary>
    public bool PublishedAgencyPatterns { get; init; } = true;

    /// <summary>Missing <c>unique_key</c>. Default 0.005%.</summary>
    public double MissingUniqueKey { get; init; } = 0.00005;

    /// <summary>Unparseable <c>created_date</c>. Default 0.005%.</summary>
    public double UnparseableCreatedDate { get; init; } = 0.00005;

    /// <summary><c>created_date</c> decades in the future. Default 0.003%.</summary>
    public double FutureCreatedDate { get; init; } = 0.00003;

    /// <summary><c>closed_date</c> years after publication (closed requests only). Default 0.002%.</summary>
    public double FutureClosedDate { get; init; } = 0.00002;

    /// <summary>Coordinates outside the city (requests with coordinates only). Default 0.02%.</summary>
    public double CoordinatesOutsideCity { get; init; } = 0.0002;

    /// <summary>
    /// Borough "Unspecified". Default 0.3%: of these 60% keep their ZIP, 15% keep only the park
    /// borough and 25% keep neither.
    /// </summary>
    public double UnspecifiedBorough { get; init; } = 0.003;

    /// <summary>Complaint type with odd case or whitespace. Default 0.2%.</summary>
    public double OddComplaintTypeFormatting { get; init; } = 0.002;

    /// <summary>Closed requests also written earlier in the file in an older, still-open version. Default 1%.</summary>
    public double Republished { get; init; } = 0.01;

    internal void Validate()
    {
        foreach (var (name, value) in new[]
        {
            (nameof(MissingUniqueKey), MissingUniqueKey), (nameof(UnparseableCreatedDate), UnparseableCreatedDate),
            (nameof(FutureCreatedDate), FutureCreatedDate), (nameof(FutureClosedDate), FutureClosedDate),
            (nameof(CoordinatesOutsideCity), CoordinatesOutsideCity), (nameof(UnspecifiedBorough), UnspecifiedBorough),
            (nameof(OddComplaintTypeFormatting), OddComplaintTypeFormatting), (nameof(Republished), Republished),
        })
        {
            if (value is < 0 or > 1 || double.IsNaN(value))
            {
                throw SimulationException.InvalidOption($"QualityRates.{name}", $"{value} is not a share between 0 and 1");
            }
        }
    }
}

namespace Nyc311.Pipeline.Sql;

/// <summary>What the silver statement needs besides its input: the as-of time of the checks and the reference relations.</summary>
public sealed record SilverOptions
{
    /// <summary>
    /// The instant the run treats as now: created dates later than this (in New York wall-clock time) plus
    /// <see cref="FutureTolerance"/> are rejected as future dates. Null renders the engine's clock instead
    /// (for exported statements); runs pass their <see cref="TimeProvider"/>'s time.
    /// </summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>How far past the as-of time a created date may lie before it counts as future. Default 1 hour (clock skew, DST repeats).</summary>
    public TimeSpan FutureTolerance { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The ZIP to borough relation (columns <c>zip</c>, <c>borough</c>). Default <see cref="PipelineRelations.ZipBoroughs"/>.</summary>
    public string ZipBoroughs { get; init; } = PipelineRelations.ZipBoroughs;

    /// <summary>The holidays relation (columns <c>date</c>, <c>holiday_name</c>, <c>is_us_holiday</c>, <c>is_nyc_holiday</c>). Default <see cref="PipelineRelations.Holidays"/>.</summary>
    public string Holidays { get; init; } = PipelineRelations.Holidays;

    /// <summary>The complaint type spellings relation (columns <c>complaint_type_key</c>, <c>complaint_type</c>). Default <see cref="PipelineRelations.ComplaintTypes"/>.</summary>
    public string ComplaintTypes { get; init; } = PipelineRelations.ComplaintTypes;
}

using Nyc311.Anomalies.Series;

namespace Nyc311.Anomalies.Health;

/// <summary>Kinds of data problems: changes in the data that are not changes in demand.</summary>
public enum DataProblemKind
{
    /// <summary>A day holds far fewer requests than usual for no calendar reason: the intake stopped or the export was cut.</summary>
    PartialDay,

    /// <summary>A day has no requests at all (or no rows): nothing was ingested for it.</summary>
    IngestionGap,

    /// <summary>Requests moved from one complaint type to another while the total stayed normal.</summary>
    Reclassification,
}

/// <summary>
/// A data-health finding: not an incident and never alerted as one. The days it covers are not judged,
/// and are left out of the history later days are judged against.
/// </summary>
/// <param name="Kind">What kind of problem.</param>
/// <param name="Date">The day affected.</param>
/// <param name="Series">The series it was seen in (the citywide total for partial days and gaps; the type that lost requests for a re-classification).</param>
/// <param name="Observed">Requests that day.</param>
/// <param name="Expected">Requests expected that day.</param>
/// <param name="Explanation">Plain language, naming the numbers.</param>
public sealed record DataHealthFinding(DataProblemKind Kind, DateOnly Date, SeriesKey Series, double Observed, double Expected, string Explanation)
{
    /// <summary>The other complaint type of a re-classification (the one that gained requests).</summary>
    public string? RelatedComplaintType { get; init; }
}

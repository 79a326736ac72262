namespace Nyc311.Simulation;

/// <summary>How the API JSON writes the <c>location</c> field.</summary>
public enum LocationShape
{
    /// <summary>Each record picks one of the two shapes (both occur in real API output). The default.</summary>
    Mixed,

    /// <summary><c>{"type":"Point","coordinates":[lon,lat]}</c> (SODA 2.1 point).</summary>
    GeoJsonPoint,

    /// <summary><c>{"latitude":"..","longitude":"..","human_address":".."}</c> (legacy location column).</summary>
    LatitudeLongitude,
}

/// <summary>What the simulator produces; every default is stated on its property.</summary>
public sealed record SimulatorOptions
{
    /// <summary>
    /// The publication time the records reflect, a New York wall-clock time: requests whose closing
    /// falls later are still open. Default 2026-08-06 06:00, the morning after the last real day.
    /// </summary>
    public static readonly DateTime DefaultPublishedAsOf = new(2026, 8, 6, 6, 0, 0, DateTimeKind.Unspecified);

    /// <summary>Seed of all randomness. Same seed and day give byte-identical records. Default 311.</summary>
    public int Seed { get; init; } = 311;

    /// <summary>First day to produce (America/New_York calendar day, inclusive). Required.</summary>
    public required DateOnly From { get; init; }

    /// <summary>Last day to produce (inclusive). Required; at most 2026-08-05.</summary>
    public required DateOnly To { get; init; }

    /// <summary>Write the data-quality problems real exports have. Default true.</summary>
    public bool IncludeQualityProblems { get; init; } = true;

    /// <summary>How often each problem is written when <see cref="IncludeQualityProblems"/> is on. Default <see cref="QualityProblemRates.Default"/>.</summary>
    public QualityProblemRates QualityRates { get; init; } = QualityProblemRates.Default;

    /// <summary>See <see cref="DefaultPublishedAsOf"/>. Must not be earlier than the end of <see cref="To"/>.</summary>
    public DateTime PublishedAsOf { get; init; } = DefaultPublishedAsOf;

    /// <summary>The API JSON shape of <c>location</c>. Default <see cref="LocationShape.Mixed"/>.</summary>
    public LocationShape LocationShape { get; init; } = LocationShape.Mixed;

    /// <summary>Add the Socrata system fields <c>:id</c>, <c>:created_at</c>, <c>:updated_at</c> to API JSON, as a <c>$select=:*,*</c> query does. Default false.</summary>
    public bool IncludeSystemFields { get; init; }

    /// <summary>Days generated at once by <see cref="SimulationRun"/>; output does not depend on it. Default: the processor count.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Throws a <see cref="SimulationException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        var totals = Calibration.DailyTotals.Real;
        if (To < From)
        {
            throw SimulationException.EmptyRange(From, To);
        }

        if (From < totals.First || To > totals.Last)
        {
            throw SimulationException.RangeOutsideCalibration(From, To, totals.First, totals.Last);
        }

        if (PublishedAsOf < To.AddDays(1).ToDateTime(TimeOnly.MinValue))
        {
            throw SimulationException.InvalidOption(nameof(PublishedAsOf), $"{PublishedAsOf:yyyy-MM-dd HH:mm} is before the end of {To:yyyy-MM-dd}");
        }

        if (MaxDegreeOfParallelism < 1)
        {
            throw SimulationException.InvalidOption(nameof(MaxDegreeOfParallelism), "must be at least 1");
        }

        ArgumentNullException.ThrowIfNull(QualityRates);
        QualityRates.Validate();
    }
}

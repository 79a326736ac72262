namespace Nyc311.Anomalies.Detection;

/// <summary>The parsed, validated settings the scoring needs (from <see cref="AnomalyOptions"/>).</summary>
internal sealed record DetectionSettings
{
    public DetectorKind Detector { get; init; } = DetectorKind.Ensemble;

    public ExpectationKind Expectation { get; init; } = ExpectationKind.WeekdayMedian;

    public bool Poisson { get; init; }

    public int MinHistoryDays { get; init; } = 28;

    public int HistoryDays { get; init; } = 91;

    public int ResidualWindowDays { get; init; } = 56;

    public double RangeWidth { get; init; } = 0.95;

    public double IntervalWidth { get; init; } = 0.80;

    public static DetectionSettings From(AnomalyOptions options, DetectorKind? detector = null) => new()
    {
        Detector = detector ?? DetectorNames.ParseDetector(options.Detector),
        Expectation = DetectorNames.ParseExpectation(options.Expectation),
        Poisson = options.Distribution.Equals("poisson", StringComparison.OrdinalIgnoreCase),
        MinHistoryDays = options.MinHistoryDays,
        HistoryDays = options.HistoryDays,
        ResidualWindowDays = options.ResidualWindowDays,
        RangeWidth = options.RangeWidth,
        IntervalWidth = options.IntervalWidth,
    };
}

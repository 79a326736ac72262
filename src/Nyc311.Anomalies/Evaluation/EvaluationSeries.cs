namespace Nyc311.Anomalies.Evaluation;

/// <summary>Days of a series labelled as an event (to be detected) or as days to leave out of the count of normal days.</summary>
/// <param name="Start">First day (inclusive).</param>
/// <param name="End">Last day (inclusive).</param>
/// <param name="Label">What it is ("Isaias", "+100% for 3 days").</param>
/// <param name="Size">For an injected spike, its size relative to the series' level (1 = doubling); null for a real event.</param>
public sealed record LabeledWindow(DateOnly Start, DateOnly End, string Label, double? Size = null)
{
    public bool Contains(DateOnly day) => day >= Start && day <= End;
}

/// <summary>A daily series the evaluation judges, with its labels.</summary>
/// <param name="Name">Shown in reports.</param>
/// <param name="Source"><c>real</c> or <c>simulated</c>.</param>
/// <param name="Start">The day of <c>Values[0]</c>.</param>
/// <param name="Values">Requests per day (NaN for none).</param>
public sealed record EvaluationSeries(string Name, string Source, DateOnly Start, double[] Values)
{
    /// <summary>Spikes to detect: a hit is an alarm on one of their days.</summary>
    public IReadOnlyList<LabeledWindow> Events { get; init; } = [];

    /// <summary>Days that are neither events nor normal (yearly events, the tail after an event).</summary>
    public IReadOnlyList<LabeledWindow> Ignored { get; init; } = [];

    /// <summary>Checked first for partial days and gaps as detection checks the citywide total.</summary>
    public bool IsTotal { get; init; }

    /// <summary>Days known to be data problems (for example the real series' partial days), to report how many the check caught.</summary>
    public IReadOnlyList<DateOnly> KnownDataProblems { get; init; } = [];

    /// <summary>The first day judged; earlier days are history only. Default: the first day.</summary>
    public DateOnly? JudgeFrom { get; init; }

    /// <summary>When set, only days inside these windows are judged (to keep slow methods affordable).</summary>
    public IReadOnlyList<LabeledWindow>? JudgeOnly { get; init; }

    public DateOnly End => Start.AddDays(Values.Length - 1);
}

/// <summary>A detector configuration under evaluation.</summary>
/// <param name="Name">Shown in the table.</param>
/// <param name="Options">Detector, expectation, distribution and thresholds.</param>
public sealed record EvaluationMethod(string Name, AnomalyOptions Options);

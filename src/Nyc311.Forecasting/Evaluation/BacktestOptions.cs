namespace Nyc311.Forecasting.Evaluation;

/// <summary>How rolling-origin backtests are run; every default is stated on its property.</summary>
public sealed record BacktestOptions
{
    /// <summary>Days forecast after each cut-off; default 28.</summary>
    public int Horizon { get; init; } = 28;

    /// <summary>Number of cut-offs (forecast origins); default 3.</summary>
    public int Cutoffs { get; init; } = 3;

    /// <summary>Days between consecutive cut-offs; null is the horizon (windows that do not overlap).</summary>
    public int? Step { get; init; }

    /// <summary>Width of the prediction intervals scored; default 0.80.</summary>
    public double IntervalWidth { get; init; } = 0.80;

    /// <summary>A series takes part at a cut-off only with at least this many days up to it; default 56.</summary>
    public int MinimumTrainingDays { get; init; } = 56;

    /// <summary>Seed passed to every model; default 311.</summary>
    public int Seed { get; init; } = 311;

    /// <summary>Series fitted at once by per-series models; default 2 (the machine's cores).</summary>
    public int Parallelism { get; init; } = 2;

    /// <summary>
    /// Score point forecasts only: models that calibrate their own intervals skip it (tuning needs only MASE).
    /// Coverage and pinball loss are then meaningless. Default false.
    /// </summary>
    public bool PointForecastsOnly { get; init; }

    /// <summary>
    /// The cut-offs for data ending on <paramref name="lastDay"/>, oldest first: the newest is
    /// <c>lastDay - Horizon</c> (its window ends on the last day), each earlier one <see cref="Step"/> days before.
    /// </summary>
    public IReadOnlyList<DateOnly> CutoffDates(DateOnly lastDay)
    {
        Validate();
        var step = Step ?? Horizon;
        return [.. Enumerable.Range(0, Cutoffs).Select(k => lastDay.AddDays(-Horizon - (k * step))).Reverse()];
    }

    internal void Validate()
    {
        if (Horizon < 1)
        {
            throw ForecastOptionsException.OutOfRange("horizon", Horizon, "must be at least 1 day");
        }

        if (Cutoffs < 1)
        {
            throw ForecastOptionsException.OutOfRange("cutoffs", Cutoffs, "must be at least 1");
        }

        if (Step is < 1)
        {
            throw ForecastOptionsException.OutOfRange("cutoff-step", Step.Value, "must be at least 1 day");
        }

        if (!(IntervalWidth is > 0 and < 1))
        {
            throw ForecastOptionsException.OutOfRange("interval-width", IntervalWidth, "must be in (0, 1)");
        }

        if (MinimumTrainingDays < 14)
        {
            throw ForecastOptionsException.OutOfRange("minimum-training-days", MinimumTrainingDays, "must be at least 14");
        }
    }
}

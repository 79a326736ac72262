namespace Nyc311.Forecasting.Tuning;

/// <summary>One evaluated set of hyperparameters.</summary>
/// <param name="Number">0-based order in which trials were proposed.</param>
/// <param name="Parameters">The values tried.</param>
/// <param name="Score">The objective (lower is better); infinity when the trial failed.</param>
/// <param name="Error">Why the trial failed, or null.</param>
public sealed record Trial(int Number, IReadOnlyDictionary<string, string> Parameters, double Score, string? Error = null)
{
    /// <summary>True when the objective was computed.</summary>
    public bool Succeeded => Error is null && double.IsFinite(Score);
}

/// <summary>What a search found.</summary>
/// <param name="Best">The best parameters (the defaults when every trial failed).</param>
/// <param name="BestScore">Their score.</param>
/// <param name="Trials">Every trial in proposal order.</param>
/// <param name="StopReason">Why the search stopped: trial budget, time budget or early stopping.</param>
public sealed record TuningResult(IReadOnlyDictionary<string, string> Best, double BestScore, IReadOnlyList<Trial> Trials, string StopReason);

/// <summary>The search budget and the sampler's settings; every default is stated on its property.</summary>
public sealed record TuningOptions
{
    /// <summary>Most trials to run; default 20.</summary>
    public int MaxTrials { get; init; } = 20;

    /// <summary>Wall-clock budget; no new batch of trials starts after it. Null (default) for none.</summary>
    public TimeSpan? TimeBudget { get; init; }

    /// <summary>Stop after this many trials without a better score; default 8.</summary>
    public int Patience { get; init; } = 8;

    /// <summary>Relative gain a new best needs to count as an improvement for <see cref="Patience"/>; default 0.005 (0.5%).</summary>
    public double MinImprovement { get; init; } = 0.005;

    /// <summary>Trials evaluated at once; default 2 (the machine's cores).</summary>
    public int Parallelism { get; init; } = 2;

    /// <summary>Trials drawn at random before the TPE model takes over (the first is always the defaults); default 5.</summary>
    public int StartupTrials { get; init; } = 5;

    /// <summary>Candidates drawn from the good-trials density per proposal; default 24.</summary>
    public int Candidates { get; init; } = 24;

    /// <summary>Share of trials counted as good by the TPE split; default 0.25.</summary>
    public double Gamma { get; init; } = 0.25;

    /// <summary>Seed of the sampler; default 311.</summary>
    public int Seed { get; init; } = 311;

    internal void Validate()
    {
        if (MaxTrials < 1)
        {
            throw ForecastOptionsException.OutOfRange("tuning-trials", MaxTrials, "must be at least 1");
        }

        if (Parallelism < 1)
        {
            throw ForecastOptionsException.OutOfRange("parallelism", Parallelism, "must be at least 1");
        }

        if (Patience < 1)
        {
            throw ForecastOptionsException.OutOfRange("patience", Patience, "must be at least 1");
        }

        if (!(Gamma is > 0 and < 1))
        {
            throw ForecastOptionsException.OutOfRange("gamma", Gamma, "must be in (0, 1)");
        }

        if (TimeBudget is { } budget && budget <= TimeSpan.Zero)
        {
            throw ForecastOptionsException.OutOfRange("tuning-seconds", budget.TotalSeconds, "must be positive");
        }
    }
}

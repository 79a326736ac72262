namespace Nyc311.Forecasting.Prophet.Optimization;

/// <summary>Why an optimiser stopped (Stan's termination codes).</summary>
internal enum Termination
{
    /// <summary>Absolute change of the objective below tolerance.</summary>
    AbsoluteObjective,

    /// <summary>Relative change of the objective below tolerance.</summary>
    RelativeObjective,

    /// <summary>Gradient norm below tolerance.</summary>
    AbsoluteGradient,

    /// <summary>Relative gradient magnitude below tolerance.</summary>
    RelativeGradient,

    /// <summary>Parameter change below tolerance.</summary>
    AbsoluteParameter,

    /// <summary>Iteration limit reached.</summary>
    MaxIterations,

    /// <summary>Newton: no further improvement.</summary>
    NoImprovement,

    /// <summary>The line search could not make progress (an error in Stan).</summary>
    LineSearchFailed,
}

/// <summary>Where an optimiser stopped.</summary>
internal sealed record OptimizationResult(double[] Parameters, double Objective, int Iterations, int Evaluations, Termination Termination)
{
    public bool Succeeded => Termination != Termination.LineSearchFailed;
}

namespace Nyc311.Forecasting;

/// <summary>The model could not be fitted: the optimiser failed or the objective became non-finite.</summary>
public sealed class ForecastFitException : ForecastingException
{
    private ForecastFitException(string message)
        : base(message)
    {
    }

    /// <summary>The optimiser stopped without a usable optimum.</summary>
    public static ForecastFitException OptimizationFailed(string algorithm, string reason) =>
        new($"{algorithm} optimisation failed: {reason}");

    /// <summary>The objective or its gradient is not finite at the starting point.</summary>
    public static ForecastFitException NonFiniteStart() =>
        new("the log posterior is not finite at the initial parameters (check for extreme values)");
}

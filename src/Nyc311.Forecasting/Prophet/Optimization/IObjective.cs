namespace Nyc311.Forecasting.Prophet.Optimization;

/// <summary>A smooth (almost everywhere) function to minimise, with its gradient.</summary>
internal interface IObjective
{
    /// <summary>Number of parameters.</summary>
    int Dimension { get; }

    /// <summary>
    /// The value at <paramref name="x"/>, writing the gradient into <paramref name="gradient"/>. A non-finite
    /// value or gradient means the point is unusable (the optimisers treat it as Stan treats an exception).
    /// </summary>
    double Evaluate(ReadOnlySpan<double> x, Span<double> gradient);
}

namespace Nyc311.Anomalies.Detection.Expectations;

/// <summary>
/// The expectation for the day after a history, and the expectations of the last days of that history
/// (one-step-ahead where the model allows it, in-sample otherwise), whose residuals give the spread.
/// </summary>
/// <param name="Expected">Expected requests on the day after the history; NaN when the history is too short.</param>
/// <param name="Fitted">One value per day of the last <c>window</c> days of the history (NaN where unknown).</param>
internal readonly record struct ExpectationFit(double Expected, double[] Fitted);

/// <summary>Computes a day's expected requests from the days before it only.</summary>
internal interface IExpectationModel
{
    string Name { get; }

    /// <param name="history">Values of the days before the judged day, oldest first (NaN for missing).</param>
    /// <param name="historyStart">The day of <c>history[0]</c>.</param>
    /// <param name="window">How many of the last history days need a fitted value.</param>
    ExpectationFit Fit(ReadOnlySpan<double> history, DateOnly historyStart, int window);
}

internal static class ExpectationModels
{
    public static IExpectationModel Create(ExpectationKind kind) => kind switch
    {
        ExpectationKind.WeekdayMedian => new WeekdayMedianExpectation(),
        ExpectationKind.SeasonalNaive => new BaselineExpectation(seasonal: true),
        ExpectationKind.MovingAverage => new BaselineExpectation(seasonal: false),
        _ => new ProphetExpectation(),
    };
}

namespace Nyc311.Forecasting.Series;

/// <summary>The scale that makes errors comparable across series of very different volumes.</summary>
public static class SeriesScale
{
    /// <summary>
    /// The mean absolute error of the seasonal naive forecast in the history (<c>|y[t] - y[t - season]|</c>),
    /// which is MASE's denominator; falls back to the mean absolute value, then to 1, so it is never 0.
    /// </summary>
    public static double SeasonalNaiveError(IReadOnlyList<double> history, int season = 7)
    {
        ArgumentNullException.ThrowIfNull(history);
        var sum = 0.0;
        var count = 0;
        for (var t = season; t < history.Count; t++)
        {
            sum += Math.Abs(history[t] - history[t - season]);
            count++;
        }

        if (count > 0 && sum > 0)
        {
            return sum / count;
        }

        var level = history.Count == 0 ? 0 : history.Average(Math.Abs);
        return level > 0 ? level : 1;
    }
}

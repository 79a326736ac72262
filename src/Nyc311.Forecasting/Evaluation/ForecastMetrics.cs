namespace Nyc311.Forecasting.Evaluation;

/// <summary>Accuracy of one forecast against what happened.</summary>
/// <param name="Mase">Mean absolute error divided by the in-sample seasonal naive (weekly) error; below 1 beats last week.</param>
/// <param name="Smape">Symmetric mean absolute percentage error, in percent (0 to 200); days where both are 0 count as 0.</param>
/// <param name="Rmse">Root mean squared error, in requests per day.</param>
/// <param name="Coverage">Share of days whose actual lies inside the interval, in [0, 1].</param>
/// <param name="Pinball">Mean pinball (quantile) loss of the interval bounds at their quantiles and of the point forecast as the median, in requests per day.</param>
public sealed record MetricSet(double Mase, double Smape, double Rmse, double Coverage, double Pinball)
{
    /// <summary>The metric named <paramref name="name"/> (<c>mase</c>, <c>smape</c>, <c>rmse</c>, <c>coverage</c>, <c>pinball</c>).</summary>
    public double this[string name] => name switch
    {
        "mase" => Mase,
        "smape" => Smape,
        "rmse" => Rmse,
        "coverage" => Coverage,
        "pinball" => Pinball,
        _ => throw ForecastOptionsException.Unrecognized("metric", name, "mase, smape, rmse, coverage or pinball"),
    };

    /// <summary>The metric names, in column order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["mase", "smape", "rmse", "coverage", "pinball"];

    /// <summary>The mean of each metric over several sets.</summary>
    public static MetricSet Mean(IReadOnlyCollection<MetricSet> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        return sets.Count == 0
            ? new MetricSet(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN)
            : new MetricSet(sets.Average(s => s.Mase), sets.Average(s => s.Smape), sets.Average(s => s.Rmse), sets.Average(s => s.Coverage), sets.Average(s => s.Pinball));
    }
}

/// <summary>The forecast accuracy measures of the backtests.</summary>
public static class ForecastMetrics
{
    /// <summary>Every metric of one forecast window.</summary>
    /// <param name="actual">What happened, per day.</param>
    /// <param name="forecast">Point forecasts, per day.</param>
    /// <param name="lower">Interval lower bounds.</param>
    /// <param name="upper">Interval upper bounds.</param>
    /// <param name="scale">MASE's denominator: the in-sample seasonal naive error of the training history (positive).</param>
    /// <param name="intervalWidth">The interval's nominal coverage, which fixes the bounds' quantile levels.</param>
    public static MetricSet Evaluate(IReadOnlyList<double> actual, IReadOnlyList<double> forecast, IReadOnlyList<double> lower, IReadOnlyList<double> upper, double scale, double intervalWidth)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(forecast);
        ArgumentNullException.ThrowIfNull(lower);
        ArgumentNullException.ThrowIfNull(upper);
        if (forecast.Count != actual.Count || lower.Count != actual.Count || upper.Count != actual.Count)
        {
            throw new ArgumentException("actual, forecast and bounds must have the same length");
        }

        var lowerLevel = (1 - intervalWidth) / 2;
        var upperLevel = (1 + intervalWidth) / 2;
        return new MetricSet(
            Mase(actual, forecast, scale),
            Smape(actual, forecast),
            Rmse(actual, forecast),
            Coverage(actual, lower, upper),
            (Pinball(actual, lower, lowerLevel) + Pinball(actual, forecast, 0.5) + Pinball(actual, upper, upperLevel)) / 3);
    }

    /// <summary>Mean absolute error over <paramref name="scale"/>.</summary>
    public static double Mase(IReadOnlyList<double> actual, IReadOnlyList<double> forecast, double scale)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        return MeanOf(actual, forecast, (a, f) => Math.Abs(a - f)) / scale;
    }

    /// <summary>Mean of <c>200 |a - f| / (|a| + |f|)</c>, counting 0 where both are 0.</summary>
    public static double Smape(IReadOnlyList<double> actual, IReadOnlyList<double> forecast) =>
        MeanOf(actual, forecast, (a, f) => Math.Abs(a) + Math.Abs(f) == 0 ? 0 : 200 * Math.Abs(a - f) / (Math.Abs(a) + Math.Abs(f)));

    /// <summary>Square root of the mean squared error.</summary>
    public static double Rmse(IReadOnlyList<double> actual, IReadOnlyList<double> forecast) =>
        Math.Sqrt(MeanOf(actual, forecast, (a, f) => (a - f) * (a - f)));

    /// <summary>Share of actuals within [lower, upper].</summary>
    public static double Coverage(IReadOnlyList<double> actual, IReadOnlyList<double> lower, IReadOnlyList<double> upper)
    {
        ArgumentNullException.ThrowIfNull(actual);
        var inside = 0;
        for (var i = 0; i < actual.Count; i++)
        {
            if (actual[i] >= lower[i] && actual[i] <= upper[i])
            {
                inside++;
            }
        }

        return actual.Count == 0 ? double.NaN : (double)inside / actual.Count;
    }

    /// <summary>Mean pinball loss of <paramref name="quantile"/> at level <paramref name="level"/> in (0, 1).</summary>
    public static double Pinball(IReadOnlyList<double> actual, IReadOnlyList<double> quantile, double level) =>
        MeanOf(actual, quantile, (a, q) => a >= q ? level * (a - q) : (1 - level) * (q - a));

    private static double MeanOf(IReadOnlyList<double> actual, IReadOnlyList<double> forecast, Func<double, double, double> loss)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(forecast);
        if (actual.Count == 0)
        {
            return double.NaN;
        }

        var sum = 0.0;
        for (var i = 0; i < actual.Count; i++)
        {
            sum += loss(actual[i], forecast[i]);
        }

        return sum / actual.Count;
    }
}

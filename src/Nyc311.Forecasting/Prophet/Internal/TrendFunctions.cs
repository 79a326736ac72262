namespace Nyc311.Forecasting.Prophet.Internal;

/// <summary>Prophet's trend functions on scaled time (<c>piecewise_linear</c>, <c>piecewise_logistic</c>, <c>flat_trend</c>).</summary>
internal static class TrendFunctions
{
    /// <summary>
    /// <c>(k + sum of active deltas) * t + (m - sum of active t_change * delta)</c>, where a changepoint is
    /// active at t when <c>t &gt;= t_change</c>. Times need not be sorted; changepoints must be.
    /// </summary>
    public static void PiecewiseLinear(ReadOnlySpan<double> t, ReadOnlySpan<double> deltas, double k, double m, ReadOnlySpan<double> changepoints, Span<double> result)
    {
        for (var i = 0; i < t.Length; i++)
        {
            var rate = k;
            var offset = m;
            for (var j = 0; j < changepoints.Length && changepoints[j] <= t[i]; j++)
            {
                rate += deltas[j];
                offset += -changepoints[j] * deltas[j];
            }

            result[i] = (rate * t[i]) + offset;
        }
    }

    /// <summary>
    /// Offsets that keep the logistic trend continuous at each changepoint (Stan's <c>logistic_gamma</c>).
    /// </summary>
    public static void LogisticGamma(double k, double m, ReadOnlySpan<double> deltas, ReadOnlySpan<double> changepoints, Span<double> gamma)
    {
        var rate = k;
        var previousOffset = m;
        for (var j = 0; j < changepoints.Length; j++)
        {
            var nextRate = rate + deltas[j];
            gamma[j] = (changepoints[j] - previousOffset) * (1 - (rate / nextRate));
            previousOffset += gamma[j];
            rate = nextRate;
        }
    }

    /// <summary><c>cap / (1 + exp(-(k + active deltas) * (t - (m + active gammas))))</c>.</summary>
    public static void PiecewiseLogistic(ReadOnlySpan<double> t, ReadOnlySpan<double> cap, ReadOnlySpan<double> deltas, double k, double m, ReadOnlySpan<double> changepoints, Span<double> result)
    {
        Span<double> gamma = changepoints.Length <= 256 ? stackalloc double[changepoints.Length] : new double[changepoints.Length];
        LogisticGamma(k, m, deltas, changepoints, gamma);
        for (var i = 0; i < t.Length; i++)
        {
            var rate = k;
            var offset = m;
            for (var j = 0; j < changepoints.Length && changepoints[j] <= t[i]; j++)
            {
                rate += deltas[j];
                offset += gamma[j];
            }

            result[i] = cap[i] / (1 + Math.Exp(-rate * (t[i] - offset)));
        }
    }

    /// <summary>A constant <paramref name="m"/>.</summary>
    public static void Flat(double m, Span<double> result) => result.Fill(m);
}

namespace Nyc311.Anomalies.Maths;

/// <summary>A series split by STL into trend, seasonal and remainder (y = trend + seasonal + remainder).</summary>
public sealed record StlDecomposition(double[] Trend, double[] Seasonal, double[] Remainder);

/// <summary>
/// Seasonal-trend decomposition by LOESS (Cleveland, Cleveland, McRae and Terpenning 1990): an inner loop
/// of cycle-subseries smoothing, low-pass filtering and trend smoothing, and an outer loop of bisquare
/// robustness weights so that anomalies land in the remainder instead of bending the trend.
/// </summary>
public static class Stl
{
    /// <summary>Decomposes a complete series (no NaN) of at least two periods.</summary>
    /// <param name="y">The values, evenly spaced.</param>
    /// <param name="period">Observations per cycle (7 for daily data with a weekly cycle).</param>
    /// <param name="seasonalWindow">Odd span of the cycle-subseries smoother, at least 7 (Cleveland's n_s).</param>
    /// <param name="innerIterations">Passes of the inner loop.</param>
    /// <param name="outerIterations">Robustness passes; 0 for the non-robust version.</param>
    public static StlDecomposition Decompose(ReadOnlySpan<double> y, int period = 7, int seasonalWindow = 7, int innerIterations = 2, int outerIterations = 3)
    {
        var n = y.Length;
        if (period < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "a cycle needs at least 2 observations");
        }

        if (n < 2 * period)
        {
            throw new ArgumentException($"STL needs at least two periods ({2 * period} values), got {n}", nameof(y));
        }

        foreach (var v in y)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException("STL needs a complete series (fill missing values first)", nameof(y));
            }
        }

        var ns = Odd(Math.Max(seasonalWindow, 7));
        var nt = Odd((int)Math.Ceiling(1.5 * period / (1 - (1.5 / ns))));
        var nl = Odd(period);
        var trend = new double[n];
        var seasonal = new double[n];
        var robustness = new double[n];
        Array.Fill(robustness, 1.0);
        for (var outer = 0; outer <= outerIterations; outer++)
        {
            for (var inner = 0; inner < innerIterations; inner++)
            {
                InnerPass(y, period, ns, nt, nl, robustness, trend, seasonal);
            }

            if (outer < outerIterations)
            {
                UpdateRobustness(y, trend, seasonal, robustness);
            }
        }

        var remainder = new double[n];
        for (var i = 0; i < n; i++)
        {
            remainder[i] = y[i] - trend[i] - seasonal[i];
        }

        return new StlDecomposition(trend, seasonal, remainder);
    }

    private static void InnerPass(ReadOnlySpan<double> y, int period, int ns, int nt, int nl, double[] robustness, double[] trend, double[] seasonal)
    {
        var n = y.Length;

        // 1-2: detrend, then smooth each cycle-subseries, extended by one cycle at both ends.
        var cycle = new double[n + (2 * period)];
        for (var k = 0; k < period; k++)
        {
            var count = ((n - 1 - k) / period) + 1;
            var sub = new double[count];
            var subWeights = new double[count];
            for (var j = 0; j < count; j++)
            {
                sub[j] = y[k + (j * period)] - trend[k + (j * period)];
                subWeights[j] = robustness[k + (j * period)];
            }

            for (var j = -1; j <= count; j++)
            {
                cycle[k + ((j + 1) * period)] = Loess.At(sub, subWeights, j, ns);
            }
        }

        // 3: low-pass filter of the smoothed cycle-subseries.
        var lowPass = MovingAverage(MovingAverage(MovingAverage(cycle, period), period), 3);
        var ones = new double[n];
        Array.Fill(ones, 1.0);
        var low = new double[n];
        for (var i = 0; i < n; i++)
        {
            low[i] = Loess.At(lowPass, ones, i, nl);
        }

        // 4-6: seasonal = smoothed cycle minus its low-pass; trend = smoothed deseasonalised series.
        var deseasonalised = new double[n];
        for (var i = 0; i < n; i++)
        {
            seasonal[i] = cycle[period + i] - low[i];
            deseasonalised[i] = y[i] - seasonal[i];
        }

        for (var i = 0; i < n; i++)
        {
            trend[i] = Loess.At(deseasonalised, robustness, i, nt);
        }
    }

    private static void UpdateRobustness(ReadOnlySpan<double> y, double[] trend, double[] seasonal, double[] robustness)
    {
        var n = y.Length;
        var absolute = new double[n];
        for (var i = 0; i < n; i++)
        {
            absolute[i] = Math.Abs(y[i] - trend[i] - seasonal[i]);
        }

        var h = 6 * RobustStatistics.Median(absolute);
        for (var i = 0; i < n; i++)
        {
            var u = h > 0 ? absolute[i] / h : 0;
            robustness[i] = u < 1 ? (1 - (u * u)) * (1 - (u * u)) : 0;
        }
    }

    private static double[] MovingAverage(double[] values, int length)
    {
        var result = new double[values.Length - length + 1];
        var sum = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            sum += values[i];
            if (i >= length)
            {
                sum -= values[i - length];
            }

            if (i >= length - 1)
            {
                result[i - length + 1] = sum / length;
            }
        }

        return result;
    }

    private static int Odd(int value) => value % 2 == 1 ? value : value + 1;
}

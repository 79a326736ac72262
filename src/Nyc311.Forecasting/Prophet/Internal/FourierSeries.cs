namespace Nyc311.Forecasting.Prophet.Internal;

/// <summary>Prophet's <c>fourier_series</c>: sin/cos features of time measured in days since 1970-01-01.</summary>
internal static class FourierSeries
{
    private static readonly long EpochTicks = new DateTime(1970, 1, 1).Ticks;

    /// <summary>
    /// Days since 1970-01-01, truncated to whole seconds first as Prophet does
    /// (<c>ns // 10^9 / 86400</c>, a floor division).
    /// </summary>
    public static double DaysSinceEpoch(DateTime date)
    {
        var seconds = Math.DivRem(date.Ticks - EpochTicks, TimeSpan.TicksPerSecond, out var remainder);
        if (remainder < 0)
        {
            seconds--;
        }

        return seconds / (3600 * 24.0);
    }

    /// <summary>
    /// Writes the 2 x <paramref name="order"/> columns (sin1, cos1, sin2, cos2, ...) for each row into a
    /// row-major matrix, starting at column <paramref name="firstColumn"/> of rows of width <paramref name="rowWidth"/>.
    /// </summary>
    public static void Fill(ReadOnlySpan<double> daysSinceEpoch, double period, int order, double[] matrix, int rowWidth, int firstColumn)
    {
        for (var row = 0; row < daysSinceEpoch.Length; row++)
        {
            var xT = daysSinceEpoch[row] * Math.PI * 2;
            var offset = (row * rowWidth) + firstColumn;
            for (var i = 0; i < order; i++)
            {
                var cycle = xT * (i + 1) / period;
                matrix[offset + (2 * i)] = Math.Sin(cycle);
                matrix[offset + (2 * i) + 1] = Math.Cos(cycle);
            }
        }
    }

    /// <summary>The features of one date, for tests and single rows.</summary>
    public static double[] Features(DateTime date, double period, int order)
    {
        var result = new double[2 * order];
        Fill([DaysSinceEpoch(date)], period, order, result, 2 * order, 0);
        return result;
    }
}

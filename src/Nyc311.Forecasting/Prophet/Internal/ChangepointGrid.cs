namespace Nyc311.Forecasting.Prophet.Internal;

/// <summary>Prophet's automatic changepoint placement (<c>set_changepoints</c>).</summary>
internal static class ChangepointGrid
{
    /// <summary>
    /// The history row indices of the automatic changepoints: <c>np.linspace(0, hist_size - 1, n + 1).round()</c>
    /// without the first, where <c>hist_size = floor(rows * range)</c> and n is capped at <c>hist_size - 1</c>.
    /// Halves round to even, as numpy does. Empty when no changepoint fits.
    /// </summary>
    public static int[] Indices(int historyRows, int changepointCount, double changepointRange)
    {
        var histSize = (int)Math.Floor(historyRows * changepointRange);
        var n = changepointCount;
        if (n + 1 > histSize)
        {
            n = histSize - 1;
        }

        if (n <= 0)
        {
            return [];
        }

        var grid = Linspace(0, histSize - 1, n + 1);
        var indices = new int[n];
        for (var i = 1; i <= n; i++)
        {
            indices[i - 1] = (int)Math.Round(grid[i], MidpointRounding.ToEven);
        }

        return indices;
    }

    /// <summary>numpy's <c>linspace(start, stop, num)</c> with the endpoint: <c>i * step + start</c>, last value exactly <c>stop</c>.</summary>
    public static double[] Linspace(double start, double stop, int num)
    {
        var result = new double[num];
        if (num == 1)
        {
            result[0] = start;
            return result;
        }

        var delta = stop - start;
        var step = delta / (num - 1);
        for (var i = 0; i < num; i++)
        {
            result[i] = step == 0 ? (i / (double)(num - 1) * delta) + start : (i * step) + start;
        }

        result[num - 1] = stop;
        return result;
    }
}

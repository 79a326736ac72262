namespace Nyc311.Anomalies.Maths;

/// <summary>
/// Locally weighted linear regression at one position of an evenly spaced series, as STL uses it
/// (Cleveland et al. 1990): the q nearest points, tricube distance weights times robustness weights.
/// </summary>
internal static class Loess
{
    /// <summary>
    /// The smoothed value at <paramref name="x"/> (a position that may lie just outside 0..n-1) from the
    /// <paramref name="window"/> nearest values of <paramref name="y"/>. Falls back to the nearest value
    /// when every weight is zero.
    /// </summary>
    public static double At(ReadOnlySpan<double> y, ReadOnlySpan<double> robustness, double x, int window)
    {
        var n = y.Length;
        var q = Math.Min(window, n);
        var left = (int)Math.Clamp(Math.Round(x) - ((q - 1) / 2), 0, n - q);
        var right = left + q - 1;
        var h = Math.Max(x - left, right - x);
        if (window > n)
        {
            h += (window - n) / 2.0;
        }

        h = Math.Max(h, 0.5);
        double sw = 0, swx = 0, swy = 0, swxx = 0, swxy = 0;
        for (var j = left; j <= right; j++)
        {
            var u = Math.Abs(j - x) / h;
            if (u >= 1)
            {
                continue;
            }

            var tricube = 1 - (u * u * u);
            var w = tricube * tricube * tricube * robustness[j];
            sw += w;
            swx += w * j;
            swy += w * y[j];
            swxx += w * j * j;
            swxy += w * j * y[j];
        }

        if (sw <= 0)
        {
            return y[(int)Math.Clamp(Math.Round(x), 0, n - 1)];
        }

        var meanX = swx / sw;
        var meanY = swy / sw;
        var variance = (swxx / sw) - (meanX * meanX);
        if (variance <= 1e-12 * Math.Max(1, h * h))
        {
            return meanY;
        }

        var slope = ((swxy / sw) - (meanX * meanY)) / variance;
        return meanY + (slope * (x - meanX));
    }
}

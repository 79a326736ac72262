namespace Nyc311.Forecasting.Prophet.Internal;

/// <summary>numpy's default (<c>method='linear'</c>) percentile.</summary>
internal static class Percentile
{
    /// <summary>
    /// The <paramref name="percent"/>-th percentile of <paramref name="values"/>, found by selection in linear
    /// time; the values are reordered.
    /// </summary>
    public static double Of(Span<double> values, double percent)
    {
        if (values.Length == 1)
        {
            return values[0];
        }

        var position = percent / 100.0 * (values.Length - 1);
        var below = (int)Math.Floor(position);
        if (below >= values.Length - 1)
        {
            return Select(values, values.Length - 1);
        }

        var a = Select(values, below);
        var b = values[below + 1];
        for (var i = below + 2; i < values.Length; i++)
        {
            b = Math.Min(b, values[i]);
        }

        var fraction = position - below;
        var difference = b - a;
        return fraction >= 0.5 ? b - (difference * (1 - fraction)) : a + (difference * fraction);
    }

    /// <summary>
    /// The k-th smallest value (0-based). Afterwards every value before index k is at most it and every value
    /// after is at least it.
    /// </summary>
    public static double Select(Span<double> values, int k)
    {
        var lo = 0;
        var hi = values.Length - 1;
        while (hi > lo)
        {
            var mid = lo + ((hi - lo) / 2);
            if (values[mid] < values[lo])
            {
                (values[mid], values[lo]) = (values[lo], values[mid]);
            }

            if (values[hi] < values[lo])
            {
                (values[hi], values[lo]) = (values[lo], values[hi]);
            }

            if (values[hi] < values[mid])
            {
                (values[hi], values[mid]) = (values[mid], values[hi]);
            }

            var pivot = values[mid];
            var i = lo;
            var j = hi;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                return values[k];
            }
        }

        return values[k];
    }
}

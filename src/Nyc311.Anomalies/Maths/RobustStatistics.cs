namespace Nyc311.Anomalies.Maths;

/// <summary>Medians and the median absolute deviation, ignoring missing values (NaN).</summary>
public static class RobustStatistics
{
    /// <summary>1 / Φ⁻¹(3/4): scales a MAD to the standard deviation of a normal distribution.</summary>
    public const double MadToSigma = 1.4826022185056018;

    /// <summary>The median of the finite values (mean of the two middle ones for an even count); NaN when there are none.</summary>
    public static double Median(ReadOnlySpan<double> values)
    {
        var buffer = Finite(values);
        return MedianInPlace(buffer);
    }

    /// <summary>The median absolute deviation from the median, median(|x - median(x)|), of the finite values; NaN when there are none.</summary>
    public static double Mad(ReadOnlySpan<double> values)
    {
        var buffer = Finite(values);
        var median = MedianInPlace(buffer);
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = Math.Abs(buffer[i] - median);
        }

        return MedianInPlace(buffer);
    }

    /// <summary>The arithmetic mean of the finite values; NaN when there are none.</summary>
    public static double Mean(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        var n = 0;
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                sum += v;
                n++;
            }
        }

        return n == 0 ? double.NaN : sum / n;
    }

    /// <summary>How many values are finite.</summary>
    public static int CountFinite(ReadOnlySpan<double> values)
    {
        var n = 0;
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>The <paramref name="probability"/> quantile of the finite values, interpolating linearly between order statistics (numpy's default); NaN when there are none.</summary>
    public static double Quantile(ReadOnlySpan<double> values, double probability)
    {
        var buffer = Finite(values);
        if (buffer.Length == 0)
        {
            return double.NaN;
        }

        Array.Sort(buffer);
        var position = Math.Clamp(probability, 0, 1) * (buffer.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, buffer.Length - 1);
        return buffer[below] + ((position - below) * (buffer[above] - buffer[below]));
    }

    internal static double MedianInPlace(double[] buffer)
    {
        if (buffer.Length == 0)
        {
            return double.NaN;
        }

        Array.Sort(buffer);
        var middle = buffer.Length / 2;
        return buffer.Length % 2 == 1 ? buffer[middle] : (buffer[middle - 1] + buffer[middle]) / 2;
    }

    private static double[] Finite(ReadOnlySpan<double> values)
    {
        var buffer = new double[CountFinite(values)];
        var n = 0;
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                buffer[n++] = v;
            }
        }

        return buffer;
    }
}

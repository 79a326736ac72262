namespace Nyc311.Simulation.Model;

/// <summary>The parameter-free part of a day's mix (see <see cref="MixModel.StaticPart"/>).</summary>
internal sealed record StaticDay(DateOnly Date, int Total, double[] Factors, double[] FixedCounts);

/// <summary>
/// One day's split: <see cref="FixedCounts"/> (real Street Flooding, events' shares of the excess)
/// are written as they are; the rest of <see cref="Total"/> is drawn in proportion to <see cref="Weights"/>.
/// </summary>
internal sealed class DayMix(DateOnly date, int total, double[] weights, double[] fixedCounts)
{
    public DateOnly Date => date;

    public int Total => total;

    public double[] Weights => weights;

    /// <summary>Fixed expected counts per type (fractional; <see cref="RoundedFixedCounts"/> is what is written).</summary>
    public double[] FixedCounts => fixedCounts;

    /// <summary>Expected requests per type on the day.</summary>
    public double[] ExpectedCounts()
    {
        var weightSum = weights.Sum();
        var remaining = total - fixedCounts.Sum();
        var expected = new double[weights.Length];
        for (var t = 0; t < weights.Length; t++)
        {
            expected[t] = fixedCounts[t] + (weightSum > 0 ? remaining * weights[t] / weightSum : 0);
        }

        return expected;
    }

    /// <summary>Fixed counts rounded to whole requests, never more than the day's total.</summary>
    public int[] RoundedFixedCounts()
    {
        var counts = new int[fixedCounts.Length];
        var sum = 0;
        for (var t = 0; t < counts.Length; t++)
        {
            counts[t] = (int)Math.Floor(fixedCounts[t] + 0.5);
            sum += counts[t];
        }

        for (var t = counts.Length - 1; sum > total && t >= 0; t--)
        {
            var cut = Math.Min(counts[t], sum - total);
            counts[t] -= cut;
            sum -= cut;
        }

        return counts;
    }
}

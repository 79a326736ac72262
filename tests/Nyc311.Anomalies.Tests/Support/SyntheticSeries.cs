
namespace Nyc311.Anomalies.Tests.Support;

/// <summary>Deterministic count series with a weekly pattern, for tests.</summary>
internal static class SyntheticSeries
{
    private static readonly double[] Weekday = [0.7, 1.1, 1.1, 1.05, 1.0, 1.0, 0.75]; // Sunday first

    /// <summary>Poisson counts around <paramref name="level"/> times a weekday factor, one per day from <paramref name="start"/>.</summary>
    public static double[] Poisson(DateOnly start, int days, double level, int seed)
    {
        var random = new Random(seed);
        var values = new double[days];
        for (var i = 0; i < days; i++)
        {
            values[i] = MathNet.Numerics.Distributions.Poisson.Sample(random, level * Weekday[(int)start.AddDays(i).DayOfWeek]);
        }

        return values;
    }

    /// <summary>Negative binomial counts (variance μ + αμ²) around a weekly pattern.</summary>
    public static double[] NegativeBinomial(DateOnly start, int days, double level, double alpha, int seed)
    {
        var random = new Random(seed);
        var values = new double[days];
        for (var i = 0; i < days; i++)
        {
            var mean = level * Weekday[(int)start.AddDays(i).DayOfWeek];
            // A gamma-distributed rate (shape 1/α, mean μ) then Poisson counts: variance μ + αμ².
            var rate = MathNet.Numerics.Distributions.Gamma.Sample(random, 1 / alpha, 1 / (alpha * mean));
            values[i] = MathNet.Numerics.Distributions.Poisson.Sample(random, rate);
        }

        return values;
    }
}

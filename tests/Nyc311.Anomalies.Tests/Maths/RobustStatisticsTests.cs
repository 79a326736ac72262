using CsCheck;
using Nyc311.Anomalies.Maths;

namespace Nyc311.Anomalies.Tests.Maths;

public sealed class RobustStatisticsTests
{
    private static readonly Gen<double[]> Samples = Gen.Double[-1000, 1000].Array[1, 40];

    [Fact]
    public void Median_and_mad_of_a_known_sample()
    {
        RobustStatistics.Median([1, 2, 3, 4, 100]).ShouldBe(3);
        RobustStatistics.Median([1, 2, 3, 4]).ShouldBe(2.5);
        RobustStatistics.Mad([1, 1, 2, 2, 4, 6, 9]).ShouldBe(1);
        RobustStatistics.Median([double.NaN, 5, double.NaN]).ShouldBe(5);
        double.IsNaN(RobustStatistics.Median([])).ShouldBeTrue();
    }

    [Fact]
    public void Median_moves_and_scales_with_the_data() =>
        Gen.Select(Samples, Gen.Double[-100, 100], Gen.Double[0.1, 10]).Sample((x, shift, scale) =>
        {
            var m = RobustStatistics.Median(x);
            var moved = RobustStatistics.Median([.. x.Select(v => (v * scale) + shift)]);
            return Math.Abs(moved - ((m * scale) + shift)) < 1e-6;
        });

    [Fact]
    public void Mad_ignores_shifts_and_scales_with_the_absolute_factor() =>
        Gen.Select(Samples, Gen.Double[-100, 100], Gen.Double[-10, 10]).Sample((x, shift, scale) =>
        {
            var mad = RobustStatistics.Mad(x);
            var moved = RobustStatistics.Mad([.. x.Select(v => (v * scale) + shift)]);
            return Math.Abs(moved - (Math.Abs(scale) * mad)) < 1e-6;
        });

    [Fact]
    public void Half_the_values_are_on_each_side_of_the_median() =>
        Samples.Sample(x =>
        {
            var m = RobustStatistics.Median(x);
            return x.Count(v => v <= m) * 2 >= x.Length && x.Count(v => v >= m) * 2 >= x.Length;
        });

    [Fact]
    public void Quantiles_run_from_the_minimum_to_the_maximum() =>
        Samples.Sample(x =>
            RobustStatistics.Quantile(x, 0) == x.Min() && RobustStatistics.Quantile(x, 1) == x.Max()
            && Math.Abs(RobustStatistics.Quantile(x, 0.5) - RobustStatistics.Median(x)) < 1e-9);

    [Fact]
    public void The_mad_of_a_normal_sample_scaled_is_its_standard_deviation()
    {
        var random = new Random(3);
        var sample = Enumerable.Range(0, 20_000).Select(_ => MathNet.Numerics.Distributions.Normal.Sample(random, 5, 2)).ToArray();
        (RobustStatistics.MadToSigma * RobustStatistics.Mad(sample)).ShouldBe(2, 0.05);
    }
}

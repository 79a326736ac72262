using CsCheck;
using Nyc311.Anomalies.Maths;
using Nyc311.Anomalies.Tests.Support;

namespace Nyc311.Anomalies.Tests.Maths;

public sealed class CountDistributionTests
{
    private static readonly Gen<(double Mean, double Alpha, int Y)> Cases =
        Gen.Select(Gen.Double[0.2, 500], Gen.OneOf(Gen.Const(0.0), Gen.Double[0.001, 2]), Gen.Int[0, 800]);

    [Fact]
    public void Upper_and_lower_tails_add_up_to_one() =>
        Cases.Sample(c =>
        {
            var d = new CountDistribution(c.Mean, c.Alpha);
            return Math.Abs(d.UpperTail(c.Y + 1) + d.LowerTail(c.Y) - 1) < 1e-9;
        });

    [Fact]
    public void Tails_agree_with_the_reference_distributions() =>
        Cases.Sample(c =>
        {
            var d = new CountDistribution(c.Mean, c.Alpha);
            var cdf = c.Alpha == 0
                ? MathNet.Numerics.Distributions.Poisson.CDF(c.Mean, c.Y)
                : MathNet.Numerics.Distributions.NegativeBinomial.CDF(1 / c.Alpha, (1 / c.Alpha) / ((1 / c.Alpha) + c.Mean), c.Y);
            return Math.Abs(d.LowerTail(c.Y) - cdf) < 1e-9;
        });

    [Fact]
    public void P_values_shrink_as_the_count_grows() =>
        Cases.Sample(c =>
        {
            var d = new CountDistribution(c.Mean, c.Alpha);
            return d.UpperTail(c.Y + 1) <= d.UpperTail(c.Y) && d.LowerTail(c.Y) <= d.LowerTail(c.Y + 1);
        });

    [Fact]
    public void A_quantile_is_the_smallest_count_reaching_the_probability() =>
        Gen.Select(Gen.Double[0.2, 300], Gen.OneOf(Gen.Const(0.0), Gen.Double[0.001, 1]), Gen.Double[0.01, 0.99]).Sample((mean, alpha, p) =>
        {
            var d = new CountDistribution(mean, alpha);
            var q = d.Quantile(p);
            return d.LowerTail(q) >= p && (q == 0 || d.LowerTail(q - 1) < p);
        });

    [Fact]
    public void Far_tails_keep_their_precision()
    {
        // 1 - CDF would be exactly 0 here.
        var poisson = new CountDistribution(95, 0);
        poisson.UpperTail(300).ShouldBeInRange(1e-80, 1e-40);
        poisson.LowerTail(5).ShouldBeInRange(1e-40, 1e-25);
        new CountDistribution(95, 0.02).UpperTail(400).ShouldBeInRange(1e-40, 1e-20);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.05)]
    [InlineData(0.3)]
    public void Dispersion_is_recovered_from_counts_and_their_expectations(double alpha)
    {
        var start = new DateOnly(2025, 1, 1);
        var observed = alpha == 0 ? SyntheticSeries.Poisson(start, 400, 80, seed: 5) : SyntheticSeries.NegativeBinomial(start, 400, 80, alpha, seed: 5);
        var expected = Enumerable.Range(0, 400).Select(i => 80 * new[] { 0.7, 1.1, 1.1, 1.05, 1.0, 1.0, 0.75 }[(int)start.AddDays(i).DayOfWeek]).ToArray();
        var estimate = CountDistribution.EstimateDispersion(observed, expected);
        estimate.ShouldBe(alpha, Math.Max(0.01, alpha * 0.35));
    }

    [Fact]
    public void Dispersion_ignores_a_few_huge_past_spikes()
    {
        var observed = SyntheticSeries.NegativeBinomial(new DateOnly(2025, 1, 5), 56, 100, 0.02, seed: 9);
        var expected = Enumerable.Repeat(100.0, 56).ToArray();
        var clean = CountDistribution.EstimateDispersion(observed, expected);
        observed[10] = 2000;
        observed[30] = 1500;
        CountDistribution.EstimateDispersion(observed, expected).ShouldBe(clean, 0.02);
    }

    [Fact]
    public void An_interval_gives_back_the_dispersion_it_was_made_from()
    {
        var d = new CountDistribution(200, 0.05);
        var sigma = Math.Sqrt(d.Variance);
        var z = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.9);
        var back = CountDistribution.FromInterval(200, 200 - (z * sigma), 200 + (z * sigma), 0.8);
        back.Dispersion.ShouldBe(0.05, 1e-6);
        CountDistribution.FromInterval(200, 190, 210, 0.8).IsPoisson.ShouldBeTrue();
    }
}

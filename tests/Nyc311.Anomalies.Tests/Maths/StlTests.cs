using CsCheck;
using Nyc311.Anomalies.Maths;

namespace Nyc311.Anomalies.Tests.Maths;

public sealed class StlTests
{
    private static readonly double[] Week = [10, 30, 25, 20, 15, -40, -60];

    [Fact]
    public void Components_add_up_to_the_series() =>
        Gen.Double[0, 500].Array[14, 90].Sample(y =>
        {
            var stl = Stl.Decompose(y);
            return y.Select((v, i) => Math.Abs(stl.Trend[i] + stl.Seasonal[i] + stl.Remainder[i] - v)).Max() < 1e-9;
        });

    [Fact]
    public void A_weekly_pattern_on_a_linear_trend_is_recovered()
    {
        var y = Enumerable.Range(0, 70).Select(i => 200 + (2.0 * i) + Week[i % 7]).ToArray();
        var stl = Stl.Decompose(y);
        for (var i = 14; i < 56; i++)
        {
            stl.Trend[i].ShouldBe(200 + (2.0 * i), 3);
            stl.Seasonal[i].ShouldBe(Week[i % 7], 3);
        }
    }

    [Fact]
    public void The_robust_fit_puts_an_outlier_in_the_remainder()
    {
        var y = Enumerable.Range(0, 56).Select(i => 100 + Week[i % 7]).ToArray();
        y[30] += 900;
        var stl = Stl.Decompose(y, outerIterations: 5);
        stl.Remainder[30].ShouldBeGreaterThan(800);
        stl.Trend[29].ShouldBe(100, 10);
        stl.Seasonal[37].ShouldBe(Week[37 % 7], 10);
    }

    [Fact]
    public void Short_or_incomplete_series_are_refused()
    {
        Should.Throw<ArgumentException>(() => Stl.Decompose(new double[13]));
        var gap = new double[28];
        gap[5] = double.NaN;
        Should.Throw<ArgumentException>(() => Stl.Decompose(gap));
    }
}

using Nyc311.Forecasting.Prophet.Internal;

namespace Nyc311.Forecasting.Tests.Prophet;

/// <summary>REFERENCE.md T3: the piecewise trend functions of Prophet's unit tests.</summary>
public class TrendFunctionTests
{
    private static readonly double[] Time = [.. Enumerable.Range(0, 11).Select(i => (double)i)];

    [Fact]
    public void Piecewise_linear_bends_at_the_changepoint()
    {
        var result = new double[11];
        TrendFunctions.PiecewiseLinear(Time, [0.5], k: 1, m: 0, [5.0], result);
        result.ShouldBe([0, 1, 2, 3, 4, 5, 6.5, 8, 9.5, 11, 12.5], tolerance: 1e-12);
    }

    [Fact]
    public void Piecewise_logistic_stays_continuous_at_the_changepoint()
    {
        var result = new double[11];
        var cap = Enumerable.Repeat(10.0, 11).ToArray();
        TrendFunctions.PiecewiseLogistic(Time, cap, [0.5], k: 1, m: 0, [5.0], result);
        result.ShouldBe([5.000000, 7.310586, 8.807971, 9.525741, 9.820138, 9.933071, 9.984988, 9.996646, 9.999252, 9.999833, 9.999963], tolerance: 1e-5);
    }

    [Fact]
    public void Flat_trend_is_the_offset()
    {
        var result = new double[11];
        TrendFunctions.Flat(0.5, result);
        result.ShouldAllBe(v => v == 0.5);
    }
}

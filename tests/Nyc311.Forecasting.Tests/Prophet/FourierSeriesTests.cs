using CsCheck;
using Nyc311.Forecasting.Prophet.Internal;

namespace Nyc311.Forecasting.Tests.Prophet;

/// <summary>REFERENCE.md T2 and properties of Prophet's Fourier features.</summary>
public class FourierSeriesTests
{
    private static readonly DateTime FirstRowOfDataCsv = new(2012, 5, 18);

    [Fact]
    public void Weekly_order_3_features_of_the_first_test_row_match_Prophets_unit_test()
    {
        double[] expected = [0.7818315, 0.6234898, 0.9749279, -0.2225209, 0.4338837, -0.9009689];
        SumOfSquaredDifferences(FourierSeries.Features(FirstRowOfDataCsv, 7, 3), expected).ShouldBeLessThan(1e-12);
    }

    [Fact]
    public void Yearly_order_3_features_of_the_first_test_row_match_Prophets_unit_test()
    {
        double[] expected = [0.7006152, -0.7135393, -0.9998330, 0.01827656, 0.7262249, 0.6874572];
        SumOfSquaredDifferences(FourierSeries.Features(FirstRowOfDataCsv, 365.25, 3), expected).ShouldBeLessThan(1e-12);
    }

    [Fact]
    public void Time_is_days_since_the_epoch_truncated_to_whole_seconds()
    {
        FourierSeries.DaysSinceEpoch(new DateTime(1970, 1, 2)).ShouldBe(1.0);
        FourierSeries.DaysSinceEpoch(new DateTime(1970, 1, 1, 12, 0, 0, 999)).ShouldBe(0.5);
        FourierSeries.DaysSinceEpoch(new DateTime(1969, 12, 31, 23, 59, 59, 500)).ShouldBe(-1.0 / 86400);
    }

    [Fact]
    public void Each_sine_and_cosine_pair_lies_on_the_unit_circle()
    {
        Gen.Select(Gen.Int[0, 40_000], Gen.Double[0.5, 400], Gen.Int[1, 12]).Sample((day, period, order) =>
        {
            var features = FourierSeries.Features(new DateTime(1950, 1, 1).AddDays(day), period, order);
            for (var i = 0; i < order; i++)
            {
                var norm = (features[2 * i] * features[2 * i]) + (features[(2 * i) + 1] * features[(2 * i) + 1]);
                Math.Abs(norm - 1).ShouldBeLessThan(1e-12);
            }
        });
    }

    [Fact]
    public void Features_repeat_after_a_whole_period()
    {
        Gen.Select(Gen.Int[0, 40_000], Gen.Int[1, 60], Gen.Int[1, 10]).Sample((day, period, order) =>
        {
            var date = new DateTime(1950, 1, 1).AddDays(day);
            var now = FourierSeries.Features(date, period, order);
            var later = FourierSeries.Features(date.AddDays(period), period, order);
            SumOfSquaredDifferences(now, later).ShouldBeLessThan(1e-14);
        });
    }

    [Fact]
    public void The_i_th_pair_is_the_sine_and_cosine_of_i_times_the_phase()
    {
        Gen.Select(Gen.Int[0, 40_000], Gen.Double[1, 400], Gen.Int[2, 10]).Sample((day, period, order) =>
        {
            var date = new DateTime(1950, 1, 1).AddDays(day);
            var features = FourierSeries.Features(date, period, order);
            var phase = 2 * Math.PI * FourierSeries.DaysSinceEpoch(date) / period;
            for (var i = 1; i <= order; i++)
            {
                Math.Abs(features[2 * (i - 1)] - Math.Sin(i * phase)).ShouldBeLessThan(1e-6);
                Math.Abs(features[(2 * (i - 1)) + 1] - Math.Cos(i * phase)).ShouldBeLessThan(1e-6);
            }
        });
    }

    private static double SumOfSquaredDifferences(double[] a, double[] b) => a.Zip(b, (x, y) => (x - y) * (x - y)).Sum();
}

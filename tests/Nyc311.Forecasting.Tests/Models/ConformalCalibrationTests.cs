using CsCheck;
using Nyc311.Forecasting.Models;

namespace Nyc311.Forecasting.Tests.Models;

public class ConformalCalibrationTests
{
    [Fact]
    public void Intervals_from_exchangeable_residuals_cover_new_ones_at_the_nominal_rate()
    {
        var random = new Random(3);
        var calibration = ConformalCalibration.FromResiduals(
            Enumerable.Range(0, 2000).Select(i => (1 + (i % 7), Normal(random))), 7, 0.8);

        var covered = 0;
        const int trials = 4000;
        for (var i = 0; i < trials; i++)
        {
            var (lower, upper) = calibration.Interval(0, 1, 1 + (i % 7));
            var residual = Normal(random);
            covered += residual >= lower && residual <= upper ? 1 : 0;
        }

        ((double)covered / trials).ShouldBe(0.8, 0.03);
        calibration.Residuals.ShouldBe(2000);
    }

    [Fact]
    public void The_interval_scales_with_the_series_and_widens_beyond_the_calibrated_horizons()
    {
        var calibration = new ConformalCalibration(0.8, [-1, -2], [1, 2], 10);

        calibration.Interval(100, 10, 1).ShouldBe((90.0, 110.0));
        calibration.Interval(100, 10, 2).ShouldBe((80.0, 120.0));
        var (lower, upper) = calibration.Interval(100, 10, 8);
        lower.ShouldBe(100 - (20 * 2), 1e-9);
        upper.ShouldBe(100 + (20 * 2), 1e-9);
    }

    [Fact]
    public void Quantiles_are_ordered_for_any_residuals() =>
        Gen.Double[-50, 50].Array[1, 80].Sample(residuals =>
        {
            var calibration = ConformalCalibration.FromResiduals(residuals.Select((r, i) => (1 + (i % 3), r)), 3, 0.9);
            return Enumerable.Range(0, 3).All(h => calibration.Lower[h] <= calibration.Upper[h]);
        });

    [Fact]
    public void Without_residuals_the_interval_collapses_onto_the_forecast() =>
        ConformalCalibration.FromResiduals([], 1, 0.8).Interval(42, 5, 3).ShouldBe((42.0, 42.0));

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

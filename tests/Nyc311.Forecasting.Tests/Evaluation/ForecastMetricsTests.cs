using CsCheck;
using Nyc311.Forecasting.Evaluation;

namespace Nyc311.Forecasting.Tests.Evaluation;

public class ForecastMetricsTests
{
    [Fact]
    public void Metrics_of_a_small_window_match_their_definitions()
    {
        double[] actual = [10, 0, 5];
        double[] forecast = [8, 0, 10];
        double[] lower = [9, 0, 6];
        double[] upper = [12, 1, 12];

        var metrics = ForecastMetrics.Evaluate(actual, forecast, lower, upper, scale: 2, intervalWidth: 0.8);

        metrics.Mase.ShouldBe((2 + 0 + 5) / 3.0 / 2, 1e-12);
        metrics.Smape.ShouldBe((200 * 2 / 18.0 + 0 + (200 * 5 / 15.0)) / 3, 1e-12);
        metrics.Rmse.ShouldBe(Math.Sqrt((4 + 0 + 25) / 3.0), 1e-12);
        metrics.Coverage.ShouldBe(2 / 3.0, 1e-12);
        var lowerLoss = ((0.1 * 1) + (0.9 * 0) + (0.9 * 1)) / 3;
        var medianLoss = ((0.5 * 2) + 0 + (0.5 * 5)) / 3;
        var upperLoss = ((0.1 * 2) + (0.1 * 1) + (0.1 * 7)) / 3;
        metrics.Pinball.ShouldBe((lowerLoss + medianLoss + upperLoss) / 3, 1e-12);
    }

    [Fact]
    public void A_perfect_forecast_scores_zero_error_and_full_coverage() =>
        Gen.Double[0, 500].Array[1, 40].Sample(actual =>
        {
            var m = ForecastMetrics.Evaluate(actual, actual, actual, actual, 1, 0.8);
            return m.Mase == 0 && m.Smape == 0 && m.Rmse == 0 && m.Coverage == 1 && m.Pinball == 0;
        });

    [Fact]
    public void Smape_stays_within_0_and_200_and_pinball_is_never_negative() =>
        Gen.Select(Gen.Double[0, 500].Array[5], Gen.Double[0, 500].Array[5]).Sample((actual, forecast) =>
        {
            var smape = ForecastMetrics.Smape(actual, forecast);
            return smape is >= 0 and <= 200 && ForecastMetrics.Pinball(actual, forecast, 0.9) >= 0;
        });
}

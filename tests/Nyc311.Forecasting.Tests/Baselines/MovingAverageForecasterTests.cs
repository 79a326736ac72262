using CsCheck;
using Nyc311.Forecasting.Baselines;

namespace Nyc311.Forecasting.Tests.Baselines;

public class MovingAverageForecasterTests
{
    [Fact]
    public void The_forecast_is_the_mean_of_the_last_window()
    {
        double[] values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        var forecast = new MovingAverageForecaster(window: 4).Forecast(SeasonalNaiveForecasterTests.Days(10), values, 5);
        forecast.Yhat.Skip(10).ShouldAllBe(v => v == 8.5);
        forecast.Yhat[4].ShouldBe(2.5);
        double.IsNaN(forecast.Yhat[3]).ShouldBeTrue();
    }

    [Fact]
    public void Fitted_values_are_trailing_means_for_any_window()
    {
        Gen.Select(Gen.Double[-100, 100].Array[10, 60], Gen.Int[1, 9]).Sample((values, window) =>
        {
            var forecast = new MovingAverageForecaster(window).Forecast(SeasonalNaiveForecasterTests.Days(values.Length), values, 3);
            for (var i = window; i < values.Length; i++)
            {
                forecast.Yhat[i].ShouldBe(values.Skip(i - window).Take(window).Average(), 1e-9);
            }

            forecast.Yhat[^1].ShouldBe(values.TakeLast(window).Average(), 1e-9);
        });
    }

    [Fact]
    public void Intervals_widen_with_the_horizon_on_a_random_walk()
    {
        var random = new Random(3);
        var walk = new double[400];
        for (var i = 1; i < walk.Length; i++)
        {
            walk[i] = walk[i - 1] + (random.NextDouble() - 0.5);
        }

        var forecast = new MovingAverageForecaster(7).Forecast(SeasonalNaiveForecasterTests.Days(400), walk, 60);
        double Width(int i) => forecast.YhatUpper[i] - forecast.YhatLower[i];
        Width(459).ShouldBeGreaterThan(Width(400));
        forecast.Columns.Select(c => c.Name).ShouldBe(["yhat_lower", "yhat_upper", "yhat"]);
    }

    [Fact]
    public void Future_dates_follow_the_inferred_frequency()
    {
        var months = Enumerable.Range(0, 24).Select(i => new DateTime(2020, 1, 1).AddMonths(i)).ToArray();
        var forecast = new MovingAverageForecaster(3).Forecast(months, months.Select((_, i) => (double)i).ToArray(), 2);
        forecast.Dates[^2].ShouldBe(new DateTime(2022, 1, 1));
        forecast.Dates[^1].ShouldBe(new DateTime(2022, 2, 1));
    }

    [Fact]
    public void A_window_longer_than_the_series_is_rejected()
    {
        Should.Throw<ForecastInputException>(() => new MovingAverageForecaster(30).Forecast(SeasonalNaiveForecasterTests.Days(5), [1.0, 2, 3, 4, 5], 1));
        Should.Throw<ForecastOptionsException>(() => new MovingAverageForecaster(0));
    }
}

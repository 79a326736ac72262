using Nyc311.Forecasting.Models;
using Nyc311.Forecasting.Series;

namespace Nyc311.Forecasting.Tests.Models;

public class ModelForecastTests
{
    [Fact]
    public void Prophet_with_holidays_forecasts_the_real_citywide_totals_within_their_range()
    {
        var history = SeriesFixtures.CitywideTail(400).Until(new DateOnly(2025, 12, 20));
        var forecaster = Forecasters.Create(new ModelSpec(ModelNames.Prophet, new Dictionary<string, string> { ["uncertainty_samples"] = "200" }));

        var forecast = forecaster.Forecast([history], new ForecastSettings { Horizon = 14 }, TestContext.Current.CancellationToken).ShouldHaveSingleItem();

        forecast.Horizon.ShouldBe(14);
        forecast.DateAt(0).ShouldBe(new DateOnly(2025, 12, 21));
        forecast.Mean.ShouldAllBe(v => v > 3_000 && v < 15_000);
        // Christmas Day (a holiday with a window) is forecast below the Mondays around it.
        var christmas = forecast.Mean[4];
        christmas.ShouldBeLessThan(forecast.Mean[1]);
        Enumerable.Range(0, 14).ShouldAllBe(h => forecast.Lower[h] <= forecast.Mean[h] && forecast.Mean[h] <= forecast.Upper[h]);
    }

    [Fact]
    public void Baselines_never_forecast_negative_counts()
    {
        double[] values = [0, 0, 5, 0, 0, 9, 0, 0, 0, 1, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 2];
        var series = new DailySeries(new SeriesKey("Sparse", "BRONX"), new DateOnly(2026, 3, 1), values);

        foreach (var model in new[] { ModelNames.SeasonalNaive, ModelNames.MovingAverage })
        {
            var forecast = Forecasters.Create(new ModelSpec(model)).Forecast([series], new ForecastSettings { Horizon = 21 }, TestContext.Current.CancellationToken).Single();
            forecast.Lower.ShouldAllBe(v => v >= 0);
            forecast.Mean.ShouldAllBe(v => v >= 0);
            forecast.Upper.ShouldAllBe(v => v >= 0);
        }
    }

    [Fact]
    public void An_unknown_model_name_is_refused_with_the_accepted_ones() =>
        Should.Throw<ForecastOptionsException>(() => new ModelSpec("arima")).Message.ShouldContain("seasonal_naive, moving_average, prophet, lightgbm");
}

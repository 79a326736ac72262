using CsCheck;
using Nyc311.Forecasting.Baselines;

namespace Nyc311.Forecasting.Tests.Baselines;

public class SeasonalNaiveForecasterTests
{
    private static readonly DateTime Start = new(2024, 1, 1);

    [Fact]
    public void The_forecast_repeats_the_same_weekday_of_the_last_week()
    {
        var values = Enumerable.Range(0, 28).Select(i => (double)((i % 7) * 10) + (i / 7)).ToArray();
        var forecast = new SeasonalNaiveForecaster().Forecast(Days(28), values, 10);
        forecast.Dates.Count.ShouldBe(38);
        forecast.HistoryCount.ShouldBe(28);
        for (var h = 0; h < 10; h++)
        {
            // Target day 28 + h has the weekday of day 21 + h % 7 (the last week).
            forecast.Yhat[28 + h].ShouldBe(values[21 + (h % 7)]);
        }

        double.IsNaN(forecast.Yhat[3]).ShouldBeTrue();
        forecast.Yhat[10].ShouldBe(values[3]);
    }

    [Fact]
    public void Intervals_come_from_the_errors_of_the_same_number_of_weeks_back()
    {
        // A weekly pattern plus a steady weekly rise of 1: every one-week error is exactly 1, two-week
        // errors 2. Both quantiles are then above 0, and the band is widened down to the forecast itself.
        var values = Enumerable.Range(0, 70).Select(i => ((i % 7) * 10.0) + (i / 7)).ToArray();
        var forecast = new SeasonalNaiveForecaster().Forecast(Days(70), values, 14);
        for (var i = 70; i < 77; i++)
        {
            forecast.YhatLower[i].ShouldBe(forecast.Yhat[i], 1e-12);
            (forecast.YhatUpper[i] - forecast.Yhat[i]).ShouldBe(1, 1e-12);
        }

        for (var i = 77; i < 84; i++)
        {
            forecast.YhatLower[i].ShouldBe(forecast.Yhat[i], 1e-12);
            (forecast.YhatUpper[i] - forecast.Yhat[i]).ShouldBe(2, 1e-12);
        }
    }

    [Fact]
    public void The_interval_contains_the_forecast_for_any_series()
    {
        Gen.Double[0, 500].Array[21, 80].Sample(values =>
        {
            var forecast = new SeasonalNaiveForecaster().Forecast(Days(values.Length), values, 21);
            for (var i = values.Length; i < forecast.Dates.Count; i++)
            {
                forecast.YhatLower[i].ShouldBeLessThanOrEqualTo(forecast.Yhat[i]);
                forecast.YhatUpper[i].ShouldBeGreaterThanOrEqualTo(forecast.Yhat[i]);
            }
        });
    }

    [Fact]
    public void Clamping_keeps_counts_non_negative()
    {
        var values = Enumerable.Range(0, 35).Select(i => i % 7 == 0 ? 0.0 : 40 - i).ToArray();
        var forecast = new SeasonalNaiveForecaster(options: new BaselineOptions { ClampAtZero = true }).Forecast(Days(35), values, 14);
        forecast.YhatLower.Where(v => !double.IsNaN(v)).ShouldAllBe(v => v >= 0);
        forecast.Yhat.Where(v => !double.IsNaN(v)).ShouldAllBe(v => v >= 0);
    }

    [Fact]
    public void Missing_values_fall_back_to_an_earlier_week()
    {
        var values = Enumerable.Range(0, 21).Select(i => (double)i).ToArray();
        values[14] = double.NaN;
        var forecast = new SeasonalNaiveForecaster().Forecast(Days(21), values, 1);
        forecast.Dates[^1].ShouldBe(new DateTime(2024, 1, 22));
        forecast.Yhat[^1].ShouldBe(7);
    }

    [Fact]
    public void Duplicate_dates_and_too_little_data_are_rejected()
    {
        Should.Throw<ForecastInputException>(() => new SeasonalNaiveForecaster().Forecast([Start, Start], [1.0, 2.0], 1, "dup.csv")).Message.ShouldContain("dup.csv");
        Should.Throw<ForecastInputException>(() => new SeasonalNaiveForecaster().Forecast([Start], [1.0], 1));
        Should.Throw<ForecastOptionsException>(() => new SeasonalNaiveForecaster(options: new BaselineOptions { IntervalWidth = 1 }));
    }

    internal static DateTime[] Days(int count) => [.. Enumerable.Range(0, count).Select(i => Start.AddDays(i))];
}

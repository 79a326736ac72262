using Nyc311.Forecasting.Prophet;

namespace Nyc311.Forecasting.Tests.Prophet;

/// <summary>The simulated intervals: seeded, Prophet's percentiles, and clamping for counts.</summary>
public class UncertaintyTests
{
    private static readonly Lazy<ProphetModel> Short = new(() =>
        ProphetModel.Fit(TestData.Head(TestData.Peyton, 800), new ProphetOptions { UncertaintySamples = 300 }));

    [Fact]
    public void The_same_seed_gives_the_same_intervals_and_another_seed_different_ones()
    {
        var dates = Short.Value.MakeFutureDates(60);
        var first = Short.Value.Predict(dates);
        var again = Short.Value.Predict(dates);
        first.YhatLower.ShouldBe(again.YhatLower);
        first.YhatUpper.ShouldBe(again.YhatUpper);

        var reseeded = ProphetModel.Fit(TestData.Head(TestData.Peyton, 800), new ProphetOptions { UncertaintySamples = 300, Seed = 7 }).Predict(dates);
        reseeded.Yhat.ShouldBe(first.Yhat);
        reseeded.YhatUpper.ShouldNotBe(first.YhatUpper);
    }

    [Fact]
    public void History_intervals_come_from_the_observation_noise_alone()
    {
        var model = Short.Value;
        var forecast = model.Predict(model.MakeFutureDates(0));
        var sigma = model.Parameters.SigmaObs * model.YScale;

        // The 10th..90th percentile of normal noise spans 2 x 1.2816 sigma; 300 draws estimate it within a few percent.
        var widths = forecast.Dates.Select((_, i) => forecast.YhatUpper[i] - forecast.YhatLower[i]).ToArray();
        widths.Average().ShouldBe(2 * 1.2816 * sigma, 0.03 * 2 * 1.2816 * sigma);
        forecast["trend_lower"].ShouldBe(forecast["trend"]);
        forecast["trend_upper"].ShouldBe(forecast["trend"]);
    }

    [Fact]
    public void Future_trend_uncertainty_grows_with_the_horizon()
    {
        var model = Short.Value;
        var forecast = model.Predict(model.MakeFutureDates(300, includeHistory: false));
        double Spread(int i) => forecast["trend_upper"][i] - forecast["trend_lower"][i];
        Spread(299).ShouldBeGreaterThan(Spread(30));
        Spread(30).ShouldBeGreaterThan(0);
        for (var i = 0; i < 300; i++)
        {
            forecast.YhatLower[i].ShouldBeLessThan(forecast.Yhat[i]);
            forecast.YhatUpper[i].ShouldBeGreaterThan(forecast.Yhat[i]);
        }
    }

    [Fact]
    public void Wider_interval_width_gives_wider_intervals()
    {
        var dates = Short.Value.MakeFutureDates(30, includeHistory: false);
        var narrow = Short.Value.Predict(dates);
        var wide = ProphetModel.Fit(TestData.Head(TestData.Peyton, 800), new ProphetOptions { UncertaintySamples = 300, IntervalWidth = 0.95 }).Predict(dates);
        for (var i = 0; i < 30; i++)
        {
            (wide.YhatUpper[i] - wide.YhatLower[i]).ShouldBeGreaterThan(narrow.YhatUpper[i] - narrow.YhatLower[i]);
        }
    }

    [Fact]
    public void Clamping_floors_forecasts_of_counts_at_zero_but_Prophet_behaviour_stays_available()
    {
        // A falling series of small counts whose extrapolation goes negative.
        var dates = Enumerable.Range(0, 120).Select(i => new DateTime(2023, 1, 1).AddDays(i)).ToArray();
        var counts = dates.Select((_, i) => Math.Max(0, 30 - (0.25 * i)) + (i % 7 == 0 ? 3 : 0)).ToArray();
        var data = new ProphetData(dates, counts);
        var pure = ProphetModel.Fit(data, new ProphetOptions { UncertaintySamples = 200 });
        var pureForecast = pure.Predict(pure.MakeFutureDates(60));
        pureForecast.Yhat.Min().ShouldBeLessThan(0);
        pureForecast.YhatLower.Min().ShouldBeLessThan(0);

        var clamped = ProphetModel.Fit(data, new ProphetOptions { UncertaintySamples = 200, ClampAtZero = true });
        var clampedForecast = clamped.Predict(clamped.MakeFutureDates(60));
        clampedForecast.Yhat.ShouldAllBe(v => v >= 0);
        clampedForecast.YhatLower.ShouldAllBe(v => v >= 0);
        clampedForecast.YhatUpper.ShouldAllBe(v => v >= 0);
        for (var i = 0; i < clampedForecast.Dates.Count; i++)
        {
            clampedForecast.Yhat[i].ShouldBe(Math.Max(0, pureForecast.Yhat[i]));
        }
    }

    [Fact]
    public void Without_samples_the_bounds_collapse_onto_the_point_forecast()
    {
        var model = ProphetModel.Fit(TestData.Head(TestData.DailyUnivariate, 200), new ProphetOptions { UncertaintySamples = 0 });
        var forecast = model.Predict(model.MakeFutureDates(10));
        forecast.YhatLower.ShouldBe(forecast.Yhat);
        forecast.HasColumn("trend_lower").ShouldBeFalse();
        forecast.HasColumn("weekly_lower").ShouldBeFalse();
    }
}

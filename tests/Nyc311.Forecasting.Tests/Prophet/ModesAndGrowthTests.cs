using Nyc311.Forecasting.Prophet;

namespace Nyc311.Forecasting.Tests.Prophet;

/// <summary>Multiplicative seasonality, logistic and flat growth, and the optimisers.</summary>
public class ModesAndGrowthTests
{
    private static readonly Lazy<ProphetData> AirPassengers = new(() =>
        Nyc311.Forecasting.Prophet.Csv.ProphetCsv.ReadSeries(TestData.PathOf("example_air_passengers.csv")));

    [Fact]
    public void Multiplicative_seasonality_fits_air_passengers_better_than_additive()
    {
        var additive = InSampleRmse(new ProphetOptions { UncertaintySamples = 0 });
        var multiplicative = InSampleRmse(new ProphetOptions { SeasonalityMode = SeasonalityMode.Multiplicative, UncertaintySamples = 0 });
        multiplicative.ShouldBeLessThan(0.7 * additive);
    }

    [Fact]
    public void Multiplicative_terms_scale_the_trend_and_additive_terms_are_zero()
    {
        var model = ProphetModel.Fit(AirPassengers.Value, new ProphetOptions { SeasonalityMode = SeasonalityMode.Multiplicative, UncertaintySamples = 0 });
        model.Seasonalities.ShouldAllBe(s => s.Mode == SeasonalityMode.Multiplicative);
        var f = model.Predict(model.MakeFutureDates(24, SeriesFrequency.MonthStart));
        f.Dates[^1].ShouldBe(new DateTime(1962, 12, 1));
        for (var i = 0; i < f.Dates.Count; i++)
        {
            f["additive_terms"][i].ShouldBe(0);
            f["multiplicative_terms"][i].ShouldBe(f["yearly"][i], 1e-12);
            f.Yhat[i].ShouldBe(f["trend"][i] * (1 + f["yearly"][i]), 1e-9);
        }
    }

    [Fact]
    public void Holidays_can_be_multiplicative_while_seasonality_is_additive()
    {
        var options = new ProphetOptions
        {
            UncertaintySamples = 0,
            Holidays = PeytonFits.PlayoffsAndSuperbowls,
            HolidaysMode = SeasonalityMode.Multiplicative,
        };
        var model = ProphetModel.Fit(TestData.Head(TestData.Peyton, 1200), options);
        var f = model.Predict(model.MakeFutureDates(0));
        var i = f.Dates.ToList().IndexOf(new DateTime(2010, 1, 16));
        f["multiplicative_terms"][i].ShouldBe(f["holidays"][i], 1e-12);
        f["additive_terms"][i].ShouldBe(f["weekly"][i] + f["yearly"][i], 1e-12);
    }

    [Fact]
    public void Logistic_growth_saturates_below_the_capacity()
    {
        // Prophet's docs example: log page views of R with cap 8.5.
        var data = TestData.Head(TestData.DailyUnivariate, 400);
        var cap = Enumerable.Repeat(80.0, data.Count).ToArray();
        var model = ProphetModel.Fit(new ProphetData(data.Dates, data.Values) { Cap = cap }, new ProphetOptions { Growth = ProphetGrowth.Logistic, UncertaintySamples = 200 });
        var dates = model.MakeFutureDates(2000);
        var f = model.Predict(new ProphetData(dates) { Cap = Enumerable.Repeat(80.0, dates.Count).ToArray() });
        f["trend"].ShouldAllBe(t => t < 80 && t > 0);
        f["cap"].ShouldAllBe(c => c == 80);
        f["trend_upper"][^1].ShouldBeGreaterThanOrEqualTo(f["trend_lower"][^1]);
    }

    [Fact]
    public void Logistic_growth_with_a_floor_recovers_a_saturating_curve()
    {
        // y = 10 + 80 / (1 + exp(-0.03 (i - 200))) plus a small weekly wiggle, daily for 400 days.
        const int n = 400;
        var dates = Enumerable.Range(0, n).Select(i => new DateTime(2021, 1, 1).AddDays(i)).ToArray();
        var truth = Enumerable.Range(0, n).Select(i => 10 + (80 / (1 + Math.Exp(-0.03 * (i - 200))))).ToArray();
        var y = truth.Select((v, i) => v + Math.Sin(2 * Math.PI * i / 7)).ToArray();
        var cap = Enumerable.Repeat(90.0, n).ToArray();
        var floor = Enumerable.Repeat(10.0, n).ToArray();
        var model = ProphetModel.Fit(new ProphetData(dates, y) { Cap = cap, Floor = floor }, new ProphetOptions { Growth = ProphetGrowth.Logistic, UncertaintySamples = 100 });
        var future = model.MakeFutureDates(200);
        var f = model.Predict(new ProphetData(future) { Cap = [.. Enumerable.Repeat(90.0, future.Count)], Floor = [.. Enumerable.Repeat(10.0, future.Count)] });
        for (var i = 0; i < n; i++)
        {
            f["trend"][i].ShouldBe(truth[i], 1.5);
        }

        f["trend"].ShouldAllBe(t => t > 10 && t < 90);
        f["floor"].ShouldAllBe(v => v == 10);
        f["trend"][^1].ShouldBeGreaterThan(88);
        Should.Throw<ForecastInputException>(() => model.Predict(future)).Message.ShouldContain("floor");
    }

    [Fact]
    public void Lbfgs_and_Newton_reach_the_same_posterior_mode_on_a_short_series()
    {
        var data = TestData.Head(TestData.DailyUnivariate, 90);
        var lbfgs = ProphetModel.Fit(data, new ProphetOptions { Algorithm = ProphetAlgorithm.Lbfgs, UncertaintySamples = 0, CmdStanSignificantDigits = null });
        var newton = ProphetModel.Fit(data, new ProphetOptions { UncertaintySamples = 0, CmdStanSignificantDigits = null });
        newton.FitInfo.Algorithm.ShouldBe(ProphetAlgorithm.Newton);
        lbfgs.FitInfo.Algorithm.ShouldBe(ProphetAlgorithm.Lbfgs);

        // Both stop by Stan's loose default tolerances near (not at) the mode, so they agree only approximately.
        lbfgs.FitInfo.NegativeLogPosterior.ShouldBe(newton.FitInfo.NegativeLogPosterior, 1.0);
        var a = lbfgs.Predict(lbfgs.MakeFutureDates(0)).Yhat;
        var b = newton.Predict(newton.MakeFutureDates(0)).Yhat;
        a.Zip(b, (x, y) => Math.Abs(x - y)).Max().ShouldBeLessThan(0.05 * data.Values!.Max());
    }

    [Fact]
    public void A_constant_series_keeps_the_initial_values_as_Prophet_does()
    {
        var dates = Enumerable.Range(0, 30).Select(i => new DateTime(2024, 1, 1).AddDays(i)).ToArray();
        var model = ProphetModel.Fit(new ProphetData(dates, Enumerable.Repeat(5.0, 30).ToArray()));
        model.Parameters.SigmaObs.ShouldBe(1e-9, 1e-15);
        model.Predict(model.MakeFutureDates(5)).Yhat.ShouldAllBe(v => Math.Abs(v - 5) < 1e-9);
    }

    [Fact]
    public void Explicit_changepoints_and_no_changepoints_are_honoured()
    {
        var data = TestData.Head(TestData.DailyUnivariate, 200);
        var one = ProphetModel.Fit(data, new ProphetOptions { Changepoints = [new DateTime(2012, 8, 1)], UncertaintySamples = 0 });
        one.ChangepointDates.ShouldBe([new DateTime(2012, 8, 1)]);
        one.Parameters.Delta.Count.ShouldBe(1);

        var none = ProphetModel.Fit(data, new ProphetOptions { ChangepointCount = 0, UncertaintySamples = 0 });
        none.ChangepointDates.ShouldBeEmpty();
        none.Parameters.Delta.ShouldBe([0.0]);

        Should.Throw<ForecastOptionsException>(() => ProphetModel.Fit(data, new ProphetOptions { Changepoints = [new DateTime(2030, 1, 1)] }));
    }

    [Theory]
    [InlineData(0.0, "changepoint-prior-scale")]
    [InlineData(-1.0, "changepoint-prior-scale")]
    public void Invalid_options_are_rejected_with_the_option_name(double value, string option)
    {
        var error = Should.Throw<ForecastOptionsException>(() => ProphetModel.Fit(TestData.DailyUnivariate, new ProphetOptions { ChangepointPriorScale = value }));
        error.Option.ShouldBe(option);
        Should.Throw<ForecastOptionsException>(() => ProphetModel.Fit(TestData.DailyUnivariate, new ProphetOptions { IntervalWidth = 1.5 })).Option.ShouldBe("interval-width");
    }

    [Fact]
    public void Fewer_than_two_values_is_an_input_error()
    {
        var data = new ProphetData([new DateTime(2020, 1, 1), new DateTime(2020, 1, 2)], [1.0, double.NaN]) { SourceName = "tiny.csv" };
        Should.Throw<ForecastInputException>(() => ProphetModel.Fit(data)).Message.ShouldBe("tiny.csv: the series has 1 non-null rows; at least 2 are needed");
    }

    private static double InSampleRmse(ProphetOptions options)
    {
        var model = ProphetModel.Fit(AirPassengers.Value, options);
        var f = model.Predict(model.MakeFutureDates(0));
        return Math.Sqrt(f.Yhat.Select((v, i) => Math.Pow(v - AirPassengers.Value.Values![i], 2)).Average());
    }
}

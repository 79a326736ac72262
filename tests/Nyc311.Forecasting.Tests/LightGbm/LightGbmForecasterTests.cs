using Nyc311.Forecasting.Evaluation;
using Nyc311.Forecasting.LightGbm;
using Nyc311.Forecasting.Models;

namespace Nyc311.Forecasting.Tests.LightGbm;

public class LightGbmForecasterTests
{
    private static readonly ModelSpec Small = new(ModelNames.LightGbm, new Dictionary<string, string> { ["num_iterations"] = "80", ["num_leaves"] = "15" });

    [Fact]
    public void The_global_model_learns_the_weekly_shapes_of_the_panel_better_than_last_week()
    {
        var panel = SeriesFixtures.Panel(200);
        var options = new BacktestOptions { Horizon = 14, Cutoffs = 1 };

        var report = Backtester.Run(panel, [new ModelSpec(ModelNames.SeasonalNaive), Small], options, cancellationToken: TestContext.Current.CancellationToken);
        var byModel = report.ByModel();

        byModel[ModelNames.LightGbm].Mase.ShouldBeLessThan(byModel[ModelNames.SeasonalNaive].Mase);
        byModel[ModelNames.LightGbm].Coverage.ShouldBeGreaterThan(0.5);
    }

    [Fact]
    public void Forecasts_are_counts_inside_their_intervals_and_the_same_seed_gives_the_same_numbers()
    {
        var panel = SeriesFixtures.Panel(150);
        var settings = new ForecastSettings { Horizon = 10, Seed = 5 };

        var first = Forecasters.Create(Small).Forecast(panel, settings, TestContext.Current.CancellationToken);
        var second = Forecasters.Create(Small).Forecast(panel, settings, TestContext.Current.CancellationToken);

        first.Count.ShouldBe(panel.Count);
        for (var s = 0; s < first.Count; s++)
        {
            first[s].Key.ShouldBe(panel[s].Key);
            first[s].Origin.ShouldBe(panel[s].End);
            first[s].Mean.ShouldBe(second[s].Mean);
            for (var h = 0; h < settings.Horizon; h++)
            {
                first[s].Lower[h].ShouldBeGreaterThanOrEqualTo(0);
                first[s].Lower[h].ShouldBeLessThanOrEqualTo(first[s].Mean[h]);
                first[s].Upper[h].ShouldBeGreaterThanOrEqualTo(first[s].Mean[h]);
            }
        }
    }

    [Fact]
    public void A_given_calibration_is_used_instead_of_a_hold_out()
    {
        var panel = SeriesFixtures.Panel(120).Take(3).ToList();
        var calibration = new ConformalCalibration(0.8, [0], [0], 1);
        var forecaster = new LightGbmForecaster(LightGbmParameters.From(Small));

        var forecasts = forecaster.Forecast(panel, new ForecastSettings { Horizon = 5, Calibration = calibration }, TestContext.Current.CancellationToken);

        forecaster.LastCalibration.ShouldBeSameAs(calibration);
        forecasts.ShouldAllBe(f => f.Lower.SequenceEqual(f.Mean) && f.Upper.SequenceEqual(f.Mean));
    }

    [Theory]
    [InlineData(200, 3, 3)]
    [InlineData(200, 1, 1)]
    [InlineData(80, 3, 1)] // 80 days leave 56 before the first window only (the second needs 56 + 28).
    public void Self_calibration_pools_the_errors_of_the_rolling_hold_out_windows_the_history_allows(int days, int windows, int expectedWindows)
    {
        var panel = SeriesFixtures.Panel(days);
        var parameters = LightGbmParameters.From(Small.With(new Dictionary<string, string> { ["calibration_windows"] = windows.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        var forecaster = new LightGbmForecaster(parameters);

        forecaster.Forecast(panel, new ForecastSettings { Horizon = 14, Parallelism = 2 }, TestContext.Current.CancellationToken);

        // One residual per series, day of the horizon and window.
        forecaster.LastCalibration.ShouldNotBeNull().Residuals.ShouldBe(panel.Count * 14 * expectedWindows);
        forecaster.LastCalibration.Horizon.ShouldBe(14);
    }

    [Fact]
    public void Parameters_out_of_range_are_refused_by_name() =>
        Should.Throw<ForecastOptionsException>(() => LightGbmParameters.From(new ModelSpec(ModelNames.LightGbm, new Dictionary<string, string> { ["learning_rate"] = "2" })))
            .Option.ShouldBe("lightgbm.learning_rate");
}

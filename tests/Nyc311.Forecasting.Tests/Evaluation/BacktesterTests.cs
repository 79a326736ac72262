using Nyc311.Forecasting.Evaluation;
using Nyc311.Forecasting.Models;
using Nyc311.Forecasting.Series;

namespace Nyc311.Forecasting.Tests.Evaluation;

public class BacktesterTests
{
    private static readonly ModelSpec[] Baselines = [new(ModelNames.SeasonalNaive), new(ModelNames.MovingAverage)];

    [Fact]
    public void Cut_offs_step_back_from_the_last_full_window()
    {
        var options = new BacktestOptions { Horizon = 28, Cutoffs = 3, Step = 7 };

        options.CutoffDates(new DateOnly(2026, 8, 5)).ShouldBe([new DateOnly(2026, 6, 24), new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 8)]);
    }

    [Fact]
    public void Every_model_is_scored_on_every_series_at_every_cut_off_with_one_residual_per_day()
    {
        var panel = SeriesFixtures.Panel(160);
        var options = new BacktestOptions { Horizon = 14, Cutoffs = 2 };

        var report = Backtester.Run(panel, Baselines, options, cancellationToken: TestContext.Current.CancellationToken);

        report.Cutoffs.Count.ShouldBe(2);
        report.Scores.Count.ShouldBe(panel.Count * Baselines.Length * 2);
        report.Residuals.Count.ShouldBe(panel.Count * Baselines.Length * 2 * 14);
        report.BySeries.ShouldAllBe(s => s.Windows == 2);
        report.ByModel().Keys.ShouldBe([ModelNames.SeasonalNaive, ModelNames.MovingAverage]);
    }

    [Fact]
    public void A_series_too_short_at_a_cut_off_is_left_out_of_that_window_only()
    {
        var longer = SeriesFixtures.CitywideTail(120);
        var shorter = new DailySeries(new SeriesKey("Short", SeriesKey.All), longer.End.AddDays(-79), longer.Values.Skip(40).ToArray());
        var options = new BacktestOptions { Horizon = 14, Cutoffs = 2, MinimumTrainingDays = 56 };

        var report = Backtester.Run([longer, shorter], [new ModelSpec(ModelNames.SeasonalNaive)], options, cancellationToken: TestContext.Current.CancellationToken);

        // The short series has 52 days before the older cut-off and 66 before the newer one.
        report.Scores.Count(s => s.Series == shorter.Key).ShouldBe(1);
        report.Scores.Count(s => s.Series == longer.Key).ShouldBe(2);
    }

    [Fact]
    public void A_repeating_week_is_forecast_exactly_by_seasonal_naive_and_chosen_for_it()
    {
        double[] week = [120, 95, 100, 105, 98, 60, 40];
        var values = Enumerable.Range(0, 140).Select(i => week[i % 7]).ToArray();
        var series = new DailySeries(new SeriesKey("Weekly", "QUEENS"), new DateOnly(2026, 1, 5), values);

        var report = Backtester.Run([series], Baselines, new BacktestOptions { Horizon = 14, Cutoffs = 2 }, cancellationToken: TestContext.Current.CancellationToken);
        var choice = ModelSelection.Choose(report).ShouldHaveSingleItem();

        report.ByModel()[ModelNames.SeasonalNaive].Mase.ShouldBe(0, 1e-12);
        report.ByModel()[ModelNames.SeasonalNaive].Coverage.ShouldBe(1);
        choice.Model.ShouldBe(ModelNames.SeasonalNaive);
        choice.ScoresByModel[ModelNames.MovingAverage].ShouldBeGreaterThan(0.1);
        ModelSelection.Fallback(report).ShouldBe(ModelNames.SeasonalNaive);
    }

    [Fact]
    public void Ties_go_to_the_simpler_model()
    {
        var flat = new DailySeries(new SeriesKey("Flat", "BRONX"), new DateOnly(2026, 1, 1), Enumerable.Repeat(10.0, 100).ToArray());

        var report = Backtester.Run([flat], [new ModelSpec(ModelNames.MovingAverage), new ModelSpec(ModelNames.SeasonalNaive)], new BacktestOptions { Horizon = 7, Cutoffs = 1 }, cancellationToken: TestContext.Current.CancellationToken);

        ModelSelection.Choose(report).ShouldHaveSingleItem().Model.ShouldBe(ModelNames.SeasonalNaive);
    }
}

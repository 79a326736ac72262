using CsCheck;
using Nyc311.Forecasting.Prophet.Diagnostics;

namespace Nyc311.Forecasting.Tests.Prophet.Diagnostics;

/// <summary>REFERENCE.md D7: <c>performance_metrics(df_cv)</c> of the D6 cross-validation, and the rolling windows it rests on.</summary>
public class PerformanceMetricsTests
{
    // performance_metrics(df_cv).head(): horizon in days, mse, rmse, mae, mape, mdape, smape, coverage.
    public static TheoryData<int, double, double, double, double, double, double, double> PublishedHead => new()
    {
        { 37, 0.493358, 0.702395, 0.503977, 0.058376, 0.049365, 0.058677, 0.676565 },
        { 38, 0.499112, 0.706478, 0.508946, 0.058951, 0.049135, 0.059312, 0.675423 },
        { 39, 0.521344, 0.722042, 0.515016, 0.059547, 0.049225, 0.060034, 0.672682 },
        { 40, 0.528651, 0.727084, 0.517873, 0.059852, 0.049072, 0.060409, 0.676336 },
        { 41, 0.536149, 0.732222, 0.518843, 0.059927, 0.049135, 0.060548, 0.681361 },
    };

    // The guide's custom metric: performance_metrics(df_cv, metrics=['mase']).head().
    public static TheoryData<int, double> PublishedMase => new() { { 37, 0.522946 }, { 38, 0.528102 }, { 39, 0.534401 }, { 40, 0.537365 }, { 41, 0.538372 } };

    private static readonly Lazy<IReadOnlyList<PerformanceRow>> Metrics = new(() => ProphetPerformanceMetrics.Compute(PeytonCrossValidation.Rows));

    [Fact]
    public void The_first_window_ends_at_37_days_as_published()
    {
        Metrics.Value[0].Horizon.ShouldBe(TimeSpan.FromDays(37));
        Metrics.Value[^1].Horizon.ShouldBe(TimeSpan.FromDays(365));
        Metrics.Value.Select(r => r.Horizon).ShouldBe(Metrics.Value.Select(r => r.Horizon).Order());
        Metrics.Value[0].Metrics.Keys.ShouldBe(ProphetPerformanceMetrics.Default);
    }

    [Theory]
    [MemberData(nameof(PublishedHead))]
    public void Metrics_by_horizon_match_the_published_table(int days, double mse, double rmse, double mae, double mape, double mdape, double smape, double coverage)
    {
        var row = Metrics.Value.Single(r => r.Horizon == TimeSpan.FromDays(days));

        // REFERENCE.md: metrics over many refits agree within 2-3 %; coverage rests on Monte Carlo bounds (5 points).
        row["mse"].ShouldBe(mse, 0.03 * mse);
        row["rmse"].ShouldBe(rmse, 0.03 * rmse);
        row["mae"].ShouldBe(mae, 0.03 * mae);
        row["mape"].ShouldBe(mape, 0.03 * mape);
        row["mdape"].ShouldBe(mdape, 0.03 * mdape);
        row["smape"].ShouldBe(smape, 0.03 * smape);
        row["coverage"].ShouldBe(coverage, 0.05);
    }

    [Theory]
    [MemberData(nameof(PublishedMase))]
    public void The_guides_mase_matches_the_published_values(int days, double mase)
    {
        var rows = ProphetPerformanceMetrics.Compute(PeytonCrossValidation.Rows, ["mase"]);

        rows.Single(r => r.Horizon == TimeSpan.FromDays(days))["mase"].ShouldBe(mase, 0.03 * mase);
    }

    [Fact]
    public void A_window_of_every_row_is_one_mean_at_the_longest_horizon()
    {
        var cutoff = new DateTime(2020, 1, 1);
        CrossValidationRow Row(int day, double error) => new(cutoff.AddDays(day), 10, 9, 11, 10 + error, cutoff);
        CrossValidationRow[] rows = [Row(2, 2), Row(1, 1), Row(3, -3), Row(1, 0)];

        var all = ProphetPerformanceMetrics.Compute(rows, ["mse", "rmse", "mae", "coverage"], rollingWindow: 1).ShouldHaveSingleItem();

        all.Horizon.ShouldBe(TimeSpan.FromDays(3));
        all["mse"].ShouldBe((4 + 1 + 9 + 0) / 4.0, 1e-12);
        all["rmse"].ShouldBe(Math.Sqrt(14 / 4.0), 1e-12);
        all["mae"].ShouldBe(6 / 4.0, 1e-12);
        all["coverage"].ShouldBe(0.5);
    }

    [Fact]
    public void A_window_takes_a_weighted_share_of_the_horizon_that_overfills_it()
    {
        // Horizons 1 (values 1 and 3), 2 (5) and 3 (7, 9); windows of 2 points, as rolling_mean_by_h computes them.
        TimeSpan[] h = [.. new[] { 1, 1, 2, 3, 3 }.Select(d => TimeSpan.FromDays(d))];
        double[] x = [1, 3, 5, 7, 9];

        var (horizons, values) = ProphetPerformanceMetrics.RollingMeanByHorizon(x, h, 2);

        horizons.ShouldBe([TimeSpan.FromDays(1), TimeSpan.FromDays(2), TimeSpan.FromDays(3)]);
        // h=3: its two points; h=2: its point plus one of h=1's (their mean, 2); h=1: its two points.
        values.ShouldBe([2.0, (5 + 2) / 2.0, 8.0]);
        var (medianHorizons, medians) = ProphetPerformanceMetrics.RollingMedianByHorizon(x, h, 2);
        medianHorizons.ShouldBe(horizons);
        medians.ShouldBe([2.0, 4.0, 8.0]);
    }

    [Fact]
    public void A_window_mean_lies_between_the_smallest_and_largest_value() =>
        Gen.Select(Gen.Double[0, 100].Array[2, 60], Gen.Int[1, 10]).Sample((values, w) =>
        {
            var h = values.Select((_, i) => TimeSpan.FromDays(1 + (i / 3))).ToArray();
            var window = Math.Min(w, values.Length);
            var (_, means) = ProphetPerformanceMetrics.RollingMeanByHorizon(values, h, window);
            return means.Length > 0 && means.All(m => m >= values.Min() - 1e-9 && m <= values.Max() + 1e-9);
        });

    [Fact]
    public void The_mase_denominator_is_its_expectation_over_the_order_within_a_horizon()
    {
        // Horizon 1 holds y = 0 and 2, horizon 2 holds y = 4: the orders 0,2,4 and 2,0,4 give mean |diff| 2 and 3.
        var cutoff = new DateTime(2020, 1, 1);
        CrossValidationRow[] rows = [new(cutoff.AddDays(1), 1, 0, 0, 0, cutoff), new(cutoff.AddDays(1), 3, 0, 0, 2, cutoff), new(cutoff.AddDays(2), 5, 0, 0, 4, cutoff)];

        var mase = ProphetPerformanceMetrics.Compute(rows, ["mase"], rollingWindow: 1).ShouldHaveSingleItem()["mase"];

        mase.ShouldBe(1 / 2.5, 1e-12);
    }

    [Fact]
    public void Mape_is_left_out_when_an_actual_is_zero_as_Prophet_does()
    {
        var cutoff = new DateTime(2020, 1, 1);
        CrossValidationRow[] rows = [new(cutoff.AddDays(1), 1, 0, 2, 0, cutoff), new(cutoff.AddDays(2), 1, 0, 2, 2, cutoff)];

        ProphetPerformanceMetrics.Compute(rows, rollingWindow: 1).ShouldHaveSingleItem().Metrics.Keys.ShouldNotContain("mape");
    }
}

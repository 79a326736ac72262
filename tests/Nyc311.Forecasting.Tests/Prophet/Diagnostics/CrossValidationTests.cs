using System.Globalization;
using Nyc311.Forecasting.Prophet;
using Nyc311.Forecasting.Prophet.Diagnostics;

namespace Nyc311.Forecasting.Tests.Prophet.Diagnostics;

/// <summary>REFERENCE.md D6: the cut-offs and the first rows of the published <c>df_cv.head()</c>.</summary>
public class CrossValidationTests
{
    public static TheoryData<int, string, double, double, double, double> FirstRows => new()
    {
        { 0, "2010-02-16", 8.954582, 8.462876, 9.452305, 8.242493 },
        { 1, "2010-02-17", 8.720932, 8.222682, 9.242788, 8.008033 },
        { 2, "2010-02-18", 8.604608, 8.066920, 9.144968, 8.045268 },
        { 3, "2010-02-19", 8.526379, 8.029189, 9.043045, 7.928766 },
        { 4, "2010-02-20", 8.268247, 7.749520, 8.741847, 7.745003 },
    };

    [Fact]
    public void Cutoffs_step_back_by_the_period_from_the_last_date_minus_the_horizon_and_leave_the_initial_window()
    {
        var cutoffs = ProphetCrossValidation.GenerateCutoffs(TestData.Peyton.Dates, PeytonCrossValidation.Horizon, PeytonCrossValidation.Initial, PeytonCrossValidation.Period);

        // The docs: "This makes 11 cutoffs"; the first is 2010-02-15, the cut-off of df_cv.head().
        cutoffs.Count.ShouldBe(11);
        cutoffs[0].ShouldBe(new DateTime(2010, 2, 15));
        cutoffs[^1].ShouldBe(new DateTime(2016, 1, 20).AddDays(-365));
        cutoffs.Zip(cutoffs.Skip(1)).ShouldAllBe(p => p.Second - p.First == PeytonCrossValidation.Period);
    }

    [Fact]
    public void A_cutoff_whose_window_has_no_data_moves_back_to_the_last_date_before_it()
    {
        // Daily data with a gap from 2020-03-01 to 2020-06-30: the window after a cut-off inside the gap is empty.
        var dates = Enumerable.Range(0, 730).Select(i => new DateTime(2019, 1, 1).AddDays(i))
            .Where(d => d < new DateTime(2020, 3, 1) || d > new DateTime(2020, 6, 30)).ToArray();

        var cutoffs = ProphetCrossValidation.GenerateCutoffs(dates, TimeSpan.FromDays(30), TimeSpan.FromDays(100), TimeSpan.FromDays(60));

        // 2020-04-04 (60 days before 2020-06-03) falls in the gap: the last date before it is 2020-02-29, minus 30 days.
        cutoffs.ShouldContain(new DateTime(2020, 1, 30));
        cutoffs.ShouldNotContain(new DateTime(2020, 4, 4));
        cutoffs.ShouldBe(cutoffs.Order().ToArray());
        foreach (var cutoff in cutoffs)
        {
            dates.ShouldContain(d => d > cutoff && d <= cutoff.AddDays(30));
            (cutoff - dates[0]).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromDays(100));
        }
    }

    [Fact]
    public void Explicit_cutoffs_must_leave_history_before_them_and_a_horizon_after()
    {
        var data = TestData.Head(TestData.DailyUnivariate, 120);
        var options = new ProphetOptions { UncertaintySamples = 0 };

        Should.Throw<ForecastOptionsException>(() => ProphetCrossValidation.Run(options, data, TimeSpan.FromDays(30), cutoffs: [data.Dates[0]]));
        Should.Throw<ForecastOptionsException>(() => ProphetCrossValidation.Run(options, data, TimeSpan.FromDays(30), cutoffs: [data.Dates[^1].AddDays(-10)]));
        // A cut-off one row in leaves a single row to fit on: the refit's own error, not the thread pool's wrapper.
        Should.Throw<ForecastInputException>(() => ProphetCrossValidation.Run(options, data, TimeSpan.FromDays(30), cutoffs: [data.Dates[0].AddHours(12)], parallelism: 2));
    }

    [Fact]
    public void Every_history_row_after_each_cutoff_and_within_the_horizon_is_forecast_once()
    {
        var rows = PeytonCrossValidation.Rows;
        var cutoffs = rows.Select(r => r.Cutoff).Distinct().ToList();

        cutoffs.Count.ShouldBe(11);
        foreach (var cutoff in cutoffs)
        {
            var expected = TestData.Peyton.Dates.Where(d => d > cutoff && d <= cutoff + PeytonCrossValidation.Horizon).Order().ToList();
            rows.Where(r => r.Cutoff == cutoff).Select(r => r.Ds).ShouldBe(expected);
        }
    }

    [Theory]
    [MemberData(nameof(FirstRows))]
    public void The_first_rows_match_the_published_cross_validation(int index, string date, double yhat, double lower, double upper, double y)
    {
        var row = PeytonCrossValidation.Rows[index];

        row.Ds.ShouldBe(DateTime.Parse(date, CultureInfo.InvariantCulture));
        row.Cutoff.ShouldBe(new DateTime(2010, 2, 15));
        row.Y.ShouldBe(y, 1e-6);
        row.Yhat.ShouldBe(yhat, 0.01 * yhat);
        // Bounds are percentiles of 1000 simulated paths: REFERENCE.md's Monte Carlo allowance.
        var width = upper - lower;
        row.YhatLower.ShouldBe(lower, 0.10 * width);
        row.YhatUpper.ShouldBe(upper, 0.10 * width);
    }
}

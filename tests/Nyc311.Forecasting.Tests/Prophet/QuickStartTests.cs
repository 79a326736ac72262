namespace Nyc311.Forecasting.Tests.Prophet;

/// <summary>REFERENCE.md D1 and D2: the quick start's default model on the Peyton Manning data.</summary>
public class QuickStartTests
{
    // D1 (Python docs) and D2 (R docs): index, date, yhat, yhat_lower, yhat_upper.
    public static TheoryData<int, string, double, double, double> PythonTail => new()
    {
        { 3265, "2017-01-15", 8.212625, 7.456310, 8.959726 },
        { 3266, "2017-01-16", 8.537635, 7.842986, 9.290934 },
        { 3267, "2017-01-17", 8.325071, 7.600879, 9.072006 },
        { 3268, "2017-01-18", 8.157723, 7.512052, 8.924022 },
        { 3269, "2017-01-19", 8.169677, 7.412473, 8.946977 },
    };

    public static TheoryData<int, string, double, double, double> RTail => new()
    {
        { 3264, "2017-01-14", 7.818359, 7.071228, 8.550957 },
        { 3265, "2017-01-15", 8.200125, 7.475725, 8.869495 },
        { 3266, "2017-01-16", 8.525104, 7.747071, 9.226915 },
        { 3267, "2017-01-17", 8.312482, 7.551904, 9.046774 },
        { 3268, "2017-01-18", 8.145098, 7.390770, 8.863692 },
        { 3269, "2017-01-19", 8.156964, 7.381716, 8.866507 },
    };

    [Fact]
    public void The_future_frame_has_3270_rows_ending_on_2017_01_19()
    {
        var forecast = PeytonFits.Default.Forecast;
        forecast.Dates.Count.ShouldBe(3270);
        forecast.HistoryCount.ShouldBe(2905);
        forecast.Dates[^1].ShouldBe(new DateTime(2017, 1, 19));
    }

    [Theory]
    [MemberData(nameof(PythonTail))]
    [MemberData(nameof(RTail))]
    public void The_forecast_matches_the_published_quick_start(int index, string date, double yhat, double lower, double upper)
    {
        var forecast = PeytonFits.Default.Forecast;
        forecast.Dates[index].ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).ShouldBe(date);

        // The two published fits (Python and R) differ by up to 0.15%; a MAP fit from the same start agrees as closely.
        forecast.Yhat[index].ShouldBe(yhat, yhat * 0.005);

        // Each bound is a percentile of 1000 simulated paths: the two published runs differ from each other by up
        // to 8.6% of the interval width (2017-01-18 lower: 7.512052 against 7.390770), so 10% is the honest bound.
        var width = upper - lower;
        forecast.YhatLower[index].ShouldBe(lower, 0.10 * width);
        forecast.YhatUpper[index].ShouldBe(upper, 0.10 * width);
    }

    [Fact]
    public void The_average_interval_width_of_the_last_five_days_matches_the_published_one_within_5_percent()
    {
        // Averaging five days divides the Monte Carlo noise of a single bound by about two.
        double[] publishedWidths = [8.959726 - 7.456310, 9.290934 - 7.842986, 9.072006 - 7.600879, 8.924022 - 7.512052, 8.946977 - 7.412473];
        var forecast = PeytonFits.Default.Forecast;
        var widths = Enumerable.Range(3265, 5).Select(i => forecast.YhatUpper[i] - forecast.YhatLower[i]).ToArray();
        widths.Average().ShouldBe(publishedWidths.Average(), 0.05 * publishedWidths.Average());
    }

    [Fact]
    public void The_default_model_uses_yearly_order_10_and_weekly_order_3_and_no_daily()
    {
        var seasonalities = PeytonFits.Default.Model.Seasonalities;
        seasonalities.Select(s => (s.Name, s.FourierOrder, s.Period)).ShouldBe([("yearly", 10, 365.25), ("weekly", 3, 7.0)]);
        PeytonFits.Default.Model.ChangepointDates.Count.ShouldBe(25);
    }

    [Fact]
    public void The_output_has_Prophets_columns_in_Prophets_order()
    {
        PeytonFits.Default.Forecast.Columns.Select(c => c.Name).ShouldBe(
        [
            "trend", "yhat_lower", "yhat_upper", "trend_lower", "trend_upper",
            "additive_terms", "additive_terms_lower", "additive_terms_upper",
            "weekly", "weekly_lower", "weekly_upper",
            "yearly", "yearly_lower", "yearly_upper",
            "multiplicative_terms", "multiplicative_terms_lower", "multiplicative_terms_upper",
            "yhat",
        ]);
    }

    [Fact]
    public void Yhat_is_trend_plus_the_additive_terms_which_are_weekly_plus_yearly()
    {
        var f = PeytonFits.Default.Forecast;
        for (var i = 0; i < f.Dates.Count; i += 97)
        {
            f.Yhat[i].ShouldBe(f["trend"][i] + f["additive_terms"][i], 1e-12);
            f["additive_terms"][i].ShouldBe(f["weekly"][i] + f["yearly"][i], 1e-12);
            f["multiplicative_terms"][i].ShouldBe(0.0);
        }
    }
}

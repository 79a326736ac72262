using CsCheck;
using Nyc311.Forecasting.Series;

namespace Nyc311.Forecasting.Tests.Series;

public class DailySeriesTests
{
    [Fact]
    public void The_real_citywide_file_reads_as_one_gap_free_series()
    {
        var citywide = SeriesFixtures.Citywide;

        citywide.Start.ShouldBe(new DateOnly(2010, 1, 1));
        citywide.End.ShouldBe(new DateOnly(2026, 8, 5));
        citywide.Length.ShouldBe(6061);
    }

    [Fact]
    public void Until_cuts_the_history_at_a_day_and_between_reads_the_days_after()
    {
        var series = new DailySeries(new SeriesKey("Noise", "BRONX"), new DateOnly(2026, 1, 1), [1, 2, 3, 4, 5]);

        var history = series.Until(new DateOnly(2026, 1, 3));

        history.Values.ShouldBe([1.0, 2, 3]);
        history.End.ShouldBe(new DateOnly(2026, 1, 3));
        series.Between(new DateOnly(2026, 1, 4), new DateOnly(2026, 1, 5)).ShouldBe([4.0, 5]);
        Should.Throw<ArgumentOutOfRangeException>(() => series.Between(new DateOnly(2026, 1, 4), new DateOnly(2026, 1, 6)));
    }

    [Fact]
    public void A_series_refuses_values_that_are_not_finite() =>
        Should.Throw<ForecastInputException>(() => new DailySeries(SeriesKey.Citywide, new DateOnly(2026, 1, 1), [1, double.NaN]));

    [Fact]
    public void The_seasonal_naive_scale_is_positive_for_any_counts() =>
        Gen.Double[0, 1000].Array[0, 60].Sample(values => SeriesScale.SeasonalNaiveError(values) > 0);

    [Fact]
    public void The_seasonal_naive_scale_is_the_mean_weekly_difference()
    {
        double[] values = [1, 2, 3, 4, 5, 6, 7, 3, 2, 3, 4, 5, 6, 9];

        // |3-1| + 0 + ... + |9-7| over 7 differences.
        SeriesScale.SeasonalNaiveError(values).ShouldBe(4.0 / 7, 1e-12);
    }
}

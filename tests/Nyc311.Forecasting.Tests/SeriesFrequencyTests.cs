namespace Nyc311.Forecasting.Tests;

public class SeriesFrequencyTests
{
    [Fact]
    public void Month_starts_month_ends_and_fixed_steps_are_inferred_from_the_tail()
    {
        SeriesFrequency.Infer([.. Enumerable.Range(0, 6).Select(i => new DateTime(2020, 1, 1).AddMonths(i))]).ShouldBe(SeriesFrequency.MonthStart);
        SeriesFrequency.Infer([new DateTime(2020, 1, 31), new DateTime(2020, 2, 29), new DateTime(2020, 3, 31)]).ShouldBe(SeriesFrequency.MonthEnd);
        SeriesFrequency.Infer([.. Enumerable.Range(0, 9).Select(i => new DateTime(2020, 1, 1).AddMinutes(5 * i))]).Step.ShouldBe(TimeSpan.FromMinutes(5));
        SeriesFrequency.Infer([new DateTime(2020, 1, 1), new DateTime(2020, 1, 3), new DateTime(2020, 1, 4)]).ShouldBe(SeriesFrequency.Daily);
    }

    [Fact]
    public void Month_end_steps_land_on_the_last_day_of_each_month()
    {
        SeriesFrequency.MonthEnd.After(new DateTime(2020, 1, 31), 3).ShouldBe([new DateTime(2020, 2, 29), new DateTime(2020, 3, 31), new DateTime(2020, 4, 30)]);
        SeriesFrequency.MonthEnd.After(new DateTime(2020, 1, 15), 1).ShouldBe([new DateTime(2020, 1, 31)]);
        SeriesFrequency.MonthStart.After(new DateTime(2020, 1, 15), 1).ShouldBe([new DateTime(2020, 2, 1)]);
    }
}

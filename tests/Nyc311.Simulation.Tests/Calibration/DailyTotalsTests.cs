using Nyc311.Simulation.Calibration;

namespace Nyc311.Simulation.Tests.Calibration;

public class DailyTotalsTests
{
    private static readonly DailyTotals Totals = DailyTotals.Real;

    [Fact]
    public void The_series_runs_from_2010_01_01_to_2026_08_05_without_gaps()
    {
        Totals.First.ShouldBe(new DateOnly(2010, 1, 1));
        Totals.Last.ShouldBe(new DateOnly(2026, 8, 5));
        Totals.Days.Count.ShouldBe(6061);
        Totals.Days.Select(d => d.Date).ShouldBe(Enumerable.Range(0, 6061).Select(new DateOnly(2010, 1, 1).AddDays));
    }

    [Theory]
    [InlineData("2010-01-01", 2942)]
    [InlineData("2012-10-29", 6293)]
    [InlineData("2020-08-04", 24415)]
    [InlineData("2026-08-05", 10129)]
    public void Requests_on_a_day_are_the_published_total(string date, int expected)
    {
        Totals.RequestsOn(DateOnly.Parse(date)).ShouldBe(expected);
    }

    [Fact]
    public void Exactly_the_partial_days_of_the_nightly_period_are_missing()
    {
        Totals.MissingDays.Select(m => m.Date).ShouldBe(
        [
            new DateOnly(2023, 9, 15), new DateOnly(2023, 9, 23), new DateOnly(2023, 11, 27),
            new DateOnly(2025, 1, 25), new DateOnly(2026, 7, 30),
        ]);
        Totals.MissingDays.ShouldAllBe(m => m.PublishedRequests < 0.5 * m.UsualRequests);
        var thanksgivingMonday = Totals.MissingDays.Single(m => m.Date == new DateOnly(2023, 11, 27));
        thanksgivingMonday.PublishedRequests.ShouldBe(483);
        thanksgivingMonday.UsualRequests.ShouldBe(10_128);
        thanksgivingMonday.Reason.ShouldStartWith("483 requests is 5% of the usual 10,128 for a Monday");
        thanksgivingMonday.Reason.ShouldContain("known partial-day artifact");
        Totals.MissingDays.Single(m => m.Date == new DateOnly(2025, 1, 25)).Reason.ShouldContain("suspect");
    }

    [Theory]
    [InlineData("2010-11-25")] // Thanksgiving, 36% of the usual Thursday: a real low.
    [InlineData("2011-08-27")] // Irene's approach, transit shut down: a real low.
    [InlineData("2023-12-25")] // Christmas in the nightly period: a holiday, not a partial day.
    public void Real_lows_are_not_treated_as_missing(string date)
    {
        var day = DateOnly.Parse(date);
        Totals.IsMissing(day).ShouldBeFalse();
        Totals.RequestsOn(day).ShouldNotBeNull();
    }

    [Fact]
    public void A_missing_day_has_no_requests_and_outside_days_are_not_covered()
    {
        Totals.RequestsOn(new DateOnly(2026, 7, 30)).ShouldBeNull();
        Totals.RequestsOn(new DateOnly(2009, 12, 31)).ShouldBeNull();
        Totals.Covers(new DateOnly(2026, 8, 6)).ShouldBeFalse();
    }

    [Fact]
    public void The_usual_level_is_the_median_of_the_same_weekday_around_the_day()
    {
        // 2020-08-04 (Isaias) against the Tuesdays of July 14 .. August 25, 2020.
        int[] tuesdays = [.. new[] { -21, -14, -7, 7, 14, 21 }.Select(d => Totals.PublishedOn(new DateOnly(2020, 8, 4).AddDays(d))).Order()];
        Totals.UsualOn(new DateOnly(2020, 8, 4)).ShouldBe((tuesdays[2] + tuesdays[3]) / 2);
    }
}

using System.Collections.Concurrent;
using Nyc311.Simulation.Tests.Support;

namespace Nyc311.Simulation.Tests.Model;

public class SeasonalityAndEventsTests
{
    [Fact]
    public void Heat_complaints_fill_winter_days_and_fade_in_summer()
    {
        var winter = Share("HEAT/HOT WATER", "2023-01-17", "2023-01-18");
        var summer = Share("HEAT/HOT WATER", "2023-07-18", "2023-07-19");
        winter.ShouldBeGreaterThan(0.12);
        winter.ShouldBeGreaterThan(6 * summer);
    }

    [Fact]
    public void Residential_noise_is_a_larger_share_in_summer_and_on_weekends()
    {
        Share("NOISE - RESIDENTIAL", "2023-07-18").ShouldBeGreaterThan(1.4 * Share("NOISE - RESIDENTIAL", "2023-01-17"));
        Share("NOISE - RESIDENTIAL", "2023-07-22").ShouldBeGreaterThan(1.3 * Share("NOISE - RESIDENTIAL", "2023-07-18"));
    }

    [Fact]
    public void Illegal_fireworks_peak_around_July_4()
    {
        var july4 = Count("ILLEGAL FIREWORKS", "2022-07-04") + Count("ILLEGAL FIREWORKS", "2022-07-05");
        var may = Count("ILLEGAL FIREWORKS", "2022-05-10") + Count("ILLEGAL FIREWORKS", "2022-05-11");
        july4.ShouldBeGreaterThan(500);
        july4.ShouldBeGreaterThan(20 * Math.Max(1, may));
        // June 2020's surge: a Saturday in late June against the same Saturday of 2022.
        Count("ILLEGAL FIREWORKS", "2020-06-20").ShouldBeGreaterThan(3 * Count("ILLEGAL FIREWORKS", "2022-06-18"));
    }

    [Fact]
    public void Isaias_brings_down_trees_on_2020_08_04()
    {
        CalibrationFacts.Events.Single(e => e.Id == "isaias-2020").IsActiveOn(new DateOnly(2020, 8, 4)).ShouldBeTrue();
        var storm = Count("DAMAGED TREE", "2020-08-04");
        var before = Count("DAMAGED TREE", "2020-07-21");
        storm.ShouldBeGreaterThan(8_000);
        storm.ShouldBeGreaterThan(20 * before);
    }

    [Fact]
    public void Sandy_brings_down_trees_from_2012_10_29()
    {
        (Count("DAMAGED TREE", "2012-10-30") + Count("DAMAGED TREE", "2012-10-31")).ShouldBeGreaterThan(10 * (Count("DAMAGED TREE", "2012-10-16") + Count("DAMAGED TREE", "2012-10-17")));
    }

    [Fact]
    public void Ida_floods_sewers_and_streets_on_2021_09_02()
    {
        var flood = Count("SEWER", "2021-09-02") + Count("STREET FLOODING", "2021-09-02");
        var before = Count("SEWER", "2021-08-19") + Count("STREET FLOODING", "2021-08-19");
        flood.ShouldBeGreaterThan(1_500);
        flood.ShouldBeGreaterThan(8 * before);
    }

    [Fact]
    public void The_January_2016_blizzard_brings_snow_complaints()
    {
        Count("SNOW OR ICE", "2016-01-24").ShouldBeGreaterThan(15 * Math.Max(1, Count("SNOW OR ICE", "2016-01-10")));
        Count("SNOW OR ICE", "2016-07-24").ShouldBe(0);
    }

    [Theory]
    [InlineData("2017-05-05")]
    [InlineData("2014-12-09")]
    [InlineData("2012-10-29")]
    [InlineData("2015-06-02")]
    public void Street_flooding_equals_the_real_daily_count_where_it_is_known(string date)
    {
        var day = DateOnly.Parse(date);
        Count("STREET FLOODING", date).ShouldBe(CalibrationFacts.StreetFloodingOn(day)!.Value);
    }

    [Fact]
    public void Every_event_has_a_source_and_dates()
    {
        CalibrationFacts.Events.Count.ShouldBeGreaterThanOrEqualTo(10);
        CalibrationFacts.Events.ShouldAllBe(e => e.Source.Length > 10 && e.ComplaintTypes.Count > 0);
        CalibrationFacts.Events.Single(e => e.Id == "july-4").IsActiveOn(new DateOnly(2031, 7, 4)).ShouldBeTrue();
    }

    // Requests per standardised type of a day, generated once per test run.
    private static readonly ConcurrentDictionary<string, Dictionary<string, int>> TypeCounts = new();

    private static Dictionary<string, int> CountsOn(string date) => TypeCounts.GetOrAdd(date, d =>
        Simulate.Day(DateOnly.Parse(d)).Records
            .Where(r => !r.Problems.HasFlag(QualityProblems.StaleVersion))
            .GroupBy(r => Simulate.Standard(r.Type.Name))
            .ToDictionary(g => g.Key, g => g.Count()));

    private static int Count(string standardType, string date) => CountsOn(date).GetValueOrDefault(standardType);

    private static double Share(string standardType, params string[] dates) =>
        (double)dates.Sum(d => Count(standardType, d)) / dates.Sum(d => CountsOn(d).Values.Sum());
}

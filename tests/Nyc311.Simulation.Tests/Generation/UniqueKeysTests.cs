using Nyc311.Simulation.Calibration;
using Nyc311.Simulation.Generation;
using Nyc311.Simulation.Tests.Support;

namespace Nyc311.Simulation.Tests.Generation;

public class UniqueKeysTests
{
    [Fact]
    public void Day_ranges_touch_without_overlap_and_hold_every_request()
    {
        var totals = DailyTotals.Real;
        for (var day = totals.First; day < totals.Last; day = day.AddDays(1))
        {
            var (start, end) = UniqueKeys.Real.RangeOf(day);
            UniqueKeys.Real.RangeOf(day.AddDays(1)).Start.ShouldBe(end);
            (end - start).ShouldBeGreaterThanOrEqualTo(totals.PublishedOn(day));
        }
    }

    [Theory]
    [InlineData("2010-01-01", 15_000_000, 15_010_000)]
    [InlineData("2022-05-01", 54_045_000, 54_060_000)]
    [InlineData("2026-08-05", 69_900_000, 70_050_000)]
    public void Keys_are_eight_digits_near_the_real_ones_of_the_time(string date, long low, long high)
    {
        var keys = Simulate.Day(DateOnly.Parse(date)).Records.Select(r => r["unique_key"]).OfType<string>().Select(long.Parse).ToList();
        keys.ShouldAllBe(k => k >= low && k <= high && k.ToString(System.Globalization.CultureInfo.InvariantCulture).Length == 8);
    }

    [Fact]
    public void Keys_rise_with_creation_time_only_roughly()
    {
        var records = Simulate.Day(new DateOnly(2024, 3, 3), quality: false).Records;
        var keys = records.Select(r => long.Parse(r["unique_key"]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var descents = keys.Zip(keys.Skip(1)).Count(p => p.Second < p.First);
        descents.ShouldBeGreaterThan(keys.Count / 10);
        keys.Take(500).Average().ShouldBeLessThan(keys.TakeLast(500).Average());
        keys.Distinct().Count().ShouldBe(keys.Count);
    }
}

using Nyc311.Simulation.Calibration;
using Nyc311.Simulation.Tests.Support;

namespace Nyc311.Simulation.Tests.Generation;

/// <summary>Shares in generated records against the published tables (Data/calibration/mix).</summary>
public class GeneratedMixTests
{
    private static readonly PublishedMix Published = PublishedMix.Real;

    [Fact]
    public void The_ten_largest_and_the_noise_types_follow_the_published_2022_2023_shares()
    {
        var sample = Samples.Study2022To2023;
        foreach (var (type, count) in Published.TypesUpper2022To2023)
        {
            var published = count / Published.Rows2022To2023;
            sample.Share(sample.Types, type).ShouldBe(published, Math.Max(0.003, published * 0.05), type);
        }
    }

    [Fact]
    public void Agencies_follow_the_published_2022_2023_shares()
    {
        var sample = Samples.Study2022To2023;
        foreach (var (agency, count) in Published.Agency2022To2023)
        {
            var published = count / Published.Rows2022To2023;
            sample.Share(sample.Agencies, agency).ShouldBe(published, Math.Max(0.002, published * 0.05), agency);
        }
    }

    [Fact]
    public void Hours_of_creation_follow_the_published_2018_2023_table()
    {
        var sample = Samples.Study2022To2023;
        var table = Published.CreatedByHour2018To2023;
        for (var hour = 0; hour < 24; hour++)
        {
            ((double)sample.Hours[hour] / sample.Rows).ShouldBe(table[hour] / table.Sum(), 0.006, $"hour {hour}");
        }
    }

    [Fact]
    public void Weekdays_over_two_weeks_follow_the_published_2018_2023_table()
    {
        // Two whole weeks, so every weekday is counted twice: May 1-14, 2023.
        var from = new DateOnly(2023, 5, 1);
        var sample = SampleStatistics.Of(Simulate.Options(from, from.AddDays(13)), Enumerable.Range(0, 14).Select(from.AddDays));
        var table = Published.CreatedByWeekday2018To2023;
        for (var day = 0; day < 7; day++)
        {
            ((double)sample.Weekdays[day] / sample.Rows).ShouldBe(table[day] / table.Sum(), 0.015, $"weekday {day}");
        }
    }

    [Fact]
    public void About_96_percent_of_2022_2023_requests_are_closed_by_mid_2024_as_in_the_study()
    {
        var sample = Samples.Study2022To2023;
        var published = Published.Status2022To2023["CLOSED"] / Published.Rows2022To2023;
        sample.Share(sample.Statuses, "CLOSED").ShouldBe(published, 0.015);
        sample.Statuses.Keys.ShouldBeSubsetOf(Published.Status2022To2023.Keys);
    }

    [Fact]
    public void Boroughs_follow_the_published_2025_split()
    {
        // Every fourth day of the 2025 sample (day of year 1, 41, 81, ..., 361).
        var days = Enumerable.Range(0, 10).Select(i => new DateOnly(2025, 1, 1).AddDays(40 * i));
        var sample = SampleStatistics.Of(Simulate.Options(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)), days);
        var published = Published.Boroughs2025;
        for (var b = 0; b < 5; b++)
        {
            ((double)sample.Boroughs[b] / sample.Rows).ShouldBe(published[b] / published.Sum(), 0.01, SampleStatistics.BoroughNames[b]);
        }
    }
}

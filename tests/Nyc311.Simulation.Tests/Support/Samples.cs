namespace Nyc311.Simulation.Tests.Support;

/// <summary>Shared samples, generated once per test run.</summary>
internal static class Samples
{
    /// <summary>
    /// Every 29th day of 2022-2023 (spread evenly over the seasons, weekdays rotating), published as
    /// of 2024-06-01 like the study's export: 26 days, about 230,000 requests.
    /// </summary>
    public static SampleStatistics Study2022To2023 => LazyStudy.Value;

    private static readonly Lazy<SampleStatistics> LazyStudy = new(() =>
    {
        var from = new DateOnly(2022, 1, 1);
        var options = Simulate.Options(from, new DateOnly(2023, 12, 31)) with { PublishedAsOf = new DateTime(2024, 6, 1) };
        var days = Enumerable.Range(0, 730 / 29 + 1).Select(i => from.AddDays(29 * i)).Where(d => d.Year <= 2023);
        return SampleStatistics.Of(options, days);
    });
}

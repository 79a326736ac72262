using Nyc311.Simulation.Calibration;

namespace Nyc311.Simulation.Tests.Calibration;

public class PublishedMixTests
{
    [Fact]
    public void The_bundled_tables_hold_the_published_numbers()
    {
        var mix = PublishedMix.Real;
        mix.Rows2022To2023.ShouldBe(6_394_908);
        mix.Agency2022To2023.Values.Sum().ShouldBe(6_394_908);
        mix.TypesUpper2022To2023["ILLEGAL PARKING"].ShouldBe(882_752);
        mix.TypesUpper2022To2023["NOISE - HELICOPTER"].ShouldBe(85_345);
        mix.CreatedByHour2018To2023.Sum().ShouldBe(17_951_599);
        mix.Boroughs2017.Sum().ShouldBe(2_329_684);
    }

    [Fact]
    public void Agency_pattern_rates_reproduce_the_published_counts()
    {
        var mix = PublishedMix.Real;
        var rates = PublishedQualityRates.Real;
        double Count(IReadOnlyDictionary<string, double> rate) => mix.Agency2022To2023.Sum(a => a.Value * rate[a.Key]);

        Count(rates.CreatedAtNoon).ShouldBe(99_779, 1);
        Count(rates.ClosedAtNoon).ShouldBe(105_505, 1);
        Count(rates.ClosedAtMidnight).ShouldBe(235_347, 1);
        Count(rates.ZeroDuration).ShouldBe(191_141, 1);
        rates.CreatedAtNoon["DSNY"].ShouldBe(99_779 * 0.9956 / 607_279, 1e-9);
    }
}

using Nyc311.Simulation.Calibration;
using Nyc311.Simulation.Model;

namespace Nyc311.Simulation.Tests.Model;

public class MixCalibrationTests
{
    private static readonly MixModel Mix = MixCalibration.Real;

    [Fact]
    public void Expected_2022_2023_type_shares_equal_the_published_ones()
    {
        var shares = ExpectedShares(new DateOnly(2022, 1, 1), new DateOnly(2023, 12, 31));
        var targets = MixCalibration.TypeTargets2023(Mix.Tables, PublishedMix.Real);
        foreach (var type in Mix.Tables.Types.Where(t => targets[t.Index] > 0))
        {
            shares[type.Index].ShouldBe(targets[type.Index], targets[type.Index] * 0.002, type.ToString());
        }

        // The published top type, directly: Illegal Parking 882,752 of 6,394,908.
        shares[Mix.Tables.Type("Illegal Parking", "NYPD").Index].ShouldBe(882_752 / 6_394_908.0, 1e-4);
    }

    [Fact]
    public void Expected_agency_shares_of_2022_2023_and_of_Q1_2015_equal_the_published_ones()
    {
        var mix = PublishedMix.Real;
        var recent = AgencyShares(new DateOnly(2022, 1, 1), new DateOnly(2023, 12, 31));
        foreach (var (agency, count) in mix.Agency2022To2023.Where(a => a.Value > 1000))
        {
            recent[agency].ShouldBe(count / mix.Rows2022To2023, 0.0005, agency);
        }

        var q1 = AgencyShares(new DateOnly(2015, 1, 1), new DateOnly(2015, 3, 31));
        foreach (var (agency, count) in mix.AgencyQ1Of2015)
        {
            q1[agency].ShouldBe(count / mix.RowsQ1Of2015, 0.001, agency);
        }
    }

    [Fact]
    public void Expected_2017_shares_of_the_types_the_2017_table_covers_equal_its_shares()
    {
        var shares = ExpectedShares(new DateOnly(2017, 1, 1), new DateOnly(2017, 12, 31));
        foreach (var (type, target) in MixCalibration.TypeTargets2017(Mix.Tables, PublishedMix.Real))
        {
            shares[type].ShouldBe(target, target * 0.002, Mix.Tables.Types[type].ToString());
        }

        MixCalibration.TypeTargets2017(Mix.Tables, PublishedMix.Real).Count.ShouldBe(5);
    }

    [Fact]
    public void Every_hour_table_is_a_distribution_and_noise_peaks_at_night()
    {
        Mix.Parameters.HourTables.ShouldAllBe(h => Math.Abs(h.Sum() - 1) < 1e-9 && h.All(p => p > 0));
        var noise = Mix.Parameters.HourTables[Mix.Tables.Type("Noise - Residential", "NYPD").Index];
        var heat = Mix.Parameters.HourTables[Mix.Tables.Type("HEAT/HOT WATER", "HPD").Index];
        noise[23].ShouldBeGreaterThan(3 * noise[9]);
        heat[8].ShouldBeGreaterThan(2 * heat[3]);
    }

    [Fact]
    public void Types_that_ended_in_2019_have_no_weight_afterwards()
    {
        var bulky = Mix.Tables.Type("Request Large Bulky Item Collection", "DSNY");
        Mix.For(new DateOnly(2018, 5, 1), 8000).ExpectedCounts()[bulky.Index].ShouldBeGreaterThan(50);
        Mix.For(new DateOnly(2019, 7, 1), 8000).ExpectedCounts()[bulky.Index].ShouldBe(0);
    }

    internal static double[] ExpectedShares(DateOnly from, DateOnly to)
    {
        var totals = new double[Mix.Tables.Types.Count];
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            if (Mix.Totals.RequestsOn(d) is { } total)
            {
                var expected = Mix.For(d, total).ExpectedCounts();
                for (var t = 0; t < totals.Length; t++)
                {
                    totals[t] += expected[t];
                }
            }
        }

        var sum = totals.Sum();
        return [.. totals.Select(t => t / sum)];
    }

    private static Dictionary<string, double> AgencyShares(DateOnly from, DateOnly to)
    {
        var shares = ExpectedShares(from, to);
        return Mix.Tables.Types.GroupBy(t => t.Agency.Code).ToDictionary(g => g.Key, g => g.Sum(t => shares[t.Index]));
    }
}

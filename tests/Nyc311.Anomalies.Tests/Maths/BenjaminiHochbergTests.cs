using CsCheck;
using Nyc311.Anomalies.Maths;

namespace Nyc311.Anomalies.Tests.Maths;

public sealed class BenjaminiHochbergTests
{
    private static readonly Gen<double[]> PValues = Gen.Double[0, 1].Array[1, 60];

    [Fact]
    public void Adjusted_values_match_the_textbook_example()
    {
        // R: p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.5), "BH") = 0.025 0.05 0.05 0.025 0.5
        BenjaminiHochberg.Adjust([0.01, 0.04, 0.03, 0.005, 0.5])
            .Select(q => Math.Round(q, 10)).ShouldBe([0.025, 0.05, 0.05, 0.025, 0.5]);
    }

    [Fact]
    public void Adjusted_values_are_at_least_the_raw_ones_and_at_most_one() =>
        PValues.Sample(p =>
        {
            var q = BenjaminiHochberg.Adjust(p);
            return p.Zip(q).All(x => x.Second >= x.First - 1e-15 && x.Second <= 1);
        });

    [Fact]
    public void Adjustment_keeps_the_order_of_the_p_values() =>
        PValues.Sample(p =>
        {
            var q = BenjaminiHochberg.Adjust(p);
            for (var i = 0; i < p.Length; i++)
            {
                for (var j = 0; j < p.Length; j++)
                {
                    if (p[i] < p[j] && q[i] > q[j] + 1e-15)
                    {
                        return false;
                    }
                }
            }

            return true;
        });

    [Fact]
    public void Rejections_are_the_step_up_procedure() =>
        Gen.Select(PValues, Gen.Double[0.001, 0.3]).Sample((p, level) =>
        {
            // Largest k with p(k) <= k·level/m; reject the k smallest.
            var sorted = p.Order().ToArray();
            var m = p.Length;
            var k = 0;
            for (var i = m; i >= 1; i--)
            {
                if (sorted[i - 1] <= i * level / m)
                {
                    k = i;
                    break;
                }
            }

            var cutoff = k == 0 ? -1 : sorted[k - 1];
            var expected = p.Select(x => x <= cutoff).ToArray();
            return BenjaminiHochberg.Reject(p, level).SequenceEqual(expected);
        });

    [Fact]
    public void A_single_test_is_not_adjusted_and_untested_values_stay_missing()
    {
        Gen.Double[0, 1].Sample(p => BenjaminiHochberg.Adjust([p])[0] == p);
        var q = BenjaminiHochberg.Adjust([0.01, double.NaN, 0.02]);
        double.IsNaN(q[1]).ShouldBeTrue();
        q[0].ShouldBe(0.02, 1e-12);
        q[2].ShouldBe(0.02, 1e-12);
    }
}

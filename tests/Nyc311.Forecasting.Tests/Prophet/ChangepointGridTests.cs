using CsCheck;
using Nyc311.Forecasting.Prophet.Internal;

namespace Nyc311.Forecasting.Tests.Prophet;

/// <summary>Automatic changepoint placement: numpy's linspace rounded half to even.</summary>
public class ChangepointGridTests
{
    [Fact]
    public void Halves_round_to_even_as_numpy_does()
    {
        // linspace(0, 5, 3) = [0, 2.5, 5]: numpy rounds 2.5 to 2. hist_size = floor(7.5 * 0.8) = 6.
        ChangepointGrid.Linspace(0, 5, 3).ShouldBe([0, 2.5, 5]);
        ChangepointGrid.Indices(historyRows: 7, changepointCount: 2, changepointRange: 6.0 / 7).ShouldBe([2, 5]);

        // linspace(0, 7, 3) = [0, 3.5, 7]: 3.5 rounds to 4.
        ChangepointGrid.Indices(historyRows: 8, changepointCount: 2, changepointRange: 1.0).ShouldBe([4, 7]);
    }

    [Fact]
    public void Peyton_gets_25_changepoints_in_the_first_80_percent()
    {
        var indices = ChangepointGrid.Indices(2905, 25, 0.8);
        indices.Length.ShouldBe(25);
        indices[0].ShouldBe(93);
        indices[^1].ShouldBe(2323);
    }

    [Fact]
    public void Too_short_a_history_caps_the_number_of_changepoints()
    {
        // hist_size = floor(10 * 0.8) = 8, so at most 7 changepoints.
        ChangepointGrid.Indices(10, 25, 0.8).ShouldBe([1, 2, 3, 4, 5, 6, 7]);
        ChangepointGrid.Indices(2, 25, 0.8).ShouldBeEmpty();
    }

    [Fact]
    public void Each_index_is_the_half_even_rounding_of_the_exact_grid_point()
    {
        // With a power-of-two count the float grid is exact, so exact integer arithmetic is the oracle.
        Gen.Select(Gen.Int[2, 5000], Gen.Int[0, 6]).Sample((rows, power) =>
        {
            var n = 1 << power;
            var indices = ChangepointGrid.Indices(rows, n, 1.0);
            var count = Math.Min(n, rows - 1);
            indices.Length.ShouldBe(count);
            if (count != n)
            {
                return;
            }

            for (var i = 1; i <= n; i++)
            {
                long numerator = (long)i * (rows - 1);
                var floor = numerator / n;
                var remainder2 = 2 * (numerator % n);
                var expected = remainder2 < n ? floor : remainder2 > n ? floor + 1 : floor % 2 == 0 ? floor : floor + 1;
                indices[i - 1].ShouldBe((int)expected);
            }
        });
    }

    [Fact]
    public void Indices_increase_and_stay_inside_the_changepoint_range()
    {
        Gen.Select(Gen.Int[3, 20_000], Gen.Int[0, 60], Gen.Double[0.05, 1.0]).Sample((rows, n, range) =>
        {
            var indices = ChangepointGrid.Indices(rows, n, range);
            var histSize = (int)Math.Floor(rows * range);
            for (var i = 0; i < indices.Length; i++)
            {
                indices[i].ShouldBeGreaterThanOrEqualTo(1);
                indices[i].ShouldBeLessThanOrEqualTo(histSize - 1);
                if (i > 0)
                {
                    indices[i].ShouldBeGreaterThanOrEqualTo(indices[i - 1]);
                }
            }

            if (indices.Length > 0)
            {
                indices[^1].ShouldBe(histSize - 1);
            }
        });
    }
}

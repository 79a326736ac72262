using CsCheck;
using Nyc311.Forecasting.Prophet;
using Nyc311.Forecasting.Prophet.Internal;

namespace Nyc311.Forecasting.Tests.Prophet;

/// <summary>Prophet's scaling of y and time (initialize_scales, setup_dataframe).</summary>
public class ScalingTests
{
    private static readonly Gen<double[]> Series = Gen.Double[-1e6, 1e6].Array[2, 60];

    [Fact]
    public void Absmax_divides_by_the_largest_absolute_value()
    {
        Series.Sample(values =>
        {
            var prepared = Prepare(values, ProphetScaling.AbsMax);
            var scale = values.Max(Math.Abs);
            prepared.Scales.YScale.ShouldBe(scale == 0 ? 1 : scale);
            prepared.Scales.YMin.ShouldBe(0);
            prepared.Data.Y.Max(Math.Abs).ShouldBe(scale == 0 ? 0 : 1, 1e-12);
        });
    }

    [Fact]
    public void Minmax_maps_the_history_onto_0_to_1()
    {
        Series.Where(v => v.Max() > v.Min()).Sample(values =>
        {
            var prepared = Prepare(values, ProphetScaling.MinMax);
            prepared.Scales.YMin.ShouldBe(values.Min());
            prepared.Data.Y.Min().ShouldBe(0, 1e-12);
            prepared.Data.Y.Max().ShouldBe(1, 1e-12);
        });
    }

    [Fact]
    public void Scaled_time_is_increasing_from_0_to_1()
    {
        Gen.Int[1, 5].Array[2, 60].Sample(gaps =>
        {
            var dates = new DateTime[gaps.Length];
            var date = new DateTime(2020, 1, 1);
            for (var i = 0; i < gaps.Length; i++)
            {
                date = date.AddDays(gaps[i]);
                dates[i] = date;
            }

            var prepared = ProphetPreprocessor.Prepare(new ProphetData(dates, gaps.Select(g => (double)g).ToArray()), new ProphetOptions());
            var t = prepared.Data.Time;
            t[0].ShouldBe(0);
            t[^1].ShouldBe(1);
            for (var i = 1; i < t.Length; i++)
            {
                t[i].ShouldBeGreaterThan(t[i - 1]);
                t[i].ShouldBe((dates[i] - dates[0]).TotalDays / (dates[^1] - dates[0]).TotalDays, 1e-12);
            }
        });
    }

    [Fact]
    public void A_constant_zero_series_keeps_a_unit_scale()
    {
        Prepare([0, 0, 0], ProphetScaling.AbsMax).Scales.YScale.ShouldBe(1);
    }

    private static PreparedFit Prepare(double[] values, ProphetScaling scaling)
    {
        var dates = Enumerable.Range(0, values.Length).Select(i => new DateTime(2021, 1, 1).AddDays(i)).ToArray();
        return ProphetPreprocessor.Prepare(new ProphetData(dates, values), new ProphetOptions { Scaling = scaling });
    }
}

using Nyc311.Simulation.Calibration;

namespace Nyc311.Simulation.Model;

internal static partial class MixCalibration
{
    private static void FitBoroughs(MixModel model, PublishedMix mix)
    {
        var p = model.Parameters;
        var window2017 = Days(model.Totals, new DateOnly(2017, 1, 1), new DateOnly(2017, 12, 31));
        // The 2025 sample: every SR created on day-of-year 1, 11, 21, ..., 361.
        var window2025 = Enumerable.Range(0, 37).Select(i => new DateOnly(2025, 1, 1).AddDays(10 * i)).Where(d => model.Totals.RequestsOn(d) is not null).ToArray();
        var expected2017 = new ExpectedWindow(model, window2017).ExpectedCounts();
        var expected2025 = new ExpectedWindow(model, window2025).ExpectedCounts();
        var target2017 = Normalised(mix.Boroughs2017);
        var target2025 = Normalised(mix.Boroughs2025);

        for (var round = 0; round < MaxRounds; round++)
        {
            var a2017 = Normalised(BoroughTotals(model, window2017, expected2017));
            var a2025 = Normalised(BoroughTotals(model, window2025, expected2025));
            var worst = 0.0;
            for (var b = 0; b < 5; b++)
            {
                var s17 = Math.Log(target2017[b] / a2017[b]);
                var s25 = Math.Log(target2025[b] / a2025[b]);
                p.LogBorough2017[b] += s17;
                p.LogBorough2025[b] += s25;
                worst = Math.Max(worst, Math.Max(Math.Abs(s17), Math.Abs(s25)));
            }

            if (worst < Tolerance)
            {
                return;
            }
        }
    }

    private static double[] BoroughTotals(MixModel model, DateOnly[] days, double[][] expected)
    {
        var totals = new double[5];
        Span<double> factors = stackalloc double[5];
        Span<double> weights = stackalloc double[5];
        for (var d = 0; d < days.Length; d++)
        {
            for (var b = 0; b < 5; b++)
            {
                factors[b] = Math.Exp(model.LogBoroughFactor(b, days[d]));
            }

            for (var t = 0; t < expected[d].Length; t++)
            {
                if (expected[d][t] == 0)
                {
                    continue;
                }

                if (t == model.StreetFloodingIndex)
                {
                    model.BoroughWeights(t, days[d], weights);
                }
                else
                {
                    var profile = model.Tables.Types[t].Boroughs.Weights;
                    for (var b = 0; b < 5; b++)
                    {
                        weights[b] = profile[b] * factors[b];
                    }
                }

                var sum = weights[0] + weights[1] + weights[2] + weights[3] + weights[4];
                for (var b = 0; b < 5; b++)
                {
                    totals[b] += expected[d][t] * weights[b] / sum;
                }
            }
        }

        return totals;
    }
}

using CsCheck;
using Nyc311.Forecasting.Prophet;
using Nyc311.Forecasting.Prophet.Internal;

namespace Nyc311.Forecasting.Tests.Prophet;

/// <summary>The analytic gradient of the log posterior agrees with central finite differences.</summary>
public class ObjectiveGradientTests
{
    [Theory]
    [InlineData(ProphetGrowth.Linear, SeasonalityMode.Additive)]
    [InlineData(ProphetGrowth.Linear, SeasonalityMode.Multiplicative)]
    [InlineData(ProphetGrowth.Logistic, SeasonalityMode.Additive)]
    [InlineData(ProphetGrowth.Logistic, SeasonalityMode.Multiplicative)]
    [InlineData(ProphetGrowth.Flat, SeasonalityMode.Additive)]
    public void Analytic_gradient_matches_finite_differences(ProphetGrowth growth, SeasonalityMode mode)
    {
        var data = TestData.Head(TestData.DailyUnivariate, 120);
        var withCap = new ProphetData(data.Dates, data.Values) { Cap = Enumerable.Repeat(90.0, data.Count).ToArray() };
        var options = new ProphetOptions
        {
            Growth = growth,
            SeasonalityMode = mode,
            ChangepointCount = 6,
            Holidays = [new ProphetHoliday("event", new DateOnly(2012, 6, 1), -1, 2)],
            HolidaysMode = SeasonalityMode.Additive,
        };
        var prepared = ProphetPreprocessor.Prepare(withCap, options);
        var dimension = prepared.Data.Dimension;

        // Deltas are kept away from 0, where the Laplace prior has a kink.
        var parameters = Gen.Double[-0.8, 0.8].Array[dimension];
        parameters.Sample(raw =>
        {
            var x = (double[])raw.Clone();
            x[0] = 1.5 + raw[0];
            x[1] = 0.3 + (0.2 * raw[1]);
            for (var j = 0; j < prepared.Data.S; j++)
            {
                x[2 + j] = Math.CopySign(0.01 + Math.Abs(raw[2 + j]) * 0.1, raw[2 + j]);
            }

            x[prepared.Data.SigmaIndex] = -2 + raw[prepared.Data.SigmaIndex];

            // CsCheck samples on several threads; the objective owns scratch buffers, so each sample gets its own.
            var objective = new ProphetObjective(prepared.Data);
            var gradient = new double[dimension];
            objective.Evaluate(x, gradient);
            var scratch = new double[dimension];
            for (var i = 0; i < dimension; i++)
            {
                var h = 1e-6;
                var plus = (double[])x.Clone();
                var minus = (double[])x.Clone();
                plus[i] += h;
                minus[i] -= h;
                var numeric = (objective.Evaluate(plus, scratch) - objective.Evaluate(minus, scratch)) / (2 * h);
                Math.Abs(numeric - gradient[i]).ShouldBeLessThan(1e-4 * Math.Max(1, Math.Abs(numeric)), $"parameter {i}");
            }
        }, iter: 20);
    }
}

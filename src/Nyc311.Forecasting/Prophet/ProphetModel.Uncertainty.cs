using Nyc311.Forecasting.Prophet.Internal;

namespace Nyc311.Forecasting.Prophet;

/// <summary>
/// Prediction intervals by simulation, as Prophet's vectorised <c>predict_uncertainty</c>: future trend
/// changes occur at each future step with probability S x step (S changepoints per unit of scaled time, as in
/// the history), with Laplace(0, mean |delta|) sizes, and each path gets normal(0, sigma_obs) noise.
/// </summary>
public sealed partial class ProphetModel
{
    private sealed record Intervals(double[] YhatLower, double[] YhatUpper, double[] TrendLower, double[] TrendUpper);

    private Intervals SimulateIntervals(PredictionFrame frame, double[] trendScaled, double[] additiveTerms, double[] multiplicativeTerms)
    {
        var n = frame.Dates.Length;
        var samples = Options.UncertaintySamples;
        var random = new SamplingRandom(Options.Seed);
        var yScale = _prepared.Scales.YScale;
        var firstFuture = 0;
        while (firstFuture < n && frame.Time[firstFuture] <= 1)
        {
            firstFuture++;
        }

        var futureLength = n - firstFuture;
        var trendShift = futureLength > 0 ? TrendShifts(frame, firstFuture, samples, random) : null;

        var lowerPercent = 100 * (1.0 - Options.IntervalWidth) / 2;
        var upperPercent = 100 * (1.0 + Options.IntervalWidth) / 2;
        var noisy = Options.Growth != ProphetGrowth.Flat;
        var sigma = Parameters.SigmaObs;
        var yhatSamples = new double[samples];
        var trendSamples = new double[samples];
        var result = new Intervals(new double[n], new double[n], new double[n], new double[n]);
        for (var i = 0; i < n; i++)
        {
            var future = i - firstFuture;
            for (var s = 0; s < samples; s++)
            {
                var shift = future >= 0 ? trendShift![(s * futureLength) + future] : 0.0;
                var trend = ((trendScaled[i] + shift) * yScale) + frame.Floor[i];
                var noise = noisy ? random.NextNormal() * sigma * yScale : 0.0;
                trendSamples[s] = trend;
                yhatSamples[s] = (trend * (1 + multiplicativeTerms[i])) + additiveTerms[i] + noise;
            }

            result.YhatLower[i] = Percentile.Of(yhatSamples, lowerPercent);
            result.YhatUpper[i] = Percentile.Of(yhatSamples, upperPercent);
            if (future < 0)
            {
                // No trend uncertainty in the history: every path has the same trend.
                result.TrendLower[i] = trendSamples[0];
                result.TrendUpper[i] = trendSamples[0];
            }
            else
            {
                result.TrendLower[i] = Percentile.Of(trendSamples, lowerPercent);
                result.TrendUpper[i] = Percentile.Of(trendSamples, upperPercent);
            }
        }

        return result;
    }

    /// <summary>
    /// Simulated deviations of the scaled trend at the future rows, sample-major (samples x future rows):
    /// Prophet's <c>_sample_uncertainty</c>.
    /// </summary>
    private double[] TrendShifts(PredictionFrame frame, int firstFuture, int samples, SamplingRandom random)
    {
        var n = frame.Dates.Length;
        var length = n - firstFuture;
        var history = _prepared.Data;
        double singleDiff;
        if (length > 1)
        {
            singleDiff = (frame.Time[n - 1] - frame.Time[firstFuture]) / (length - 1);
        }
        else
        {
            singleDiff = (history.Time[^1] - history.Time[0]) / (history.T - 1);
        }

        var likelihood = history.S * singleDiff;
        var meanDelta = 1e-8;
        foreach (var d in _delta)
        {
            meanDelta += Math.Abs(d) / _delta.Length;
        }

        var shifts = new double[samples * length];
        if (Options.Growth == ProphetGrowth.Flat)
        {
            return shifts;
        }

        var rateChanges = ShiftMatrix(samples, length, likelihood, meanDelta, random);
        if (Options.Growth == ProphetGrowth.Linear)
        {
            for (var s = 0; s < samples; s++)
            {
                var rate = 0.0;
                var level = 0.0;
                for (var f = 0; f < length; f++)
                {
                    rate += rateChanges[(s * length) + f];
                    level += rate;
                    shifts[(s * length) + f] = level * singleDiff;
                }
            }

            return shifts;
        }

        return LogisticShifts(frame, firstFuture, samples, rateChanges, singleDiff);
    }

    /// <summary>
    /// Prophet's <c>_make_trend_shift_matrix</c>: a Laplace rate change at each step with probability
    /// <paramref name="likelihood"/>, then averaged with the previous step's.
    /// </summary>
    private static double[] ShiftMatrix(int samples, int length, double likelihood, double meanDelta, SamplingRandom random)
    {
        var raw = new double[samples * length];
        for (var i = 0; i < raw.Length; i++)
        {
            raw[i] = random.NextUniform() < likelihood ? 1.0 : 0.0;
        }

        for (var i = 0; i < raw.Length; i++)
        {
            raw[i] *= random.NextLaplace(meanDelta);
        }

        var averaged = new double[raw.Length];
        for (var s = 0; s < samples; s++)
        {
            var previous = 0.0;
            for (var f = 0; f < length; f++)
            {
                var current = raw[(s * length) + f];
                averaged[(s * length) + f] = (previous + current) / 2;
                previous = current;
            }
        }

        return averaged;
    }
}

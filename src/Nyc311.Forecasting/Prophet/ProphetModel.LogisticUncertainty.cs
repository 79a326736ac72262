using Nyc311.Forecasting.Prophet.Internal;

namespace Nyc311.Forecasting.Prophet;

/// <summary>Trend simulation for logistic growth (Prophet's <c>_logistic_uncertainty</c>).</summary>
public sealed partial class ProphetModel
{
    /// <summary>
    /// Replays the fitted rate changes on a regular grid over the history (step = the future step), appends the
    /// simulated future rate changes, rebuilds the continuity offsets, and returns each path's logistic trend at
    /// the future rows minus the mean over paths, so the simulated spread is centred on the point forecast.
    /// </summary>
    private double[] LogisticShifts(PredictionFrame frame, int firstFuture, int samples, double[] futureChanges, double singleDiff)
    {
        var length = frame.Dates.Length - firstFuture;
        var gridLength = (int)Math.Ceiling((1 + singleDiff) / singleDiff);
        var gridTime = new double[gridLength];
        var gridChanges = new double[gridLength];
        for (var i = 0; i < gridLength; i++)
        {
            gridTime[i] = i * singleDiff;
        }

        var changepoints = _prepared.Data.Changepoints;
        for (var j = 0; j < changepoints.Length; j++)
        {
            var index = Array.FindIndex(gridTime, g => g > changepoints[j]);
            if (index >= 0)
            {
                gridChanges[index] = _delta[j];
            }
        }

        var total = gridLength + length;
        var k = Parameters.K;
        var m = Parameters.M;
        var shifts = new double[samples * length];
        var changes = new double[total];
        var mean = new double[length];
        for (var s = 0; s < samples; s++)
        {
            Array.Copy(gridChanges, changes, gridLength);
            Array.Copy(futureChanges, s * length, changes, gridLength, length);
            var cumulative = 0.0;
            var rateBefore = k;
            var gammaSum = 0.0;
            for (var i = 0; i < total; i++)
            {
                var time = i < gridLength ? gridTime[i] : frame.Time[firstFuture + i - gridLength];
                cumulative += changes[i];
                var rateAfter = changes[i] != 0 ? cumulative + k : rateBefore;
                var gamma = (time - m - gammaSum) * (1 - (rateBefore / rateAfter));
                gammaSum += gamma;
                rateBefore = rateAfter;
                if (i >= gridLength)
                {
                    var f = i - gridLength;
                    var rate = cumulative + k;
                    var offset = gammaSum + m;
                    var value = frame.CapScaled[firstFuture + f] / (1 + Math.Exp(-rate * (time - offset)));
                    shifts[(s * length) + f] = value;
                    mean[f] += value / samples;
                }
            }
        }

        for (var s = 0; s < samples; s++)
        {
            for (var f = 0; f < length; f++)
            {
                shifts[(s * length) + f] -= mean[f];
            }
        }

        return shifts;
    }
}

namespace Nyc311.Forecasting.Prophet.Internal;

/// <summary>The trend and its gradient, in O(T + S) using the sorted changepoints.</summary>
internal sealed partial class ProphetObjective
{
    private void ComputeTrend(double k, double m, ReadOnlySpan<double> deltas)
    {
        var d = _data;
        switch (d.Growth)
        {
            case ProphetGrowth.Linear:
            {
                var rate = k;
                var offset = m;
                var next = 0;
                for (var i = 0; i < d.T; i++)
                {
                    while (next < d.S && d.FirstActiveRow[next] <= i)
                    {
                        rate += deltas[next];
                        offset += -d.Changepoints[next] * deltas[next];
                        next++;
                    }

                    _trend[i] = (rate * d.Time[i]) + offset;
                }

                break;
            }

            case ProphetGrowth.Logistic:
            {
                TrendFunctions.LogisticGamma(k, m, deltas, d.Changepoints, _gamma);
                _segmentRate[0] = k;
                _segmentOffset[0] = m;
                for (var j = 0; j < d.S; j++)
                {
                    _segmentRate[j + 1] = _segmentRate[j] + deltas[j];
                    _segmentOffset[j + 1] = _segmentOffset[j] + _gamma[j];
                }

                var segment = 0;
                for (var i = 0; i < d.T; i++)
                {
                    while (segment < d.S && d.FirstActiveRow[segment] <= i)
                    {
                        segment++;
                    }

                    var z = _segmentRate[segment] * (d.Time[i] - _segmentOffset[segment]);
                    _trend[i] = d.Cap[i] / (1 + Math.Exp(-z));
                }

                break;
            }

            default:
                Array.Fill(_trend, m);
                break;
        }
    }

    /// <summary>Adds the likelihood's gradient with respect to k, m and delta (the priors are added by the caller).</summary>
    private void TrendGradient(Span<double> gradient)
    {
        var d = _data;
        for (var i = 0; i < d.T; i++)
        {
            _trendAdjoint[i] = -_residualWeight[i] * (1 + _multiplicativeTerms[i]);
        }

        switch (d.Growth)
        {
            case ProphetGrowth.Linear:
                LinearGradient(gradient);
                break;
            case ProphetGrowth.Logistic:
                LogisticGradient(gradient);
                break;
            default:
            {
                var sum = 0.0;
                for (var i = 0; i < d.T; i++)
                {
                    sum += _trendAdjoint[i];
                }

                gradient[1] += sum;
                break;
            }
        }
    }

    private void LinearGradient(Span<double> gradient)
    {
        var d = _data;
        var suffixW = 0.0;
        var suffixWt = 0.0;
        var row = d.T;
        for (var j = d.S - 1; j >= 0; j--)
        {
            while (row > d.FirstActiveRow[j])
            {
                row--;
                suffixW += _trendAdjoint[row];
                suffixWt += _trendAdjoint[row] * d.Time[row];
            }

            gradient[2 + j] += suffixWt - (d.Changepoints[j] * suffixW);
        }

        while (row > 0)
        {
            row--;
            suffixW += _trendAdjoint[row];
            suffixWt += _trendAdjoint[row] * d.Time[row];
        }

        gradient[0] += suffixWt;
        gradient[1] += suffixW;
    }

    private void LogisticGradient(Span<double> gradient)
    {
        var d = _data;
        var rateAdjoint = _rateAdjoint;
        var offsetBySegment = _offsetAdjoint;
        Array.Clear(rateAdjoint);
        Array.Clear(offsetBySegment);
        var segment = 0;
        for (var i = 0; i < d.T; i++)
        {
            while (segment < d.S && d.FirstActiveRow[segment] <= i)
            {
                segment++;
            }

            var rate = _segmentRate[segment];
            var shifted = d.Time[i] - _segmentOffset[segment];
            var p = d.Cap[i] == 0 ? 0.0 : _trend[i] / d.Cap[i];
            var slope = _trendAdjoint[i] * d.Cap[i] * p * (1 - p);
            rateAdjoint[segment] += slope * shifted;
            offsetBySegment[segment] += -slope * rate;
        }

        // Offsets: segment s uses m + gamma_0..gamma_{s-1}; gamma_j depends on m, gamma_{<j} and the rates.
        var dm = 0.0;
        var laterOffsets = 0.0;
        var carry = 0.0;
        for (var j = d.S - 1; j >= 0; j--)
        {
            laterOffsets += offsetBySegment[j + 1];
            var gammaAdjoint = laterOffsets + carry;
            var before = _segmentRate[j];
            var after = _segmentRate[j + 1];
            var distance = d.Changepoints[j] - _segmentOffset[j];
            var previousOffsetAdjoint = -gammaAdjoint * (1 - (before / after));
            carry += previousOffsetAdjoint;
            dm += previousOffsetAdjoint;
            rateAdjoint[j] += gammaAdjoint * distance * (-1 / after);
            rateAdjoint[j + 1] += gammaAdjoint * distance * before / (after * after);
        }

        dm += laterOffsets + offsetBySegment[0];
        var suffix = 0.0;
        for (var s = d.S; s >= 1; s--)
        {
            suffix += rateAdjoint[s];
            gradient[2 + s - 1] += suffix;
        }

        gradient[0] += suffix + rateAdjoint[0];
        gradient[1] += dm;
    }
}

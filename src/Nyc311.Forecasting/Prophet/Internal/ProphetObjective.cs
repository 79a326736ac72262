using Nyc311.Forecasting.Prophet.Optimization;

namespace Nyc311.Forecasting.Prophet.Internal;

/// <summary>
/// The negative log posterior of <c>prophet.stan</c> (up to a constant, as Stan's <c>propto</c>), over the
/// unconstrained parameters [k, m, delta, log sigma_obs, beta], without the Jacobian of the log transform
/// (Stan's optimiser default), with its analytic gradient. All buffers are allocated once.
/// </summary>
internal sealed partial class ProphetObjective : IObjective
{
    private const double TrendPriorScale = 5.0;
    private const double SigmaPriorScale = 0.5;

    private readonly ModelData _data;
    private readonly double[] _trend;
    private readonly double[] _multiplicativeTerms;
    private readonly double[] _residualWeight;
    private readonly double[] _trendAdjoint;
    private readonly double[] _accumulateAdditive;
    private readonly double[] _accumulateMultiplicative;
    private readonly double[] _segmentRate;
    private readonly double[] _segmentOffset;
    private readonly double[] _gamma;
    private readonly double[] _rateAdjoint;
    private readonly double[] _offsetAdjoint;

    public ProphetObjective(ModelData data)
    {
        _data = data;
        _trend = new double[data.T];
        _multiplicativeTerms = new double[data.T];
        _residualWeight = new double[data.T];
        _trendAdjoint = new double[data.T];
        _accumulateAdditive = new double[data.K];
        _accumulateMultiplicative = new double[data.K];
        _segmentRate = new double[data.S + 1];
        _segmentOffset = new double[data.S + 1];
        _gamma = new double[data.S];
        _rateAdjoint = new double[data.S + 1];
        _offsetAdjoint = new double[data.S + 1];
    }

    public int Dimension => _data.Dimension;

    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        var d = _data;
        var k = x[0];
        var m = x[1];
        var deltas = x.Slice(2, d.S);
        var logSigma = x[d.SigmaIndex];
        var beta = x.Slice(d.BetaIndex, d.K);
        var sigma = Math.Exp(logSigma);

        ComputeTrend(k, m, deltas);
        var sumSquares = ComputeResiduals(beta, sigma);

        var f = (0.5 * sumSquares) + (d.T * logSigma);
        f += 0.5 * ((k / TrendPriorScale) * (k / TrendPriorScale));
        f += 0.5 * ((m / TrendPriorScale) * (m / TrendPriorScale));
        f += 0.5 * ((sigma / SigmaPriorScale) * (sigma / SigmaPriorScale));
        var absDeltas = 0.0;
        for (var j = 0; j < d.S; j++)
        {
            absDeltas += Math.Abs(deltas[j]);
        }

        f += absDeltas / d.Tau;
        for (var j = 0; j < d.K; j++)
        {
            var z = beta[j] / d.PriorScales[j];
            f += 0.5 * z * z;
        }

        gradient.Clear();
        TrendGradient(gradient);
        gradient[0] += k / (TrendPriorScale * TrendPriorScale);
        gradient[1] += m / (TrendPriorScale * TrendPriorScale);
        for (var j = 0; j < d.S; j++)
        {
            gradient[2 + j] += Math.Sign(deltas[j]) / d.Tau;
        }

        gradient[d.SigmaIndex] = -sumSquares + d.T + ((sigma * sigma) / (SigmaPriorScale * SigmaPriorScale));
        BetaGradient(beta, gradient.Slice(d.BetaIndex, d.K));
        return f;
    }

    /// <summary>Residual pass: fills the weights e_i = r_i / sigma^2 and returns the sum of (r_i / sigma)^2.</summary>
    private double ComputeResiduals(ReadOnlySpan<double> beta, double sigma)
    {
        var d = _data;
        var x = d.Features;
        var width = d.K;
        var inverseSigma = 1.0 / sigma;
        var sumSquares = 0.0;
        Span<double> betaAdditive = width <= 512 ? stackalloc double[width] : new double[width];
        Span<double> betaMultiplicative = width <= 512 ? stackalloc double[width] : new double[width];
        for (var j = 0; j < width; j++)
        {
            betaAdditive[j] = beta[j] * d.Additive[j];
            betaMultiplicative[j] = beta[j] * d.Multiplicative[j];
        }

        for (var i = 0; i < d.T; i++)
        {
            var row = x.AsSpan(i * width, width);
            var additive = VectorMath.Dot(row, betaAdditive);
            var multiplicative = d.HasMultiplicative ? VectorMath.Dot(row, betaMultiplicative) : 0.0;
            _multiplicativeTerms[i] = multiplicative;
            var mean = (_trend[i] * (1 + multiplicative)) + additive;
            var z = (d.Y[i] - mean) * inverseSigma;
            sumSquares += z * z;
            _residualWeight[i] = z * inverseSigma;
        }

        return sumSquares;
    }

    /// <summary>Gradient of the likelihood and prior with respect to beta.</summary>
    private void BetaGradient(ReadOnlySpan<double> beta, Span<double> gradient)
    {
        var d = _data;
        var x = d.Features;
        var width = d.K;
        Array.Clear(_accumulateAdditive);
        Array.Clear(_accumulateMultiplicative);
        for (var i = 0; i < d.T; i++)
        {
            var row = x.AsSpan(i * width, width);
            var e = _residualWeight[i];
            VectorMath.Axpy(-e, row, _accumulateAdditive);
            if (d.HasMultiplicative)
            {
                VectorMath.Axpy(-e * _trend[i], row, _accumulateMultiplicative);
            }
        }

        for (var j = 0; j < width; j++)
        {
            gradient[j] = (d.Additive[j] * _accumulateAdditive[j])
                + (d.Multiplicative[j] * _accumulateMultiplicative[j])
                + (beta[j] / (d.PriorScales[j] * d.PriorScales[j]));
        }
    }
}

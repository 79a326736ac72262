using MathNet.Numerics;

namespace Nyc311.Anomalies.Maths;

/// <summary>
/// A predictive distribution for a day's count: negative binomial with mean μ and variance μ + αμ²
/// (α the dispersion), which is Poisson when α = 0. Tail probabilities are computed directly (not as
/// 1 - CDF), so p-values far below 1e-16 keep their precision.
/// </summary>
public readonly record struct CountDistribution
{
    /// <summary>Below this dispersion the distribution is treated as Poisson.</summary>
    public const double PoissonDispersion = 1e-9;

    // The median of a chi-square variable with one degree of freedom.
    private const double ChiSquareOneMedian = 0.45493642311957283;

    /// <summary>Creates the distribution; μ is floored at a small positive value so a quiet series still has a distribution.</summary>
    /// <param name="mean">Expected requests (μ ≥ 0).</param>
    /// <param name="dispersion">α ≥ 0; 0 is Poisson.</param>
    public CountDistribution(double mean, double dispersion)
    {
        if (!double.IsFinite(mean) || mean < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(mean), mean, "the mean must be a finite number of requests, 0 or more");
        }

        if (!double.IsFinite(dispersion) || dispersion < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(dispersion), dispersion, "the dispersion must be finite and 0 or more");
        }

        Mean = Math.Max(mean, MinimumMean);
        Dispersion = dispersion < PoissonDispersion ? 0 : dispersion;
    }

    /// <summary>The smallest mean used (a series expected to be silent can still see one request).</summary>
    public const double MinimumMean = 0.1;

    /// <summary>μ, expected requests.</summary>
    public double Mean { get; }

    /// <summary>α in Var = μ + αμ²; 0 for Poisson.</summary>
    public double Dispersion { get; }

    /// <summary>The variance μ + αμ².</summary>
    public double Variance => Mean + (Dispersion * Mean * Mean);

    public bool IsPoisson => Dispersion == 0;

    /// <summary>P(Y ≥ y): the p-value of a spike of <paramref name="observed"/> requests (rounded to a count).</summary>
    public double UpperTail(double observed)
    {
        var y = Math.Round(observed);
        if (y <= 0)
        {
            return 1;
        }

        return IsPoisson
            ? SpecialFunctions.GammaLowerRegularized(y, Mean)
            : SpecialFunctions.BetaRegularized(y, 1 / Dispersion, Mean / ((1 / Dispersion) + Mean));
    }

    /// <summary>P(Y ≤ y): the p-value of a drop to <paramref name="observed"/> requests (rounded to a count).</summary>
    public double LowerTail(double observed)
    {
        var y = Math.Round(observed);
        if (y < 0)
        {
            return 0;
        }

        return IsPoisson
            ? SpecialFunctions.GammaUpperRegularized(y + 1, Mean)
            : SpecialFunctions.BetaRegularized(1 / Dispersion, y + 1, (1 / Dispersion) / ((1 / Dispersion) + Mean));
    }

    /// <summary>The smallest count whose cumulative probability P(Y ≤ x) reaches <paramref name="probability"/>.</summary>
    public int Quantile(double probability)
    {
        if (!(probability is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "must be in (0, 1)");
        }

        var low = 0;
        var high = (int)Math.Min(int.MaxValue / 2, Math.Ceiling(Mean + (40 * Math.Sqrt(Variance)) + 40));
        while (LowerTail(high) < probability)
        {
            high = checked(high * 2);
        }

        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (LowerTail(middle) >= probability)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }

    /// <summary>The central range holding <paramref name="width"/> of the probability (for example 0.95).</summary>
    public (int Lower, int Upper) Range(double width) => (Quantile((1 - width) / 2), Quantile((1 + width) / 2));

    /// <summary>
    /// Estimates α from past observations and the expectations made for them (each made before its day),
    /// robustly: the α for which the median of r² / (μ + αμ²) equals the median of a χ²₁ variable, so up to
    /// half of the past days can be anomalies without inflating it. Returns 0 (Poisson) when the past is
    /// no more variable than Poisson, and <paramref name="fallback"/> with fewer than 7 usable days.
    /// </summary>
    public static double EstimateDispersion(ReadOnlySpan<double> observed, ReadOnlySpan<double> expected, double fallback = 0.05)
    {
        if (observed.Length != expected.Length)
        {
            throw new ArgumentException("one expectation per observation is needed", nameof(expected));
        }

        var squares = new List<double>(observed.Length);
        var means = new List<double>(observed.Length);
        for (var i = 0; i < observed.Length; i++)
        {
            if (double.IsFinite(observed[i]) && double.IsFinite(expected[i]))
            {
                var mean = Math.Max(expected[i], MinimumMean);
                squares.Add((observed[i] - mean) * (observed[i] - mean));
                means.Add(mean);
            }
        }

        if (squares.Count < 7)
        {
            return fallback;
        }

        double MedianRatio(double alpha)
        {
            var ratios = new double[squares.Count];
            for (var i = 0; i < ratios.Length; i++)
            {
                ratios[i] = squares[i] / (means[i] + (alpha * means[i] * means[i]));
            }

            return RobustStatistics.MedianInPlace(ratios);
        }

        if (MedianRatio(0) <= ChiSquareOneMedian)
        {
            return 0;
        }

        var high = 1.0;
        while (MedianRatio(high) > ChiSquareOneMedian && high < 1e6)
        {
            high *= 4;
        }

        var low = 0.0;
        for (var i = 0; i < 60; i++)
        {
            var middle = (low + high) / 2;
            if (MedianRatio(middle) > ChiSquareOneMedian)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return (low + high) / 2;
    }

    /// <summary>
    /// The count distribution implied by a forecast interval: the interval's half-width over the normal
    /// quantile of its width is a standard deviation σ, and α makes the variance μ + αμ² equal σ² (Poisson
    /// when the interval is no wider than Poisson noise).
    /// </summary>
    public static CountDistribution FromInterval(double mean, double lower, double upper, double width)
    {
        var sigma = (upper - lower) / (2 * NormalTails.Quantile((1 + width) / 2));
        var mu = Math.Max(mean, MinimumMean);
        var alpha = double.IsFinite(sigma) && sigma > 0 ? Math.Max(0, ((sigma * sigma) - mu) / (mu * mu)) : 0;
        return new CountDistribution(mu, alpha);
    }
}

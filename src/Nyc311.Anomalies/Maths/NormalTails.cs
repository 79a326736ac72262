using MathNet.Numerics;

namespace Nyc311.Anomalies.Maths;

/// <summary>Tail probabilities and quantiles of the standard normal distribution, accurate far into the tails.</summary>
internal static class NormalTails
{
    /// <summary>P(Z ≥ z).</summary>
    public static double Upper(double z) => double.IsNaN(z) ? double.NaN : 0.5 * SpecialFunctions.Erfc(z / Math.Sqrt(2));

    /// <summary>P(Z ≤ z).</summary>
    public static double Lower(double z) => Upper(-z);

    /// <summary>The quantile Φ⁻¹(p), for p in (0, 1).</summary>
    public static double Quantile(double p) => MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, p);
}

using Nyc311.Forecasting.Prophet.Internal;

namespace Nyc311.Forecasting.Baselines;

/// <summary>Quantiles of in-sample forecast errors, added to a point forecast to make a prediction interval.</summary>
internal readonly record struct EmpiricalInterval(double Lower, double Upper)
{
    /// <summary>At least this many errors are needed before their quantiles are trusted.</summary>
    public const int MinimumErrors = 10;

    /// <summary>
    /// The (1 - width) / 2 and (1 + width) / 2 quantiles of the errors (numpy's linear percentile),
    /// widened to include 0: when nearly every past error has one sign (a steady trend) both
    /// quantiles can fall on that side, and a band that leaves out its own point forecast would
    /// mislead both readers and the detectors that judge a day against it.
    /// </summary>
    public static EmpiricalInterval Of(List<double> errors, double width)
    {
        var buffer = errors.ToArray();
        return new EmpiricalInterval(
            Math.Min(0, Percentile.Of(buffer, 100 * (1 - width) / 2)),
            Math.Max(0, Percentile.Of(buffer, 100 * (1 + width) / 2)));
    }

    /// <summary>The interval widened by a factor (for horizons beyond the reach of the in-sample errors).</summary>
    public EmpiricalInterval Scaled(double factor) => new(Lower * factor, Upper * factor);
}

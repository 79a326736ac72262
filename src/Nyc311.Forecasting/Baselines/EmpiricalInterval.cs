using Nyc311.Forecasting.Prophet.Internal;

namespace Nyc311.Forecasting.Baselines;

/// <summary>Quantiles of in-sample forecast errors, added to a point forecast to make a prediction interval.</summary>
internal readonly record struct EmpiricalInterval(double Lower, double Upper)
{
    /// <summary>At least this many errors are needed before their quantiles are trusted.</summary>
    public const int MinimumErrors = 10;

    /// <summary>The (1 - width) / 2 and (1 + width) / 2 quantiles of the errors (numpy's linear percentile).</summary>
    public static EmpiricalInterval Of(List<double> errors, double width)
    {
        var buffer = errors.ToArray();
        return new EmpiricalInterval(
            Percentile.Of(buffer, 100 * (1 - width) / 2),
            Percentile.Of(buffer, 100 * (1 + width) / 2));
    }

    /// <summary>The interval widened by a factor (for horizons beyond the reach of the in-sample errors).</summary>
    public EmpiricalInterval Scaled(double factor) => new(Lower * factor, Upper * factor);
}

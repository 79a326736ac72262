using Nyc311.Forecasting.Prophet.Internal;

namespace Nyc311.Forecasting.Models;

/// <summary>
/// Split-conformal prediction intervals: quantiles, per horizon, of backtest residuals
/// <c>(actual - forecast) / scale</c>, where the scale is the series' seasonal naive error
/// (<see cref="Series.SeriesScale.SeasonalNaiveError"/>), so one calibration serves series of any volume.
/// The interval for a new forecast is <c>forecast + quantile x scale</c>.
/// </summary>
/// <param name="IntervalWidth">The nominal coverage, in (0, 1).</param>
/// <param name="Lower">The lower residual quantile for horizon <c>h</c> at index <c>h - 1</c>.</param>
/// <param name="Upper">The upper residual quantile for horizon <c>h</c> at index <c>h - 1</c>.</param>
/// <param name="Residuals">How many residuals the quantiles were taken from.</param>
public sealed record ConformalCalibration(double IntervalWidth, IReadOnlyList<double> Lower, IReadOnlyList<double> Upper, int Residuals)
{
    /// <summary>Horizons within this distance of h also feed h's quantiles (residuals of nearby horizons are alike).</summary>
    public const int Neighbourhood = 2;

    /// <summary>The horizons calibrated.</summary>
    public int Horizon => Lower.Count;

    /// <summary>
    /// Calibrates from normalized residuals (horizon 1-based, residual). Each horizon pools the residuals of
    /// horizons within <see cref="Neighbourhood"/>, with the finite-sample correction of split conformal
    /// prediction (the <c>(n + 1)/n</c> inflation of the quantile levels). No residuals give zero-width intervals.
    /// </summary>
    public static ConformalCalibration FromResiduals(IEnumerable<(int Horizon, double Residual)> residuals, int horizon, double intervalWidth)
    {
        ArgumentNullException.ThrowIfNull(residuals);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        var byHorizon = new List<double>[horizon];
        for (var h = 0; h < horizon; h++)
        {
            byHorizon[h] = [];
        }

        var total = 0;
        foreach (var (h, r) in residuals)
        {
            if (h >= 1 && h <= horizon && double.IsFinite(r))
            {
                byHorizon[h - 1].Add(r);
                total++;
            }
        }

        var lower = new double[horizon];
        var upper = new double[horizon];
        for (var h = 0; h < horizon; h++)
        {
            var pool = new List<double>();
            for (var k = Math.Max(0, h - Neighbourhood); k <= Math.Min(horizon - 1, h + Neighbourhood); k++)
            {
                pool.AddRange(byHorizon[k]);
            }

            if (pool.Count == 0)
            {
                continue;
            }

            var n = pool.Count;
            var upperLevel = Math.Min(1, (1 + intervalWidth) / 2 * (n + 1) / n);
            var lowerLevel = Math.Max(0, 1 - upperLevel);
            var buffer = pool.ToArray();
            lower[h] = Percentile.Of(buffer, 100 * lowerLevel);
            upper[h] = Percentile.Of(buffer, 100 * upperLevel);
        }

        return new ConformalCalibration(intervalWidth, lower, upper, total);
    }

    /// <summary>
    /// The interval around <paramref name="forecast"/> for horizon <paramref name="h"/> (1-based) of a series
    /// with scale <paramref name="scale"/>; beyond the calibrated horizons the last one widens like a random walk.
    /// </summary>
    public (double Lower, double Upper) Interval(double forecast, double scale, int h)
    {
        if (Horizon == 0)
        {
            return (forecast, forecast);
        }

        var index = Math.Clamp(h, 1, Horizon) - 1;
        var widen = h > Horizon ? Math.Sqrt((double)h / Horizon) : 1;
        return (forecast + (Lower[index] * scale * widen), forecast + (Upper[index] * scale * widen));
    }
}

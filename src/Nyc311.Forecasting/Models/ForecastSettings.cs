namespace Nyc311.Forecasting.Models;

/// <summary>What every forecaster is asked for.</summary>
public sealed record ForecastSettings
{
    /// <summary>Days to forecast after the origin; default 28.</summary>
    public int Horizon { get; init; } = 28;

    /// <summary>Width of the prediction interval, in (0, 1); default 0.80.</summary>
    public double IntervalWidth { get; init; } = 0.80;

    /// <summary>Seed of every random choice (interval simulation, tree sampling); default 311.</summary>
    public int Seed { get; init; } = 311;

    /// <summary>Series fitted at once by per-series models; default 1 (callers parallelise above).</summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>
    /// Interval calibration for models that take one (LightGBM); null makes the model calibrate itself on
    /// a hold-out of the last <see cref="Horizon"/> days.
    /// </summary>
    public ConformalCalibration? Calibration { get; init; }

    internal void Validate()
    {
        if (Horizon < 1)
        {
            throw ForecastOptionsException.OutOfRange("horizon", Horizon, "must be at least 1 day");
        }

        if (!(IntervalWidth is > 0 and < 1))
        {
            throw ForecastOptionsException.OutOfRange("interval-width", IntervalWidth, "must be in (0, 1)");
        }

        if (Parallelism < 1)
        {
            throw ForecastOptionsException.OutOfRange("parallelism", Parallelism, "must be at least 1");
        }
    }
}

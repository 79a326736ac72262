namespace Nyc311.Forecasting.Baselines;

/// <summary>Settings shared by the baseline forecasters.</summary>
public sealed record BaselineOptions
{
    /// <summary>Width of the empirical prediction interval, in (0, 1); default 0.80 (as Prophet).</summary>
    public double IntervalWidth { get; init; } = 0.80;

    /// <summary>Spacing of future dates; null infers it from the history (daily when irregular).</summary>
    public SeriesFrequency? Frequency { get; init; }

    /// <summary>Floors <c>yhat</c> and its bounds at 0, for counts.</summary>
    public bool ClampAtZero { get; init; }

    internal void Validate()
    {
        if (!(IntervalWidth is > 0 and < 1))
        {
            throw ForecastOptionsException.OutOfRange("interval-width", IntervalWidth, "must be in (0, 1)");
        }
    }
}

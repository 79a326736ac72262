namespace Nyc311.Anomalies.Detection;

/// <summary>
/// How one day of one series was judged, using only the days before it.
/// </summary>
/// <param name="Date">The day judged (New York calendar day).</param>
/// <param name="Observed">Requests that day.</param>
/// <param name="Expected">Expected requests.</param>
/// <param name="Lower">Lower end of the expected range (<see cref="AnomalyOptions.RangeWidth"/>).</param>
/// <param name="Upper">Upper end of the expected range.</param>
/// <param name="SpikePValue">Probability of at least this many requests if nothing unusual happened (one-sided, before any correction).</param>
/// <param name="DropPValue">Probability of at most this many requests if nothing unusual happened.</param>
public readonly record struct DayScore(DateOnly Date, double Observed, double Expected, double Lower, double Upper, double SpikePValue, double DropPValue)
{
    /// <summary>Observed over expected (expected floored at 0.5 so a quiet series gives a finite ratio).</summary>
    public double Ratio => Observed / Math.Max(Expected, 0.5);

    public double Excess => Observed - Expected;
}

/// <summary>A forecast for a day from <c>gold.forecasts</c>, made from history ending before the day.</summary>
/// <param name="Forecast">Expected requests.</param>
/// <param name="Lower">Lower prediction bound.</param>
/// <param name="Upper">Upper prediction bound.</param>
/// <param name="IntervalWidth">Probability the interval holds (for example 0.8).</param>
/// <param name="Model">The model that made it.</param>
/// <param name="Origin">The last day of history it was made from.</param>
public readonly record struct ExternalForecast(double Forecast, double Lower, double Upper, double IntervalWidth, string Model, DateOnly Origin);

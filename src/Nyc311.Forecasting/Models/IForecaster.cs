using Nyc311.Forecasting.Series;

namespace Nyc311.Forecasting.Models;

/// <summary>
/// A forecasting model applied to a set of series that share their last day (the origin). Per-series
/// models fit each series alone; global models (LightGBM) learn from all of them at once.
/// </summary>
public interface IForecaster
{
    /// <summary>The model's name (<see cref="ModelNames"/>).</summary>
    string Name { get; }

    /// <summary>
    /// Forecasts every series for <see cref="ForecastSettings.Horizon"/> days after its last day, in the
    /// order given. Deterministic for the same input and settings.
    /// </summary>
    IReadOnlyList<SeriesForecast> Forecast(IReadOnlyList<DailySeries> histories, ForecastSettings settings, CancellationToken cancellationToken = default);
}

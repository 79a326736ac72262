using Nyc311.Forecasting.Baselines;
using Nyc311.Forecasting.Series;

namespace Nyc311.Forecasting.Models;

/// <summary>Seasonal naive (same weekday last week) with its empirical interval; no hyperparameters.</summary>
internal sealed class SeasonalNaiveModel : PerSeriesForecaster
{
    public override string Name => ModelNames.SeasonalNaive;

    protected override SeriesForecast ForecastOne(DailySeries history, ForecastSettings settings)
    {
        var options = new BaselineOptions { IntervalWidth = settings.IntervalWidth, Frequency = SeriesFrequency.Daily, ClampAtZero = true };
        var table = new SeasonalNaiveForecaster(options: options).Forecast(Timestamps(history), [.. history.Values], settings.Horizon, history.Key.ToString());
        return FutureOf(table, history, settings.Horizon);
    }
}

/// <summary>Moving average of the last <c>window</c> days (parameter <c>window</c>, default 7).</summary>
internal sealed class MovingAverageModel(ModelSpec spec) : PerSeriesForecaster
{
    public const int DefaultWindow = 7;

    private readonly int _window = spec.Integer("window", DefaultWindow);

    public override string Name => ModelNames.MovingAverage;

    protected override SeriesForecast ForecastOne(DailySeries history, ForecastSettings settings)
    {
        var options = new BaselineOptions { IntervalWidth = settings.IntervalWidth, Frequency = SeriesFrequency.Daily, ClampAtZero = true };
        var window = Math.Min(_window, history.Length);
        var table = new MovingAverageForecaster(window, options).Forecast(Timestamps(history), [.. history.Values], settings.Horizon, history.Key.ToString());
        return FutureOf(table, history, settings.Horizon);
    }
}

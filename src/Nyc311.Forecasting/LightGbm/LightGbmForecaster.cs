using System.Runtime.ExceptionServices;
using Nyc311.Forecasting.Models;
using Nyc311.Forecasting.Series;

namespace Nyc311.Forecasting.LightGbm;

/// <summary>
/// The global LightGBM forecaster: one model learned from all series (lags, rolling statistics, calendar
/// and holiday features, series identity), with prediction intervals by conformal calibration. Given a
/// <see cref="ForecastSettings.Calibration"/> (from backtest residuals) it uses it; otherwise it calibrates
/// itself on rolling-origin hold-outs: the <see cref="LightGbmParameters.CalibrationWindows"/> windows of
/// <see cref="ForecastSettings.Horizon"/> days before the end, one extra fit each.
/// </summary>
public sealed class LightGbmForecaster(LightGbmParameters parameters) : IForecaster
{
    /// <summary>A series needs this many days beyond a hold-out window to take part in it.</summary>
    private const int MinimumCalibrationHistory = 56;

    /// <inheritdoc />
    public string Name => ModelNames.LightGbm;

    /// <summary>The hyperparameters.</summary>
    public LightGbmParameters Parameters { get; } = parameters ?? throw new ArgumentNullException(nameof(parameters));

    /// <summary>The calibration used by the last call to <see cref="Forecast"/> (self-made or given).</summary>
    public ConformalCalibration? LastCalibration { get; private set; }

    /// <inheritdoc />
    public IReadOnlyList<SeriesForecast> Forecast(IReadOnlyList<DailySeries> histories, ForecastSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        if (histories.Count == 0)
        {
            return [];
        }

        // The final fit and the calibration fits are independent (each seeded, single-threaded), so they run side by side.
        var windows = settings.Calibration is null ? CalibrationWindows(histories, settings.Horizon) : [];
        var fits = new LightGbmGlobalModel[windows.Count + 1];
        try
        {
            Parallel.For(
                0,
                fits.Length,
                new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism, CancellationToken = cancellationToken },
                i => fits[i] = LightGbmGlobalModel.Train(i == 0 ? histories : windows[i - 1].Truncated, Parameters, settings.Seed, cancellationToken));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count >= 1)
        {
            // Callers (the tuner, the CLI) handle a model's own errors; the thread pool's wrapper says nothing.
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
        var calibration = settings.Calibration ?? Calibrate(histories, windows, fits.AsSpan(1).ToArray(), settings, cancellationToken);
        LastCalibration = calibration;
        var means = fits[0].Predict(histories, settings.Horizon, cancellationToken);
        var results = new SeriesForecast[histories.Count];
        for (var s = 0; s < histories.Count; s++)
        {
            var scale = SeriesScale.SeasonalNaiveError(histories[s].Values);
            var lower = new double[settings.Horizon];
            var upper = new double[settings.Horizon];
            for (var h = 0; h < settings.Horizon; h++)
            {
                (lower[h], upper[h]) = calibration.Interval(means[s][h], scale, h + 1);
            }

            results[s] = SeriesForecast.Counts(histories[s].Key, histories[s].End, means[s], lower, upper);
        }

        return results;
    }

    /// <summary>Trains on all series and writes the ML.NET model file (the trees), for a run's artifacts.</summary>
    public void SaveModel(IReadOnlyList<DailySeries> histories, int seed, Stream stream) =>
        LightGbmGlobalModel.Train(histories, Parameters, seed, CancellationToken.None).Save(stream);

    /// <summary>
    /// The rolling hold-out windows of self-calibration: for k = 1 .. <see cref="LightGbmParameters.CalibrationWindows"/>,
    /// the series with enough history, cut <c>k x horizon</c> days before their end (an empty list when none qualifies).
    /// </summary>
    private List<CalibrationWindow> CalibrationWindows(IReadOnlyList<DailySeries> histories, int horizon)
    {
        var windows = new List<CalibrationWindow>();
        for (var k = 1; k <= Parameters.CalibrationWindows; k++)
        {
            var eligible = histories.Where(h => h.Length >= MinimumCalibrationHistory + (k * horizon)).ToList();
            if (eligible.Count == 0)
            {
                break;
            }

            windows.Add(new CalibrationWindow(eligible, [.. eligible.Select(h => h.Until(h.End.AddDays(-k * horizon)))]));
        }

        return windows;
    }

    /// <summary>
    /// Split-conformal calibration from rolling-origin hold-outs: each window's model forecasts the
    /// <c>horizon</c> days after its cut and the normalized errors of all windows are pooled, so the intervals
    /// reflect more than one stretch of weather and holidays.
    /// </summary>
    private ConformalCalibration Calibrate(IReadOnlyList<DailySeries> histories, List<CalibrationWindow> windows, LightGbmGlobalModel[] models, ForecastSettings settings, CancellationToken cancellationToken)
    {
        if (windows.Count == 0)
        {
            return InSampleCalibration(histories, settings, cancellationToken);
        }

        var horizon = settings.Horizon;
        var residuals = new List<(int, double)>();
        for (var w = 0; w < windows.Count; w++)
        {
            var (eligible, truncated) = windows[w];
            var predictions = models[w].Predict(truncated, horizon, cancellationToken);
            for (var s = 0; s < eligible.Count; s++)
            {
                var scale = SeriesScale.SeasonalNaiveError(truncated[s].Values);
                for (var h = 0; h < horizon; h++)
                {
                    var actual = eligible[s].Values[truncated[s].Length + h];
                    residuals.Add((h + 1, (actual - predictions[s][h]) / scale));
                }
            }
        }

        return ConformalCalibration.FromResiduals(residuals, horizon, settings.IntervalWidth);
    }

    /// <summary>Too little history for a hold-out: one-step errors of the last week, widened like a random walk.</summary>
    private ConformalCalibration InSampleCalibration(IReadOnlyList<DailySeries> histories, ForecastSettings settings, CancellationToken cancellationToken)
    {
        var residuals = new List<(int, double)>();
        var shortened = histories.Where(h => h.Length > LightGbmFeatures.FirstTrainingIndex + 7).Select(h => h.Until(h.End.AddDays(-7))).ToList();
        if (shortened.Count > 0)
        {
            var model = LightGbmGlobalModel.Train(shortened, Parameters, settings.Seed, cancellationToken);
            var predictions = model.Predict(shortened, 1, cancellationToken);
            foreach (var (history, s) in shortened.Select((h, i) => (h, i)))
            {
                var full = histories.First(h => h.Key == history.Key);
                residuals.Add((1, (full.Values[history.Length] - predictions[s][0]) / SeriesScale.SeasonalNaiveError(history.Values)));
            }
        }

        return ConformalCalibration.FromResiduals(residuals, 1, settings.IntervalWidth);
    }

    /// <summary>One hold-out window: the series taking part and their histories cut before it.</summary>
    private sealed record CalibrationWindow(List<DailySeries> Eligible, List<DailySeries> Truncated);
}

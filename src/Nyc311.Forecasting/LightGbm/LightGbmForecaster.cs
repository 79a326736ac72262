using Nyc311.Forecasting.Models;
using Nyc311.Forecasting.Series;

namespace Nyc311.Forecasting.LightGbm;

/// <summary>
/// The global LightGBM forecaster: one model learned from all series (lags, rolling statistics, calendar
/// and holiday features, series identity), with prediction intervals by conformal calibration. Given a
/// <see cref="ForecastSettings.Calibration"/> (from backtest residuals) it uses it; otherwise it calibrates
/// on a hold-out of the last <see cref="ForecastSettings.Horizon"/> days, fitting twice.
/// </summary>
public sealed class LightGbmForecaster(LightGbmParameters parameters) : IForecaster
{
    /// <summary>A series needs this many days beyond the hold-out to take part in self-calibration.</summary>
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

        var calibration = settings.Calibration ?? Calibrate(histories, settings, cancellationToken);
        LastCalibration = calibration;
        var model = LightGbmGlobalModel.Train(histories, Parameters, settings.Seed, cancellationToken);
        var means = model.Predict(histories, settings.Horizon, cancellationToken);
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

    /// <summary>Fits on the histories less their last <c>horizon</c> days and turns the hold-out errors into a calibration.</summary>
    private ConformalCalibration Calibrate(IReadOnlyList<DailySeries> histories, ForecastSettings settings, CancellationToken cancellationToken)
    {
        var horizon = settings.Horizon;
        var eligible = histories.Where(h => h.Length >= MinimumCalibrationHistory + horizon).ToList();
        if (eligible.Count == 0)
        {
            return InSampleCalibration(histories, settings, cancellationToken);
        }

        var truncated = eligible.Select(h => h.Until(h.End.AddDays(-horizon))).ToList();
        var model = LightGbmGlobalModel.Train(truncated, Parameters, settings.Seed, cancellationToken);
        var predictions = model.Predict(truncated, horizon, cancellationToken);
        var residuals = new List<(int, double)>();
        for (var s = 0; s < eligible.Count; s++)
        {
            var scale = SeriesScale.SeasonalNaiveError(truncated[s].Values);
            for (var h = 0; h < horizon; h++)
            {
                var actual = eligible[s].Values[truncated[s].Length + h];
                residuals.Add((h + 1, (actual - predictions[s][h]) / scale));
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
}

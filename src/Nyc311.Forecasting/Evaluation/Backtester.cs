using Nyc311.Forecasting.Models;
using Nyc311.Forecasting.Series;

namespace Nyc311.Forecasting.Evaluation;

/// <summary>
/// Rolling-origin evaluation: at each cut-off every model forecasts every series from its history up to
/// the cut-off, and the forecast is scored against the days that followed.
/// </summary>
public static class Backtester
{
    /// <summary>
    /// Runs the backtest of <paramref name="models"/> on <paramref name="series"/>. A series is scored at a
    /// cut-off when it has <see cref="BacktestOptions.MinimumTrainingDays"/> days up to it and the whole
    /// horizon after it.
    /// </summary>
    /// <param name="series">The series (typically all ending on the same day).</param>
    /// <param name="models">The models and their hyperparameters.</param>
    /// <param name="options">Horizon, cut-offs, interval width, seed and parallelism.</param>
    /// <param name="progress">Told the model and cut-off as each starts.</param>
    /// <param name="cancellationToken">Stops between fits.</param>
    public static BacktestReport Run(
        IReadOnlyList<DailySeries> series,
        IReadOnlyList<ModelSpec> models,
        BacktestOptions options,
        IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (series.Count == 0)
        {
            return new BacktestReport(options, [], models, [], []);
        }

        var cutoffs = options.CutoffDates(series.Max(s => s.End));
        var scores = new List<BacktestScore>();
        var residuals = new List<BacktestResidual>();
        var settings = new ForecastSettings
        {
            Horizon = options.Horizon,
            IntervalWidth = options.IntervalWidth,
            Seed = options.Seed,
            Parallelism = options.Parallelism,
            Calibration = options.PointForecastsOnly ? ConformalCalibration.FromResiduals([], 1, options.IntervalWidth) : null,
        };
        foreach (var cutoff in cutoffs)
        {
            var eligible = series
                .Where(s => s.End >= cutoff.AddDays(options.Horizon) && cutoff.DayNumber - s.Start.DayNumber + 1 >= options.MinimumTrainingDays)
                .ToList();
            if (eligible.Count == 0)
            {
                continue;
            }

            var histories = eligible.Select(s => s.Until(cutoff)).ToList();
            var actuals = eligible.Select(s => s.Between(cutoff.AddDays(1), cutoff.AddDays(options.Horizon))).ToList();
            var scales = histories.Select(h => SeriesScale.SeasonalNaiveError(h.Values)).ToList();
            foreach (var spec in models)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report($"{spec.Model} at cut-off {cutoff:yyyy-MM-dd} ({eligible.Count} series)");
                var forecasts = Forecasters.Create(spec).Forecast(histories, settings, cancellationToken);
                for (var i = 0; i < eligible.Count; i++)
                {
                    var f = forecasts[i];
                    scores.Add(new BacktestScore(eligible[i].Key, spec.Model, cutoff, ForecastMetrics.Evaluate(actuals[i], f.Mean, f.Lower, f.Upper, scales[i], options.IntervalWidth)));
                    for (var h = 0; h < options.Horizon; h++)
                    {
                        residuals.Add(new BacktestResidual(spec.Model, h + 1, (actuals[i][h] - f.Mean[h]) / scales[i]));
                    }
                }
            }
        }

        return new BacktestReport(options, cutoffs, models, scores, residuals);
    }
}

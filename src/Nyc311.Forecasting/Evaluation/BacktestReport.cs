using Nyc311.Forecasting.Models;
using Nyc311.Forecasting.Series;

namespace Nyc311.Forecasting.Evaluation;

/// <summary>The score of one model on one series at one cut-off.</summary>
/// <param name="Series">The series.</param>
/// <param name="Model">The model's name.</param>
/// <param name="Cutoff">The last day of history the forecast was made from.</param>
/// <param name="Metrics">Accuracy over the horizon after the cut-off.</param>
public sealed record BacktestScore(SeriesKey Series, string Model, DateOnly Cutoff, MetricSet Metrics);

/// <summary>The mean score of one model on one series over the cut-offs where it was scored.</summary>
/// <param name="Series">The series.</param>
/// <param name="Model">The model's name.</param>
/// <param name="Metrics">Mean of each metric over the windows.</param>
/// <param name="Windows">Number of cut-offs scored.</param>
public sealed record SeriesModelScore(SeriesKey Series, string Model, MetricSet Metrics, int Windows);

/// <summary>A normalized backtest error: <c>(actual - forecast) / scale</c> at horizon <see cref="Horizon"/> (1-based).</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Horizon">Days after the cut-off.</param>
/// <param name="Residual">The error in units of the series' seasonal naive error.</param>
public readonly record struct BacktestResidual(string Model, int Horizon, double Residual);

/// <summary>What a rolling-origin backtest measured.</summary>
public sealed class BacktestReport
{
    internal BacktestReport(BacktestOptions options, IReadOnlyList<DateOnly> cutoffs, IReadOnlyList<ModelSpec> models, IReadOnlyList<BacktestScore> scores, IReadOnlyList<BacktestResidual> residuals)
    {
        Options = options;
        Cutoffs = cutoffs;
        Models = models;
        Scores = scores;
        Residuals = residuals;
        BySeries = [.. scores
            .GroupBy(s => (s.Series, s.Model))
            .Select(g => new SeriesModelScore(g.Key.Series, g.Key.Model, MetricSet.Mean(g.Select(s => s.Metrics).ToList()), g.Count()))
            .OrderBy(s => s.Series).ThenBy(s => ModelOrder(s.Model))];
    }

    /// <summary>The options the backtest ran with.</summary>
    public BacktestOptions Options { get; }

    /// <summary>The cut-offs, oldest first.</summary>
    public IReadOnlyList<DateOnly> Cutoffs { get; }

    /// <summary>The models compared, with their hyperparameters.</summary>
    public IReadOnlyList<ModelSpec> Models { get; }

    /// <summary>Every (series, model, cut-off) score.</summary>
    public IReadOnlyList<BacktestScore> Scores { get; }

    /// <summary>Every normalized error, for conformal calibration.</summary>
    public IReadOnlyList<BacktestResidual> Residuals { get; }

    /// <summary>Mean scores per series and model, series in key order.</summary>
    public IReadOnlyList<SeriesModelScore> BySeries { get; }

    /// <summary>The mean of each model's per-series scores (every series counts once).</summary>
    public IReadOnlyDictionary<string, MetricSet> ByModel() =>
        BySeries.GroupBy(s => s.Model).OrderBy(g => ModelOrder(g.Key)).ToDictionary(g => g.Key, g => MetricSet.Mean(g.Select(s => s.Metrics).ToList()), StringComparer.Ordinal);

    /// <summary>The conformal calibration of a model from its residuals.</summary>
    public ConformalCalibration Calibration(string model) =>
        ConformalCalibration.FromResiduals(Residuals.Where(r => r.Model == model).Select(r => (r.Horizon, r.Residual)), Options.Horizon, Options.IntervalWidth);

    internal static int ModelOrder(string model)
    {
        var index = ModelNames.All.ToList().IndexOf(model);
        return index < 0 ? int.MaxValue : index;
    }
}

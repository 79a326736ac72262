using Nyc311.Forecasting.Series;

namespace Nyc311.Forecasting.Evaluation;

/// <summary>The model chosen for one series, and why.</summary>
/// <param name="Series">The series.</param>
/// <param name="Model">The chosen model's name.</param>
/// <param name="Metric">The metric the choice minimised.</param>
/// <param name="Score">The chosen model's mean backtest score on that metric.</param>
/// <param name="ScoresByModel">Every model's mean score on that metric for this series.</param>
public sealed record SeriesChoice(SeriesKey Series, string Model, string Metric, double Score, IReadOnlyDictionary<string, double> ScoresByModel);

/// <summary>Chooses, per series, the model with the best backtest score.</summary>
public static class ModelSelection
{
    /// <summary>
    /// For every series of the report, the model with the lowest mean <paramref name="metric"/> (ties go to the
    /// simpler model, in the order of <see cref="Models.ModelNames.All"/>); models without a finite score are skipped.
    /// </summary>
    public static IReadOnlyList<SeriesChoice> Choose(BacktestReport report, string metric = "mase")
    {
        ArgumentNullException.ThrowIfNull(report);
        return [.. report.BySeries
            .GroupBy(s => s.Series)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var scores = g.Where(s => double.IsFinite(s.Metrics[metric]))
                    .ToDictionary(s => s.Model, s => s.Metrics[metric], StringComparer.Ordinal);
                var best = scores.OrderBy(p => p.Value).ThenBy(p => BacktestReport.ModelOrder(p.Key)).FirstOrDefault();
                return best.Key is null ? null : new SeriesChoice(g.Key, best.Key, metric, best.Value, scores);
            })
            .OfType<SeriesChoice>()];
    }

    /// <summary>The model with the lowest mean score across series: the choice for series the backtest did not cover.</summary>
    public static string Fallback(BacktestReport report, string metric = "mase")
    {
        ArgumentNullException.ThrowIfNull(report);
        var byModel = report.ByModel().Where(p => double.IsFinite(p.Value[metric])).ToList();
        return byModel.Count == 0
            ? Models.ModelNames.SeasonalNaive
            : byModel.OrderBy(p => p.Value[metric]).ThenBy(p => BacktestReport.ModelOrder(p.Key)).First().Key;
    }
}

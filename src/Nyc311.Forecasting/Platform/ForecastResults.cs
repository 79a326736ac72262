using Nyc311.Forecasting.Evaluation;
using Nyc311.Forecasting.Tuning;

namespace Nyc311.Forecasting.Platform;

/// <summary>A step of training or forecasting, reported as it starts.</summary>
/// <param name="Step">The step (<c>read</c>, <c>tune</c>, <c>backtest</c>, <c>select</c>, <c>register</c>, <c>forecast</c>, <c>write</c>).</param>
/// <param name="Detail">What it is doing, in words.</param>
public sealed record ForecastProgress(string Step, string Detail);

/// <summary>What was written to <c>gold.forecasts</c>.</summary>
/// <param name="Origin">The last day of history (the partition replaced).</param>
/// <param name="Series">Series forecast.</param>
/// <param name="Rows">Rows written (series x horizon).</param>
/// <param name="TableVersion">The table's version after the write.</param>
/// <param name="SeriesByModel">How many series each model forecast.</param>
public sealed record ForecastWrite(DateOnly Origin, int Series, long Rows, long TableVersion, IReadOnlyDictionary<string, int> SeriesByModel);

/// <summary>What <c>nyc311 train</c> did.</summary>
/// <param name="RunId">The training run (in the tracking store).</param>
/// <param name="ModelVersion">The registry version registered and made champion.</param>
/// <param name="Input">The <c>gold.daily_counts</c> version trained on.</param>
/// <param name="Series">Series trained on.</param>
/// <param name="Cutoffs">The backtest cut-offs, oldest first.</param>
/// <param name="BacktestByModel">Each model's mean backtest metrics over the series.</param>
/// <param name="ChampionMase">Mean backtest MASE of the chosen model per series.</param>
/// <param name="Tuning">The search of each tuned model.</param>
/// <param name="Written">The forecasts written with the new champion.</param>
public sealed record TrainResult(
    string RunId,
    int ModelVersion,
    TableInput Input,
    int Series,
    IReadOnlyList<DateOnly> Cutoffs,
    IReadOnlyDictionary<string, MetricSet> BacktestByModel,
    double ChampionMase,
    IReadOnlyDictionary<string, TuningResult> Tuning,
    ForecastWrite Written);

/// <summary>What <c>nyc311 forecast</c> did.</summary>
/// <param name="RunId">The forecast run (in the tracking store).</param>
/// <param name="ModelVersion">The champion version applied.</param>
/// <param name="Input">The <c>gold.daily_counts</c> version read.</param>
/// <param name="Written">The forecasts written.</param>
public sealed record ApplyResult(string RunId, int ModelVersion, TableInput Input, ForecastWrite Written);

/// <summary>What the forecast stage of <c>nyc311 run</c> did: trained a champion (when none existed or asked to) or applied it.</summary>
/// <param name="Training">The training, when it trained.</param>
/// <param name="Applied">The forecast run, when it applied an existing champion.</param>
public sealed record ForecastStageResult(TrainResult? Training, ApplyResult? Applied)
{
    /// <summary>The run that wrote the forecasts.</summary>
    public string RunId => Training?.RunId ?? Applied!.RunId;

    /// <summary>The champion version used.</summary>
    public int ModelVersion => Training?.ModelVersion ?? Applied!.ModelVersion;

    /// <summary>What was written.</summary>
    public ForecastWrite Written => Training?.Written ?? Applied!.Written;
}

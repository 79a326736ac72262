using Nyc311.Forecasting.Evaluation;
using Nyc311.Forecasting.Models;
using Nyc311.Forecasting.Tuning;

namespace Nyc311.Forecasting.Platform;

/// <summary>Settings of <c>nyc311 train</c>, <c>nyc311 forecast</c> and the forecast stage of <c>nyc311 run</c>; every default is stated on its property.</summary>
public sealed record ForecastingOptions
{
    /// <summary>Days forecast (and scored by the backtests); default 28.</summary>
    public int Horizon { get; init; } = 28;

    /// <summary>Backtest cut-offs; default 3.</summary>
    public int Cutoffs { get; init; } = 3;

    /// <summary>Days between cut-offs; null (default) is the horizon.</summary>
    public int? CutoffStep { get; init; }

    /// <summary>The models compared; default all four.</summary>
    public IReadOnlyList<string> Models { get; init; } = ModelNames.All;

    /// <summary>
    /// Hyperparameters to start from, by model then parameter name (for example lightgbm: num_iterations = 100);
    /// absent ones take the model's defaults, and tuning starts its search from these values. Default none.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ModelParameters { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>Width of the prediction intervals; default 0.80.</summary>
    public double IntervalWidth { get; init; } = 0.80;

    /// <summary>Seed of every model and of the search; default 311.</summary>
    public int Seed { get; init; } = 311;

    /// <summary>Work done at once (series fitted, trials run); default 2, the machine's cores.</summary>
    public int Parallelism { get; init; } = 2;

    /// <summary>Which series are trained on and forecast.</summary>
    public SeriesFilter Series { get; init; } = new();

    /// <summary>Trials per tuned model (0 keeps the defaults); default 16.</summary>
    public int TuningTrials { get; init; } = 16;

    /// <summary>Time budget per tuned model; null (default) for none.</summary>
    public TimeSpan? TuningTime { get; init; }

    /// <summary>Stop a model's search after this many trials without improvement; default 6.</summary>
    public int TuningPatience { get; init; } = 6;

    /// <summary>The busiest series the tuning objective backtests on; default 12.</summary>
    public int TuningSeries { get; init; } = 12;

    /// <summary>Cut-offs of the tuning objective (the most recent ones); default 2.</summary>
    public int TuningCutoffs { get; init; } = 2;

    /// <summary>The MLflow experiment runs are recorded in; default <c>nyc311-forecasting</c>.</summary>
    public string ExperimentName { get; init; } = "nyc311-forecasting";

    /// <summary>The registered model's name; default <c>nyc311-daily-requests</c>.</summary>
    public string RegisteredModelName { get; init; } = "nyc311-daily-requests";

    /// <summary>The tracking store's folder; null (default) is <c>&lt;lake&gt;/_mlruns</c>.</summary>
    public string? TrackingRoot { get; init; }

    /// <summary>The registry's folder; null (default) is <c>&lt;lake&gt;/_registry</c>.</summary>
    public string? RegistryRoot { get; init; }

    /// <summary>A remote MLflow tracking server every run and registration is mirrored to; null (default) for none.</summary>
    public Uri? RemoteTrackingUri { get; init; }

    /// <summary>For <c>nyc311 run</c>: train even when a champion exists; default false (apply the champion).</summary>
    public bool Retrain { get; init; }

    internal BacktestOptions Backtest(int? cutoffs = null, int? parallelism = null) => new()
    {
        Horizon = Horizon,
        Cutoffs = cutoffs ?? Cutoffs,
        Step = CutoffStep,
        IntervalWidth = IntervalWidth,
        Seed = Seed,
        Parallelism = parallelism ?? Parallelism,
        MinimumTrainingDays = Math.Min(56, Series.MinimumHistoryDays),
    };

    internal TuningOptions Tuning() => new()
    {
        MaxTrials = Math.Max(1, TuningTrials),
        TimeBudget = TuningTime,
        Patience = TuningPatience,
        Parallelism = Parallelism,
        Seed = Seed,
    };

    internal ForecastSettings Settings(ConformalCalibration? calibration = null) => new()
    {
        Horizon = Horizon,
        IntervalWidth = IntervalWidth,
        Seed = Seed,
        Parallelism = Parallelism,
        Calibration = calibration,
    };

    internal void Validate()
    {
        Backtest().Validate();
        Series.Validate();
        if (Models.Count == 0)
        {
            throw ForecastOptionsException.Inconsistent("models", "at least one model is needed");
        }

        foreach (var model in Models.Concat(ModelParameters.Keys))
        {
            ModelNames.Parse(model);
        }

        if (TuningTrials < 0 || TuningSeries < 1 || TuningCutoffs < 1)
        {
            throw ForecastOptionsException.OutOfRange("tuning", Math.Min(TuningTrials, Math.Min(TuningSeries, TuningCutoffs)), "trials must be 0 or more, series and cut-offs at least 1");
        }

        if (Parallelism < 1)
        {
            throw ForecastOptionsException.OutOfRange("parallelism", Parallelism, "must be at least 1");
        }
    }
}

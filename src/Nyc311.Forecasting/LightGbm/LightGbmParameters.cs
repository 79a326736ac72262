using Nyc311.Forecasting.Models;

namespace Nyc311.Forecasting.LightGbm;

/// <summary>
/// Hyperparameters of the global LightGBM model, by their <see cref="ModelSpec"/> names: <c>num_leaves</c>
/// (default 31), <c>learning_rate</c> (0.05), <c>num_iterations</c> (300), <c>min_data_in_leaf</c> (20),
/// <c>feature_fraction</c> (0.9), <c>lambda_l2</c> (0.1), <c>training_days</c> (730: the most recent days of
/// each series used for training), <c>threads</c> (1, which keeps the fit deterministic) and
/// <c>calibration_windows</c> (3: rolling hold-out windows of self-calibration, one extra fit each).
/// </summary>
public sealed record LightGbmParameters
{
    /// <summary>Maximum leaves per tree.</summary>
    public int NumberOfLeaves { get; init; } = 31;

    /// <summary>Shrinkage of each tree's contribution.</summary>
    public double LearningRate { get; init; } = 0.05;

    /// <summary>Number of boosting rounds (trees).</summary>
    public int NumberOfIterations { get; init; } = 300;

    /// <summary>Fewest training rows in a leaf.</summary>
    public int MinimumExampleCountPerLeaf { get; init; } = 20;

    /// <summary>Share of features each tree may use, in (0, 1].</summary>
    public double FeatureFraction { get; init; } = 0.9;

    /// <summary>L2 regularisation of leaf values.</summary>
    public double L2Regularization { get; init; } = 0.1;

    /// <summary>Most recent days of each series turned into training rows.</summary>
    public int TrainingDays { get; init; } = 730;

    /// <summary>LightGBM threads; 1 keeps results bit-for-bit reproducible.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Rolling hold-out windows the model calibrates its intervals on when no calibration is given.</summary>
    public int CalibrationWindows { get; init; } = 3;

    /// <summary>Reads the parameters of a spec, defaults for the absent ones, and validates them.</summary>
    public static LightGbmParameters From(ModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var defaults = new LightGbmParameters();
        var parameters = new LightGbmParameters
        {
            NumberOfLeaves = spec.Integer("num_leaves", defaults.NumberOfLeaves),
            LearningRate = spec.Number("learning_rate", defaults.LearningRate),
            NumberOfIterations = spec.Integer("num_iterations", defaults.NumberOfIterations),
            MinimumExampleCountPerLeaf = spec.Integer("min_data_in_leaf", defaults.MinimumExampleCountPerLeaf),
            FeatureFraction = spec.Number("feature_fraction", defaults.FeatureFraction),
            L2Regularization = spec.Number("lambda_l2", defaults.L2Regularization),
            TrainingDays = spec.Integer("training_days", defaults.TrainingDays),
            Threads = spec.Integer("threads", defaults.Threads),
            CalibrationWindows = spec.Integer("calibration_windows", defaults.CalibrationWindows),
        };
        parameters.Validate();
        return parameters;
    }

    private void Validate()
    {
        Check("num_leaves", NumberOfLeaves, NumberOfLeaves >= 2, "must be at least 2");
        Check("learning_rate", LearningRate, LearningRate is > 0 and <= 1, "must be in (0, 1]");
        Check("num_iterations", NumberOfIterations, NumberOfIterations >= 1, "must be at least 1");
        Check("min_data_in_leaf", MinimumExampleCountPerLeaf, MinimumExampleCountPerLeaf >= 1, "must be at least 1");
        Check("feature_fraction", FeatureFraction, FeatureFraction is > 0 and <= 1, "must be in (0, 1]");
        Check("lambda_l2", L2Regularization, L2Regularization >= 0, "must be 0 or more");
        Check("training_days", TrainingDays, TrainingDays >= 28, "must be at least 28");
        Check("threads", Threads, Threads >= 1, "must be at least 1");
        Check("calibration_windows", CalibrationWindows, CalibrationWindows >= 1, "must be at least 1");
    }

    private static void Check(string name, double value, bool ok, string rule)
    {
        if (!ok)
        {
            throw ForecastOptionsException.OutOfRange($"lightgbm.{name}", value, rule);
        }
    }
}

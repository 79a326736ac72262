using Nyc311.Forecasting.Models;

namespace Nyc311.Forecasting.Tuning;

/// <summary>The search spaces of the platform's models.</summary>
public static class SearchSpaces
{
    /// <summary>
    /// The space of <paramref name="model"/>: Prophet's changepoint, seasonality and holiday prior scales and
    /// seasonality mode (ranges of Prophet's diagnostics guide); LightGBM's leaves, learning rate, rounds, leaf
    /// size, feature fraction and L2; the moving average's window. Seasonal naive has nothing to tune.
    /// </summary>
    public static SearchSpace For(string model) => ModelNames.Parse(model) switch
    {
        ModelNames.Prophet => new SearchSpace(
            [
                ParameterRange.Real("changepoint_prior_scale", 0.001, 0.5, ParameterScale.Log),
                ParameterRange.Real("seasonality_prior_scale", 0.01, 10, ParameterScale.Log),
                ParameterRange.Real("holidays_prior_scale", 0.01, 10, ParameterScale.Log),
                ParameterRange.Categorical("seasonality_mode", "additive", "multiplicative"),
            ],
            new Dictionary<string, string>
            {
                ["changepoint_prior_scale"] = "0.05",
                ["seasonality_prior_scale"] = "10",
                ["holidays_prior_scale"] = "10",
                ["seasonality_mode"] = "additive",
            }),
        ModelNames.LightGbm => new SearchSpace(
            [
                ParameterRange.Integer("num_leaves", 8, 128, ParameterScale.Log),
                ParameterRange.Real("learning_rate", 0.01, 0.3, ParameterScale.Log),
                ParameterRange.Integer("num_iterations", 50, 600, ParameterScale.Log),
                ParameterRange.Integer("min_data_in_leaf", 5, 200, ParameterScale.Log),
                ParameterRange.Real("feature_fraction", 0.5, 1.0),
                ParameterRange.Real("lambda_l2", 0.001, 10, ParameterScale.Log),
            ],
            new Dictionary<string, string>
            {
                ["num_leaves"] = "31",
                ["learning_rate"] = "0.05",
                ["num_iterations"] = "300",
                ["min_data_in_leaf"] = "20",
                ["feature_fraction"] = "0.9",
                ["lambda_l2"] = "0.1",
            }),
        ModelNames.MovingAverage => new SearchSpace(
            [ParameterRange.Integer("window", 3, 56, ParameterScale.Log)],
            new Dictionary<string, string> { ["window"] = "7" }),
        _ => new SearchSpace([], new Dictionary<string, string>()),
    };
}

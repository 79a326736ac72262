namespace Nyc311.Forecasting.Models;

/// <summary>The models of the platform, by the name <c>gold.forecasts.model</c> and the registry use.</summary>
public static class ModelNames
{
    /// <summary>Same weekday last week.</summary>
    public const string SeasonalNaive = "seasonal_naive";

    /// <summary>Mean of the last days.</summary>
    public const string MovingAverage = "moving_average";

    /// <summary>The Prophet-equivalent model, one fit per series.</summary>
    public const string Prophet = "prophet";

    /// <summary>One LightGBM model across all series.</summary>
    public const string LightGbm = "lightgbm";

    /// <summary>Every model, baselines first.</summary>
    public static IReadOnlyList<string> All { get; } = [SeasonalNaive, MovingAverage, Prophet, LightGbm];

    /// <summary>The canonical name, or a <see cref="ForecastOptionsException"/> naming the accepted ones.</summary>
    public static string Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var name = text.Trim().ToLowerInvariant().Replace('-', '_');
        return All.Contains(name) ? name : throw ForecastOptionsException.Unrecognized("model", text, string.Join(", ", All));
    }
}

using Nyc311.Forecasting.LightGbm;

namespace Nyc311.Forecasting.Models;

/// <summary>Makes the forecaster a <see cref="ModelSpec"/> describes.</summary>
public static class Forecasters
{
    /// <summary>The forecaster for <paramref name="spec"/>; invalid parameters fail with a <see cref="ForecastOptionsException"/>.</summary>
    public static IForecaster Create(ModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Model switch
        {
            ModelNames.SeasonalNaive => new SeasonalNaiveModel(),
            ModelNames.MovingAverage => new MovingAverageModel(spec),
            ModelNames.Prophet => new ProphetSeriesModel(spec),
            _ => new LightGbmForecaster(LightGbmParameters.From(spec)),
        };
    }
}

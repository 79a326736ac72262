using Nyc311.Forecasting.Prophet;
using Nyc311.Forecasting.Series;

namespace Nyc311.Forecasting.Models;

/// <summary>
/// The Prophet-equivalent model fitted to each series, with US and NYC holidays and counts clamped at 0.
/// Parameters (Prophet's defaults when absent): <c>changepoint_prior_scale</c> (0.05),
/// <c>seasonality_prior_scale</c> (10), <c>holidays_prior_scale</c> (10), <c>seasonality_mode</c>
/// (additive), <c>uncertainty_samples</c> (1000).
/// </summary>
internal sealed class ProphetSeriesModel : PerSeriesForecaster
{
    private readonly ProphetOptions _options;

    public ProphetSeriesModel(ModelSpec spec)
    {
        var defaults = new ProphetOptions();
        _options = defaults with
        {
            ChangepointPriorScale = spec.Number("changepoint_prior_scale", defaults.ChangepointPriorScale),
            SeasonalityPriorScale = spec.Number("seasonality_prior_scale", defaults.SeasonalityPriorScale),
            HolidaysPriorScale = spec.Number("holidays_prior_scale", defaults.HolidaysPriorScale),
            SeasonalityMode = Prophet.Csv.ProphetCsv.ParseMode(spec.Text("seasonality_mode", "additive"), "prophet.seasonality_mode"),
            UncertaintySamples = spec.Integer("uncertainty_samples", defaults.UncertaintySamples),
            ClampAtZero = true,
        };
        _options.Validate();
    }

    public override string Name => ModelNames.Prophet;

    protected override SeriesForecast ForecastOne(DailySeries history, ForecastSettings settings)
    {
        var options = _options with
        {
            IntervalWidth = settings.IntervalWidth,
            Seed = settings.Seed,
            Holidays = NycHolidays.ForProphet(history.Start, history.End.AddDays(settings.Horizon)),
        };
        var model = ProphetModel.Fit(new ProphetData(Timestamps(history), [.. history.Values]) { SourceName = history.Key.ToString() }, options);
        var table = model.Predict(model.MakeFutureDates(settings.Horizon, SeriesFrequency.Daily, includeHistory: false));
        return FutureOf(table, history, settings.Horizon);
    }
}

using Nyc311.Forecasting;
using Nyc311.Forecasting.Baselines;

namespace Nyc311.Anomalies.Detection.Expectations;

/// <summary>
/// The forecasting room's baselines as expectations: seasonal naive (the same weekday last week) or a
/// seven-day moving average. Their fitted history values are one-step-ahead by construction.
/// </summary>
internal sealed class BaselineExpectation(bool seasonal) : IExpectationModel
{
    public string Name => seasonal ? "seasonal_naive" : "moving_average";

    public ExpectationFit Fit(ReadOnlySpan<double> history, DateOnly historyStart, int window)
    {
        var fitted = new double[window];
        Array.Fill(fitted, double.NaN);
        var dates = new DateTime[history.Length];
        for (var i = 0; i < dates.Length; i++)
        {
            dates[i] = historyStart.AddDays(i).ToDateTime(TimeOnly.MinValue);
        }

        var values = history.ToArray();
        Forecast forecast;
        try
        {
            var options = new BaselineOptions { Frequency = SeriesFrequency.Daily, ClampAtZero = true };
            forecast = seasonal
                ? new SeasonalNaiveForecaster(options: options).Forecast(dates, values, 1)
                : new MovingAverageForecaster(7, options).Forecast(dates, values, 1);
        }
        catch (ForecastingException)
        {
            // Too little history for the baseline: the day cannot be judged.
            return new ExpectationFit(double.NaN, fitted);
        }

        // The baselines drop missing values; map their rows back to days.
        var byDay = new Dictionary<DateTime, double>(forecast.Dates.Count);
        for (var i = 0; i < forecast.Dates.Count; i++)
        {
            byDay[forecast.Dates[i]] = forecast.Yhat[i];
        }

        for (var k = 0; k < window; k++)
        {
            var t = history.Length - window + k;
            if (t >= 0 && byDay.TryGetValue(dates[t], out var value))
            {
                fitted[k] = value;
            }
        }

        var next = forecast.Yhat[^1];
        if (seasonal && forecast.Dates[^1] != historyStart.AddDays(history.Length).ToDateTime(TimeOnly.MinValue))
        {
            next = double.NaN;
        }

        return new ExpectationFit(next, fitted);
    }
}

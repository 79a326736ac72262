namespace Nyc311.Forecasting.Baselines;

/// <summary>Builds the <see cref="Forecast"/> table of a baseline (the columns Prophet uses for the point forecast and its interval).</summary>
internal static class BaselineForecast
{
    public static Forecast Create(DateTime[] dates, double[] yhat, double[] lower, double[] upper, int historyCount, bool clampAtZero)
    {
        if (clampAtZero)
        {
            for (var i = 0; i < yhat.Length; i++)
            {
                yhat[i] = Math.Max(0, yhat[i]);
                lower[i] = Math.Max(0, lower[i]);
                upper[i] = Math.Max(0, upper[i]);
            }
        }

        return new Forecast(
            dates,
            [new ForecastColumn("yhat_lower", lower), new ForecastColumn("yhat_upper", upper), new ForecastColumn("yhat", yhat)],
            historyCount);
    }
}

using Nyc311.Forecasting;
using Nyc311.Forecasting.Prophet;

namespace Nyc311.Anomalies.Detection.Expectations;

/// <summary>
/// The Prophet port fitted on the history before the day (weekly seasonality, yearly with two years,
/// US and NYC holidays), predicting the day. Fitted history values are in-sample, so their residuals
/// understate the spread a little. Costly: one fit per judged day and series.
/// </summary>
internal sealed class ProphetExpectation : IExpectationModel
{
    public string Name => "prophet";

    public ExpectationFit Fit(ReadOnlySpan<double> history, DateOnly historyStart, int window)
    {
        var fitted = new double[window];
        Array.Fill(fitted, double.NaN);
        var dates = new DateTime[history.Length];
        for (var i = 0; i < dates.Length; i++)
        {
            dates[i] = historyStart.AddDays(i).ToDateTime(TimeOnly.MinValue);
        }

        var last = historyStart.AddDays(history.Length);
        var holidays = Nyc311.Domain.HolidayCalendar.Between(historyStart, last)
            .Select(h => new ProphetHoliday(h.Name, h.Date))
            .ToList();
        var options = new ProphetOptions
        {
            UncertaintySamples = 0,
            ClampAtZero = true,
            DailySeasonality = SeasonalitySetting.Disabled,
            Holidays = holidays,
        };
        try
        {
            var model = ProphetModel.Fit(new ProphetData(dates, history.ToArray()), options);
            var targets = new List<DateTime>(window + 1);
            for (var k = 0; k < window; k++)
            {
                var t = history.Length - window + k;
                if (t >= 0)
                {
                    targets.Add(dates[t]);
                }
            }

            targets.Add(last.ToDateTime(TimeOnly.MinValue));
            var yhat = model.Predict(targets).Yhat;
            var offset = window - (targets.Count - 1);
            for (var k = 0; k < targets.Count - 1; k++)
            {
                fitted[offset + k] = yhat[k];
            }

            return new ExpectationFit(Math.Max(0, yhat[^1]), fitted);
        }
        catch (ForecastingException)
        {
            return new ExpectationFit(double.NaN, fitted);
        }
    }
}

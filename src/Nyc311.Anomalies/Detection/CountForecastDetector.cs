using Nyc311.Anomalies.Maths;

namespace Nyc311.Anomalies.Detection;

/// <summary>
/// The forecast-interval method made count-aware: a Poisson or negative binomial distribution around the
/// expected count gives the day's p-values and expected range. With a forecast from <c>gold.forecasts</c>
/// the dispersion is the one its interval implies; otherwise it is estimated from the series' recent
/// one-step-ahead residuals.
/// </summary>
internal sealed class CountForecastDetector(bool poisson, double rangeWidth) : SeriesDetector
{
    public override DetectorKind Kind => DetectorKind.CountForecast;

    public override DayScore Score(in DayInput input)
    {
        CountDistribution distribution;
        double expected;
        if (input.Forecast is { } forecast)
        {
            expected = Math.Max(0, forecast.Forecast);
            distribution = poisson
                ? new CountDistribution(expected, 0)
                : CountDistribution.FromInterval(expected, forecast.Lower, forecast.Upper, forecast.IntervalWidth);
        }
        else
        {
            expected = Math.Max(0, input.Fit.Expected);
            var alpha = poisson ? 0 : CountDistribution.EstimateDispersion(input.WindowObserved(), input.Fit.Fitted);
            distribution = new CountDistribution(expected, alpha);
        }

        var (lower, upper) = distribution.Range(rangeWidth);
        return new DayScore(input.Date, input.Observed, expected, lower, upper, distribution.UpperTail(input.Observed), distribution.LowerTail(input.Observed));
    }
}

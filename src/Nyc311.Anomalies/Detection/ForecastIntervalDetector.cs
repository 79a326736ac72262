using Nyc311.Anomalies.Maths;

namespace Nyc311.Anomalies.Detection;

/// <summary>
/// The plain forecast-interval method of the original design, kept for comparison: a day is unusual when
/// it falls outside the forecast's prediction interval. Its p-value reads the interval as a normal
/// distribution (half-width over the normal quantile of the width is σ). Without a stored forecast the
/// interval is the expectation plus the empirical quantiles of recent residuals, as the forecasting
/// baselines make theirs.
/// </summary>
internal sealed class ForecastIntervalDetector(double intervalWidth, double rangeWidth) : SeriesDetector
{
    public override DetectorKind Kind => DetectorKind.ForecastInterval;

    public override DayScore Score(in DayInput input)
    {
        double expected;
        double sigma;
        if (input.Forecast is { } forecast)
        {
            expected = Math.Max(0, forecast.Forecast);
            sigma = (forecast.Upper - forecast.Lower) / (2 * NormalTails.Quantile((1 + forecast.IntervalWidth) / 2));
        }
        else
        {
            expected = Math.Max(0, input.Fit.Expected);
            var residuals = input.Residuals();
            var low = RobustStatistics.Quantile(residuals, (1 - intervalWidth) / 2);
            var high = RobustStatistics.Quantile(residuals, (1 + intervalWidth) / 2);
            sigma = (high - low) / (2 * NormalTails.Quantile((1 + intervalWidth) / 2));
        }

        // A degenerate interval (a constant past) still needs a spread: one request.
        if (!double.IsFinite(sigma) || sigma <= 0)
        {
            sigma = 1;
        }

        var z = (input.Observed - expected) / sigma;
        var half = NormalTails.Quantile((1 + rangeWidth) / 2) * sigma;
        return new DayScore(input.Date, input.Observed, expected, Math.Max(0, expected - half), expected + half, NormalTails.Upper(z), NormalTails.Lower(z));
    }
}

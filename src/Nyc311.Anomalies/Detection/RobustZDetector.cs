using Nyc311.Anomalies.Maths;

namespace Nyc311.Anomalies.Detection;

/// <summary>
/// Robust z-score: the day's residual from the expectation, centred on the median of recent residuals
/// and scaled by their MAD (as a normal σ). The scale is never below Poisson noise, √μ, so a series whose
/// past residuals were all equal does not alarm on its first different day.
/// </summary>
internal sealed class RobustZDetector(double rangeWidth) : SeriesDetector
{
    public override DetectorKind Kind => DetectorKind.RobustZ;

    public override DayScore Score(in DayInput input)
    {
        var residuals = input.Residuals();
        var mu = Math.Max(0, input.Fit.Expected);
        var center = RobustStatistics.CountFinite(residuals) > 0 ? RobustStatistics.Median(residuals) : 0;
        var mad = RobustStatistics.Mad(residuals);
        var scale = Math.Max(double.IsFinite(mad) ? RobustStatistics.MadToSigma * mad : 0, Math.Sqrt(Math.Max(mu, 1)));
        var expected = Math.Max(0, mu + center);
        var z = (input.Observed - expected) / scale;
        var half = NormalTails.Quantile((1 + rangeWidth) / 2) * scale;
        return new DayScore(input.Date, input.Observed, expected, Math.Max(0, expected - half), expected + half, NormalTails.Upper(z), NormalTails.Lower(z));
    }
}

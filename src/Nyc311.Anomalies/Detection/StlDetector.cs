using Nyc311.Anomalies.Maths;

namespace Nyc311.Anomalies.Detection;

/// <summary>
/// STL residuals: the recent window is decomposed (weekly period, robust), the day is expected at the
/// last trend value plus the seasonal value of the same weekday a week earlier, and judged against the
/// MAD of the window's remainder (never below Poisson noise, √μ).
/// </summary>
internal sealed class StlDetector(int windowDays, double rangeWidth) : SeriesDetector
{
    private const int Period = 7;

    public override DetectorKind Kind => DetectorKind.Stl;

    public override bool NeedsExpectation => false;

    public override DayScore Score(in DayInput input)
    {
        var history = input.History;
        var length = Math.Min(history.Length, windowDays);
        var window = history[^length..].ToArray();
        if (length < 2 * Period || RobustStatistics.CountFinite(window) < 2 * Period)
        {
            return new DayScore(input.Date, input.Observed, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        FillMissing(window);
        var stl = Stl.Decompose(window, Period);
        var expected = Math.Max(0, stl.Trend[^1] + stl.Seasonal[length - Period]);
        var mad = RobustStatistics.Mad(stl.Remainder);
        var scale = Math.Max(RobustStatistics.MadToSigma * mad, Math.Sqrt(Math.Max(expected, 1)));
        var z = (input.Observed - expected) / scale;
        var half = NormalTails.Quantile((1 + rangeWidth) / 2) * scale;
        return new DayScore(input.Date, input.Observed, expected, Math.Max(0, expected - half), expected + half, NormalTails.Upper(z), NormalTails.Lower(z));
    }

    // STL needs every day: a missing one takes the median of its weekday in the window.
    private static void FillMissing(double[] window)
    {
        var overall = RobustStatistics.Median(window);
        for (var phase = 0; phase < Period; phase++)
        {
            var same = new List<double>();
            for (var i = phase; i < window.Length; i += Period)
            {
                if (double.IsFinite(window[i]))
                {
                    same.Add(window[i]);
                }
            }

            var fill = same.Count > 0 ? RobustStatistics.Median(same.ToArray()) : overall;
            for (var i = phase; i < window.Length; i += Period)
            {
                if (!double.IsFinite(window[i]))
                {
                    window[i] = fill;
                }
            }
        }
    }
}

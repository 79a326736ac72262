using Nyc311.Anomalies.Detection.Expectations;
using Nyc311.Anomalies.Maths;

namespace Nyc311.Anomalies.Detection;

/// <summary>
/// Judges days of a series with the configured detector, each only from the days before it (the history
/// passed to the detector ends the day before: no look-ahead by construction).
/// </summary>
internal sealed class SeriesScorer
{
    private readonly DetectionSettings _settings;
    private readonly IExpectationModel _expectation;
    private readonly SeriesDetector _detector;

    public SeriesScorer(DetectionSettings settings)
    {
        _settings = settings;
        _expectation = ExpectationModels.Create(settings.Expectation);
        _detector = SeriesDetector.Create(settings);
    }

    public DetectorKind Detector => _detector.Kind;

    /// <summary>The score of day <paramref name="t"/>, or null when it has no value or too little history before it.</summary>
    public DayScore? Score(ReadOnlySpan<double> values, DateOnly start, int t, ExternalForecast? forecast = null)
    {
        if (t < 0 || t >= values.Length || !double.IsFinite(values[t]))
        {
            return null;
        }

        var from = Math.Max(0, t - _settings.HistoryDays);
        var history = values[from..t];
        if (RobustStatistics.CountFinite(history) < _settings.MinHistoryDays)
        {
            return null;
        }

        var fit = _detector.NeedsExpectation
            ? _expectation.Fit(history, start.AddDays(from), _settings.ResidualWindowDays)
            : new ExpectationFit(double.NaN, []);
        if (_detector.NeedsExpectation && forecast is null && !double.IsFinite(fit.Expected))
        {
            return null;
        }

        var score = _detector.Score(new DayInput(history, start.AddDays(from), values[t], fit, forecast));
        return double.IsFinite(score.Expected) ? score : null;
    }

    /// <summary>The expectation model alone, for data-health checks of totals.</summary>
    public double Expect(ReadOnlySpan<double> values, DateOnly start, int t)
    {
        var from = Math.Max(0, t - _settings.HistoryDays);
        var history = values[from..t];
        return RobustStatistics.CountFinite(history) < Math.Min(_settings.MinHistoryDays, 14)
            ? double.NaN
            : new WeekdayMedianExpectation().Fit(history, start.AddDays(from), 0).Expected;
    }
}

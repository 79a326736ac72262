namespace Nyc311.Anomalies.Detection;

/// <summary>Judges one day of one series from the days before it.</summary>
internal abstract class SeriesDetector
{
    public abstract DetectorKind Kind { get; }

    /// <summary>Whether the detector uses the expectation model (STL makes its own).</summary>
    public virtual bool NeedsExpectation => true;

    public abstract DayScore Score(in DayInput input);

    public static SeriesDetector Create(DetectionSettings settings) => settings.Detector switch
    {
        DetectorKind.CountForecast => new CountForecastDetector(settings.Poisson, settings.RangeWidth),
        DetectorKind.ForecastInterval => new ForecastIntervalDetector(settings.IntervalWidth, settings.RangeWidth),
        DetectorKind.RobustZ => new RobustZDetector(settings.RangeWidth),
        DetectorKind.Stl => new StlDetector(settings.ResidualWindowDays, settings.RangeWidth),
        _ => new EnsembleDetector(settings),
    };
}

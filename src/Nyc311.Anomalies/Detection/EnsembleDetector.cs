using Nyc311.Anomalies.Maths;

namespace Nyc311.Anomalies.Detection;

/// <summary>
/// The count forecast, robust z-score and STL detectors combined: the ensemble p-value is twice the median
/// of their p-values, a combination that stays valid however the three depend on each other (Vovk and Wang,
/// "Combining p-values via averaging", 2020), and in effect asks two of the three to agree. The expected
/// value and range are the count forecast's.
/// </summary>
internal sealed class EnsembleDetector(DetectionSettings settings) : SeriesDetector
{
    private readonly CountForecastDetector _count = new(settings.Poisson, settings.RangeWidth);
    private readonly RobustZDetector _robust = new(settings.RangeWidth);
    private readonly StlDetector _stl = new(settings.ResidualWindowDays, settings.RangeWidth);

    public override DetectorKind Kind => DetectorKind.Ensemble;

    public override DayScore Score(in DayInput input)
    {
        var count = _count.Score(input);
        var robust = _robust.Score(input);
        var stl = _stl.Score(input);
        return count with
        {
            SpikePValue = Combine(count.SpikePValue, robust.SpikePValue, stl.SpikePValue),
            DropPValue = Combine(count.DropPValue, robust.DropPValue, stl.DropPValue),
        };
    }

    /// <summary>min(1, 2 × median) of the p-values that exist.</summary>
    internal static double Combine(params ReadOnlySpan<double> pValues)
    {
        var median = RobustStatistics.Median(pValues);
        return double.IsNaN(median) ? double.NaN : Math.Min(1, 2 * median);
    }
}

using Nyc311.Anomalies.Detection.Expectations;
using Nyc311.Anomalies.Incidents;
using Nyc311.Anomalies.Maths;
using Nyc311.Anomalies.Series;

namespace Nyc311.Anomalies.Detection;

/// <summary>A series judged on one day: its score, the p-values after the correction across series, and whether it is an anomaly.</summary>
/// <param name="Series">The series.</param>
/// <param name="Score">The day's score.</param>
/// <param name="SpikeQ">Benjamini-Hochberg adjusted spike p-value (NaN when not tested).</param>
/// <param name="DropQ">Benjamini-Hochberg adjusted drop p-value.</param>
/// <param name="Flag">Spike or drop when the day is an anomaly of the series; null otherwise.</param>
public sealed record JudgedDay(SeriesKey Series, DayScore Score, double SpikeQ, double DropQ, IncidentKind? Flag)
{
    /// <summary>The corrected p-value in the direction of the change (spike when above expected).</summary>
    public double PValue => Flag switch
    {
        IncidentKind.Drop => DropQ,
        IncidentKind.Spike => SpikeQ,
        _ => Score.Observed >= Score.Expected ? SpikeQ : DropQ,
    };
}

/// <summary>
/// Judges every series on one day: scores each from its history before the day, then controls the false
/// discovery rate across the series (Benjamini-Hochberg, spikes and drops as separate families) and applies
/// the practical thresholds (a spike needs <see cref="AnomalyOptions.MinObserved"/> requests and
/// <see cref="AnomalyOptions.MinExcess"/> more than expected; a drop a series expecting
/// <see cref="AnomalyOptions.MinDropExpected"/>, and none on holidays).
/// </summary>
internal sealed class DayJudge(AnomalyOptions options, DetectionSettings settings)
{
    private readonly SeriesScorer _scorer = new(settings);

    public DetectorKind Detector => _scorer.Detector;

    /// <summary>The score of every series that can be judged on <paramref name="day"/>.</summary>
    public Dictionary<SeriesKey, DayScore> Score(DateOnly day, IEnumerable<(SeriesKey Key, double[] Values, DateOnly Start)> series, Func<SeriesKey, ExternalForecast?> forecast)
    {
        var list = series.ToList();
        var scores = new DayScore?[list.Count];
        Parallel.For(0, list.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, i =>
        {
            var (key, values, start) = list[i];
            scores[i] = _scorer.Score(values, start, day.DayNumber - start.DayNumber, forecast(key));
        });
        var result = new Dictionary<SeriesKey, DayScore>();
        for (var i = 0; i < list.Count; i++)
        {
            if (scores[i] is { } score)
            {
                result[list[i].Key] = score;
            }
        }

        return result;
    }

    /// <summary>Corrects the day's p-values across series and flags the anomalies; <paramref name="suppressed"/> series are left out.</summary>
    public List<JudgedDay> Correct(DateOnly day, IReadOnlyDictionary<SeriesKey, DayScore> scores, IReadOnlySet<SeriesKey>? suppressed = null)
    {
        var tested = scores.Where(s => suppressed?.Contains(s.Key) != true).OrderBy(s => s.Key).ToList();
        var spikeQ = BenjaminiHochberg.Adjust([.. tested.Select(s => s.Value.SpikePValue)]);
        var dropQ = BenjaminiHochberg.Adjust([.. tested.Select(s => s.Value.DropPValue)]);
        var holiday = Holidays.IsHoliday(day);
        var judged = new List<JudgedDay>(tested.Count);
        for (var i = 0; i < tested.Count; i++)
        {
            var (key, score) = tested[i];
            IncidentKind? flag = null;
            if (spikeQ[i] <= options.FdrLevel && score.Observed >= options.MinObserved && score.Observed - score.Expected >= options.MinExcess)
            {
                flag = IncidentKind.Spike;
            }
            else if (!holiday && dropQ[i] <= options.FdrLevel && score.Expected >= options.MinDropExpected && score.Expected - score.Observed >= options.MinExcess)
            {
                flag = IncidentKind.Drop;
            }

            judged.Add(new JudgedDay(key, score, spikeQ[i], dropQ[i], flag));
        }

        return judged;
    }
}

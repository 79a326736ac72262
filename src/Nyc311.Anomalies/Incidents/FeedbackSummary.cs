namespace Nyc311.Anomalies.Incidents;

/// <summary>
/// What operators said about the incidents they labelled (each incident counted once, by its latest
/// label): the precision of detection as they judged it is the share not marked a false positive.
/// </summary>
public sealed record FeedbackSummary(int Labelled, int Acknowledged, int FalsePositives, int NewNormals)
{
    /// <summary>(labelled - false positives) / labelled; NaN before any label.</summary>
    public double Precision => Labelled == 0 ? double.NaN : (Labelled - FalsePositives) / (double)Labelled;

    public static FeedbackSummary From(IEnumerable<IncidentFeedback> feedback)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        var latest = feedback.OrderBy(f => f.At).GroupBy(f => f.IncidentId).Select(g => g.Last().Label).ToList();
        return new FeedbackSummary(latest.Count, latest.Count(l => l == IncidentLabel.Acknowledged), latest.Count(l => l == IncidentLabel.FalsePositive), latest.Count(l => l == IncidentLabel.NewNormal));
    }
}

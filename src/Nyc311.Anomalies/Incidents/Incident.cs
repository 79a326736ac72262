namespace Nyc311.Anomalies.Incidents;

/// <summary>What kind of unusual behaviour an incident is.</summary>
public enum IncidentKind
{
    /// <summary>More requests than expected: what operations teams act on.</summary>
    Spike,

    /// <summary>Fewer requests than expected (can be an outage of the intake).</summary>
    Drop,

    /// <summary>A data problem (partial day, ingestion gap, bulk re-classification), not a real change in demand.</summary>
    DataProblem,
}

/// <summary>Where an incident stands; operators move it with <see cref="IncidentLabel"/>s.</summary>
public enum IncidentStatus
{
    Open,
    Acknowledged,
    FalsePositive,
    NewNormal,
    Resolved,
}

/// <summary>An operator's judgement of an incident.</summary>
public enum IncidentLabel
{
    /// <summary>Seen and being handled.</summary>
    Acknowledged,

    /// <summary>Not a real anomaly; evaluation counts it against precision.</summary>
    FalsePositive,

    /// <summary>The level has changed for good: later detection uses the new level instead of alerting every day.</summary>
    NewNormal,
}

/// <summary>An incident: consecutive anomalous days of one series (a row of <c>gold.anomalies</c>).</summary>
public sealed record Incident
{
    public required string IncidentId { get; init; }

    public required string ComplaintType { get; init; }

    public required string Borough { get; init; }

    public required IncidentKind Kind { get; init; }

    public required DateOnly StartDate { get; init; }

    public required DateOnly EndDate { get; init; }

    public required DateOnly PeakDate { get; init; }

    /// <summary>Requests on the peak day.</summary>
    public required double Observed { get; init; }

    /// <summary>Expected requests on the peak day, and the expected range.</summary>
    public required double Expected { get; init; }

    public required double Lower { get; init; }

    public required double Upper { get; init; }

    /// <summary>The peak day's p-value after the false-discovery-rate correction across series.</summary>
    public required double PValue { get; init; }

    /// <summary><c>critical</c>, <c>high</c>, <c>medium</c> or <c>low</c>.</summary>
    public required string Severity { get; init; }

    /// <summary>Plain language: "Damaged Tree in Queens: 1,840 requests, expected 95 (range 70-125), 19x".</summary>
    public required string Explanation { get; init; }

    /// <summary>JSON array of the series that contribute most to the excess of a rollup (empty array otherwise).</summary>
    public string Contributors { get; init; } = "[]";

    public IncidentStatus Status { get; init; } = IncidentStatus.Open;

    public required string Detector { get; init; }

    public required string RunId { get; init; }

    public required DateTimeOffset DetectedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The stable id of an incident: series, kind and first day.</summary>
    public static string IdFor(string complaintType, string borough, IncidentKind kind, DateOnly start) =>
        $"{start:yyyyMMdd}-{kind.ToString().ToLowerInvariant()}-{Slug(complaintType)}-{Slug(borough)}";

    private static string Slug(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '_')
            {
                builder.Append('_');
            }
        }

        return builder.ToString().Trim('_');
    }
}

/// <summary>One operator label of an incident (a row of <c>gold.incident_feedback</c>).</summary>
public sealed record IncidentFeedback(string IncidentId, IncidentLabel Label, string? Note, string Actor, DateTimeOffset At);

using Nyc311.Anomalies.Alerts;
using Nyc311.Anomalies.Health;
using Nyc311.Anomalies.Incidents;

namespace Nyc311.Anomalies.Detection;

/// <summary>What a detection run judged, found, wrote and sent.</summary>
public sealed record DetectionResult
{
    public required string RunId { get; init; }

    /// <summary>The detector's configuration name.</summary>
    public required string Detector { get; init; }

    /// <summary>The last complete day of <c>gold.daily_counts</c>: its last day, or the one before when that is the New York day still in progress (null when the table is absent).</summary>
    public DateOnly? LastDay { get; init; }

    /// <summary>Days judged (days with a data problem are skipped).</summary>
    public IReadOnlyList<DateOnly> JudgedDays { get; init; } = [];

    /// <summary>Series-days judged, summed over the judged days.</summary>
    public int SeriesDaysJudged { get; init; }

    /// <summary>Anomalous series-days found, by direction (before grouping into incidents).</summary>
    public int SpikeDays { get; init; }

    public int DropDays { get; init; }

    /// <summary>Anomalous series-days per judged day: how many alarms a day produces before grouping.</summary>
    public double AnomaliesPerJudgedDay => JudgedDays.Count == 0 ? 0 : (SpikeDays + DropDays) / (double)JudgedDays.Count;

    /// <summary>Series-days judged against a stored forecast from <c>gold.forecasts</c>.</summary>
    public int ForecastsUsed { get; init; }

    public IReadOnlyList<Incident> NewIncidents { get; init; } = [];

    public IReadOnlyList<Incident> UpdatedIncidents { get; init; } = [];

    public IReadOnlyList<Incident> ResolvedIncidents { get; init; } = [];

    /// <summary>Data problems found on the judged days: not incidents, never alerted.</summary>
    public IReadOnlyList<DataHealthFinding> DataHealth { get; init; } = [];

    /// <summary>Set when the latest day has a data problem or is still in progress, so detection waits for it to be (re)loaded in full.</summary>
    public string? WaitingFor { get; init; }

    /// <summary>Alerts made (one per new spike or drop incident).</summary>
    public int AlertsSent { get; init; }

    public AlertReport Alerts { get; init; } = new(0, []);

    /// <summary>Spike and drop incidents still open after the run.</summary>
    public IReadOnlyList<Incident> OpenIncidents { get; init; } = [];

    /// <summary>Operators' labels so far, and the precision they give.</summary>
    public FeedbackSummary Feedback { get; init; } = FeedbackSummary.From([]);

    internal static DetectionResult Empty(string runId, string detector, IReadOnlyList<Incident> incidents, string waiting) => new()
    {
        RunId = runId,
        Detector = detector,
        WaitingFor = waiting,
        OpenIncidents = [.. incidents.Where(i => i.Status == IncidentStatus.Open && i.Kind != IncidentKind.DataProblem)],
    };
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Nyc311.Anomalies.Incidents;

namespace Nyc311.Anomalies.Alerts;

/// <summary>The message sent once for a new incident.</summary>
public sealed record Alert(Incident Incident)
{
    /// <summary>One line: "[critical] spike: Damaged Tree in Queens since 2026-08-04".</summary>
    public string Title => $"[{Incident.Severity}] {IncidentStore.KindText(Incident.Kind)}: {new Series.SeriesKey(Incident.ComplaintType, Incident.Borough).Describe()} since {Incident.StartDate:yyyy-MM-dd}";

    /// <summary>The explanation, the contributors of a rollup, and the commands to act on it.</summary>
    public string Body
    {
        get
        {
            var lines = new List<string>
            {
                Incident.Explanation,
                "",
                $"incident: {Incident.IncidentId}",
                $"severity: {Incident.Severity}; p-value after FDR correction: {Incident.PValue:G3}; detector: {Incident.Detector}",
            };
            var contributors = Contributors.FromJson(Incident.Contributors);
            if (contributors.Count > 0)
            {
                lines.Add("largest contributors:");
                lines.AddRange(contributors.Select(c => $"  {new Series.SeriesKey(c.ComplaintType, c.Borough).Describe()}: {c.Observed:N0} requests, expected {c.Expected:N0} ({c.Share:P0} of the change)"));
            }

            lines.Add("");
            lines.Add($"acknowledge: nyc311 incidents ack {Incident.IncidentId}   false positive: nyc311 incidents dismiss {Incident.IncidentId}   new normal: nyc311 incidents new-normal {Incident.IncidentId}");
            return string.Join('\n', lines);
        }
    }

    /// <summary>The alert as a JSON object: the incident's columns (as in <c>gold.anomalies</c>), contributors as an array, and title.</summary>
    public JsonObject ToJson()
    {
        var i = Incident;
        return new JsonObject
        {
            ["incident_id"] = i.IncidentId,
            ["title"] = Title,
            ["complaint_type"] = i.ComplaintType,
            ["borough"] = i.Borough,
            ["kind"] = IncidentStore.KindText(i.Kind),
            ["start_date"] = i.StartDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["end_date"] = i.EndDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["peak_date"] = i.PeakDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["observed"] = Finite(i.Observed),
            ["expected"] = Finite(i.Expected),
            ["lower"] = Finite(i.Lower),
            ["upper"] = Finite(i.Upper),
            ["p_value"] = Finite(i.PValue),
            ["severity"] = i.Severity,
            ["explanation"] = i.Explanation,
            ["contributors"] = JsonNode.Parse(string.IsNullOrWhiteSpace(i.Contributors) ? "[]" : i.Contributors),
            ["status"] = IncidentStore.StatusText(i.Status),
            ["detector"] = i.Detector,
            ["run_id"] = i.RunId,
            ["detected_at"] = i.DetectedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    public string ToJsonLine() => ToJson().ToJsonString(new JsonSerializerOptions { WriteIndented = false });

    private static JsonValue? Finite(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;
}

/// <summary>Where alerts go: each new incident is sent once to every sink.</summary>
public interface IAlertSink
{
    /// <summary>A short name for reports ("console", "jsonl", "webhook", "smtp").</summary>
    string Name { get; }

    /// <summary>Delivers one alert, or throws (an <see cref="AlertDeliveryException"/> after the sink's own retries).</summary>
    Task SendAsync(Alert alert, CancellationToken cancellationToken);
}

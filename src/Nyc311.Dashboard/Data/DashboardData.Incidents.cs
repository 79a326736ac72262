using System.Globalization;
using System.Text.Json;
using Nyc311.Anomalies.Incidents;
using Nyc311.Dashboard.Filters;

namespace Nyc311.Dashboard.Data;

/// <summary>A series behind a rolled-up incident's excess (an element of <c>gold.anomalies.contributors</c>).</summary>
internal sealed record Contributor(string ComplaintType, string Borough, double Observed, double Expected, double Excess, double Share)
{
    public SeriesKey Series => new(ComplaintType, Borough);
}

/// <summary>An incident with what its page shows: labels given, the series around it, and contributors.</summary>
/// <param name="Incident">The incident, status after its latest label.</param>
/// <param name="Feedback">Labels given, oldest first.</param>
/// <param name="Around">The series from four weeks before the start to two weeks after the end.</param>
/// <param name="Contributors">The series behind the excess, largest first (empty for a series that is no rollup).</param>
/// <param name="Related">Other incidents of the contributing series that overlap this one, by series.</param>
internal sealed record IncidentDetail(Incident Incident, IReadOnlyList<IncidentFeedback> Feedback, SeriesFrame Around, IReadOnlyList<Contributor> Contributors, IReadOnlyDictionary<SeriesKey, Incident> Related)
{
    public SeriesKey Series => new(Incident.ComplaintType, Incident.Borough);

    public DateRange Window => new(Incident.StartDate, Incident.EndDate);
}

internal sealed partial class DashboardData
{
    /// <summary>Every incident with its current status, newest first (empty while <c>gold.anomalies</c> is missing).</summary>
    public Task<IReadOnlyList<Incident>> IncidentsAsync() =>
        cache.GetOrAdd<IReadOnlyList<Incident>>($"incidents|{lake.VersionsKey(LakeTables.Anomalies, LakeTables.Feedback)}", () => incidents.List());

    public async Task<IncidentDetail?> IncidentAsync(string incidentId)
    {
        var incident = (await IncidentsAsync()).FirstOrDefault(i => i.IncidentId == incidentId);
        if (incident is null)
        {
            return null;
        }

        var feedback = await cache.GetOrAdd<IReadOnlyList<IncidentFeedback>>($"feedback|{lake.VersionsKey(LakeTables.Feedback)}", () => incidents.Feedback());
        var series = new SeriesKey(incident.ComplaintType, incident.Borough);
        var around = new DateRange(incident.StartDate.AddDays(-28), incident.EndDate.AddDays(14));
        var frame = (await SeriesAsync([series], around, around.To)).Single();
        var contributors = ParseContributors(incident.Contributors);
        var window = new DateRange(incident.StartDate, incident.EndDate);
        var related = (await IncidentsAsync())
            .Where(i => i.IncidentId != incident.IncidentId && contributors.Any(c => c.ComplaintType == i.ComplaintType && c.Borough == i.Borough) && i.StartDate <= window.To && i.EndDate >= window.From)
            .GroupBy(i => new SeriesKey(i.ComplaintType, i.Borough))
            .ToDictionary(g => g.Key, g => g.First());
        return new IncidentDetail(incident, [.. feedback.Where(f => f.IncidentId == incidentId)], frame, contributors, related);
    }

    /// <summary>Records an operator's label through the incident store; the incident keeps it after reloads and later runs.</summary>
    public Task<Incident> LabelAsync(string incidentId, IncidentLabel label, string? note, string actor) =>
        Task.Run(() => incidents.Label(incidentId, label, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), actor));

    /// <summary>The contributors JSON of an incident; malformed text yields none rather than an error.</summary>
    public static IReadOnlyList<Contributor> ParseContributors(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            return [.. document.RootElement.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.Object)
                .Select(e => new Contributor(Text(e, "complaint_type"), Text(e, "borough"), Number(e, "observed"), Number(e, "expected"), Number(e, "excess"), Number(e, "share")))
                .Where(c => c.ComplaintType.Length > 0 || c.Borough.Length > 0)
                .OrderByDescending(c => c.Excess)];
        }
        catch (JsonException)
        {
            return [];
        }

        static string Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : LakeTables.AllValues;

        static double Number(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.Number => v.GetDouble(),
            JsonValueKind.String when double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => double.NaN,
        } : double.NaN;
    }
}

using System.Globalization;
using Nyc311.Anomalies.Incidents;
using Nyc311.Lake.Catalog;
using Nyc311.Lake.Sql;

namespace Nyc311.Dashboard.Tests.Fixtures;

/// <summary>
/// Incidents written through <see cref="IncidentStore"/> on real series of the lake: a citywide spike of the busiest
/// complaint type with its boroughs as contributors, that type's spike in its busiest borough, a drop, and a data
/// problem on the citywide total.
/// </summary>
public sealed record FixtureIncidents(Incident CitywideSpike, Incident BoroughSpike, Incident Drop, Incident DataProblem)
{
    public static readonly DateTimeOffset DetectedAt = new(2026, 8, 4, 7, 0, 0, TimeSpan.Zero);

    public IReadOnlyList<Incident> All => [CitywideSpike, BoroughSpike, Drop, DataProblem];

    internal static FixtureIncidents Write(LakeCatalog catalog)
    {
        using var db = catalog.OpenQueryConnection(readOnly: true);
        var peak = new DateOnly(2026, 8, 2);
        var type = (string)db.Scalar($"""SELECT complaint_type FROM gold.daily_counts WHERE "date" = DATE '{peak:yyyy-MM-dd}' AND borough = '(all)' AND complaint_type <> '(all)' ORDER BY requests DESC LIMIT 1""")!;
        var byBorough = db.Query(
            $"""SELECT borough, requests FROM gold.daily_counts WHERE "date" = DATE '{peak:yyyy-MM-dd}' AND complaint_type = {SqlText.Literal(type)} AND borough <> '(all)' ORDER BY requests DESC""",
            r => (Borough: r.GetString(0), Requests: Convert.ToDouble(r.GetValue(1), CultureInfo.InvariantCulture)));
        var total = byBorough.Sum(b => b.Requests);
        var second = (string)db.Scalar($"""SELECT complaint_type FROM gold.daily_counts WHERE borough = 'QUEENS' AND complaint_type NOT IN ('(all)', {SqlText.Literal(type)}) GROUP BY 1 ORDER BY sum(requests) DESC LIMIT 1""")!;
        var contributors = "[" + string.Join(", ", byBorough.Select(b => string.Create(CultureInfo.InvariantCulture,
            $$"""{"complaint_type": {{Json(type)}}, "borough": {{Json(b.Borough)}}, "observed": {{b.Requests}}, "expected": {{Math.Round(b.Requests * 0.6, 1)}}, "excess": {{Math.Round(b.Requests * 0.4, 1)}}, "share": {{Math.Round(b.Requests / total, 4)}}}"""))) + "]";

        var citywide = Make(type, "(all)", IncidentKind.Spike, peak, peak, total, total * 0.6, "high", $"{type} citywide: {total:N0} requests, expected {total * 0.6:N0} (range {total * 0.5:N0}-{total * 0.7:N0}), 1.7x", contributors);
        var busiest = byBorough[0];
        var borough = Make(type, busiest.Borough, IncidentKind.Spike, peak, peak, busiest.Requests, busiest.Requests * 0.6, "medium", $"{type} in {busiest.Borough}: {busiest.Requests:N0} requests, expected {busiest.Requests * 0.6:N0}, 1.7x", "[]");
        var drop = Make(second, "QUEENS", IncidentKind.Drop, new DateOnly(2026, 8, 1), new DateOnly(2026, 8, 1), 3, 40, "low", $"{second} in QUEENS: 3 requests, expected 40 (range 30-50)", "[]");
        var problem = Make("(all)", "(all)", IncidentKind.DataProblem, new DateOnly(2026, 8, 3), new DateOnly(2026, 8, 3), 9000, 10500, "critical", "All requests citywide: 9,000 requests, expected 10,500: a partial day of data", "[]");
        new IncidentStore(catalog, TimeProvider.System).Upsert([citywide, borough, drop, problem]);
        return new FixtureIncidents(citywide, borough, drop, problem);
    }

    private static Incident Make(string type, string borough, IncidentKind kind, DateOnly start, DateOnly end, double observed, double expected, string severity, string explanation, string contributors) => new()
    {
        IncidentId = Incident.IdFor(type, borough, kind, start),
        ComplaintType = type,
        Borough = borough,
        Kind = kind,
        StartDate = start,
        EndDate = end,
        PeakDate = end,
        Observed = observed,
        Expected = expected,
        Lower = expected * 0.85,
        Upper = expected * 1.15,
        PValue = 0.0004,
        Severity = severity,
        Explanation = explanation,
        Contributors = contributors,
        Detector = "fixture",
        RunId = "detect-fixture",
        DetectedAt = DetectedAt,
        UpdatedAt = DetectedAt,
    };

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}

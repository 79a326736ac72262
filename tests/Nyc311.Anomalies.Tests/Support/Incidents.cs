using Nyc311.Anomalies.Incidents;

namespace Nyc311.Anomalies.Tests.Support;

internal static class SampleIncidents
{
    public static Incident DamagedTree(DateTimeOffset now) => new()
    {
        IncidentId = "20260804-spike-damaged_tree-queens",
        ComplaintType = "Damaged Tree",
        Borough = "QUEENS",
        Kind = IncidentKind.Spike,
        StartDate = new(2026, 8, 4),
        EndDate = new(2026, 8, 4),
        PeakDate = new(2026, 8, 4),
        Observed = 1840,
        Expected = 95,
        Lower = 70,
        Upper = 125,
        PValue = 1e-30,
        Severity = "critical",
        Explanation = "Damaged Tree in Queens: 1,840 requests, expected 95 (range 70-125), 19x on 2026-08-04",
        Contributors = "[]",
        Detector = "ensemble",
        RunId = "detect-1",
        DetectedAt = now,
        UpdatedAt = now,
    };
}

using Microsoft.Extensions.Time.Testing;
using Nyc311.Anomalies.Incidents;
using Nyc311.Lake;
using Nyc311.Lake.Catalog;
using Nyc311.Testing;

namespace Nyc311.Anomalies.Tests.Incidents;

public sealed class IncidentStoreTests : IDisposable
{
    private readonly TempDirectory _folder = new("incidents");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 8, 5, 12, 0, 0, TimeSpan.Zero));
    private readonly IncidentStore _store;

    public IncidentStoreTests() => _store = new IncidentStore(new LakeCatalog(new LakeOptions { Root = _folder.Combine("lake") }, _clock), _clock);

    public void Dispose() => _folder.Dispose();

    private Incident Spike(string type, DateOnly start, DateOnly end, double observed) => new()
    {
        IncidentId = Incident.IdFor(type, "QUEENS", IncidentKind.Spike, start),
        ComplaintType = type,
        Borough = "QUEENS",
        Kind = IncidentKind.Spike,
        StartDate = start,
        EndDate = end,
        PeakDate = end,
        Observed = observed,
        Expected = 95,
        Lower = 70,
        Upper = 125,
        PValue = 1e-9,
        Severity = "critical",
        Explanation = $"{type} in Queens: {observed:N0} requests, expected 95 (range 70-125), {observed / 95:0}x",
        Detector = "ensemble",
        RunId = "run-1",
        DetectedAt = _clock.GetUtcNow(),
        UpdatedAt = _clock.GetUtcNow(),
    };

    [Fact]
    public void Labels_are_kept_and_respected_when_detection_updates_the_incident()
    {
        var day = new DateOnly(2026, 8, 4);
        _store.Upsert([Spike("Damaged Tree", day, day, 1840), Spike("Sewer", day, day, 400)]).Count.ShouldBe(2);

        var id = Incident.IdFor("Damaged Tree", "QUEENS", IncidentKind.Spike, day);
        _store.Label(id, IncidentLabel.FalsePositive, "storm clean-up crew logging", "ops@nyc").Status.ShouldBe(IncidentStatus.FalsePositive);

        // The next run sees the incident continue a day: its row is updated, its label stays.
        _clock.Advance(TimeSpan.FromDays(1));
        _store.Upsert([Spike("Damaged Tree", day, day.AddDays(1), 2100)]).Count.ShouldBe(1);

        var incident = _store.Find(id)!;
        incident.EndDate.ShouldBe(day.AddDays(1));
        incident.Observed.ShouldBe(2100);
        incident.Status.ShouldBe(IncidentStatus.FalsePositive);
        _store.Feedback().Single().Note.ShouldBe("storm clean-up crew logging");
        _store.List().Count.ShouldBe(2);
    }

    [Fact]
    public void An_unchanged_incident_is_not_written_again_and_unknown_ids_are_a_clear_error()
    {
        var day = new DateOnly(2026, 8, 4);
        _store.Upsert([Spike("Damaged Tree", day, day, 1840)]);
        _store.Upsert([Spike("Damaged Tree", day, day, 1840)]).ShouldBeEmpty();
        Should.Throw<AnomalyException>(() => _store.Label("nope", IncidentLabel.Acknowledged, null, "ops")).Message.ShouldContain("no incident 'nope'");
    }
}

using Microsoft.Extensions.Time.Testing;
using Nyc311.Anomalies.Detection;
using Nyc311.Anomalies.Health;
using Nyc311.Anomalies.Incidents;
using Nyc311.Anomalies.Series;
using Nyc311.Anomalies.Tests.Support;
using Nyc311.Lake;
using Nyc311.Lake.Operations;
using Nyc311.Lake.Schema;
using Nyc311.Lake.Sql;

namespace Nyc311.Anomalies.Tests.Detection;

public sealed class DetectionStageTests : IDisposable
{
    // 130 days ending on a Wednesday with no holiday in the last week.
    private static readonly DateOnly Last = new(2026, 6, 10);
    private static readonly DateOnly Start = Last.AddDays(-129);
    private static readonly SeriesKey Trees = new("Damaged Tree", "QUEENS");

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 11, 7, 0, 0, TimeSpan.Zero));
    private readonly GoldLake _lake;
    private readonly RecordingSink _sink = new();
    private readonly AnomalyOptions _options = new();
    private readonly Dictionary<SeriesKey, double[]> _leaves = [];

    public DetectionStageTests()
    {
        _lake = new GoldLake(_clock);
        var seed = 0;
        foreach (var type in new[] { "Damaged Tree", "Noise - Residential", "Rodent", "Illegal Parking" })
        {
            foreach (var borough in new[] { "QUEENS", "BROOKLYN" })
            {
                _leaves[new SeriesKey(type, borough)] = SyntheticSeries.Poisson(Start, 130, 50, seed++);
            }
        }
    }

    public void Dispose() => _lake.Dispose();

    private IncidentStore Store => new(_lake.Catalog, _clock);

    private Task<DetectionResult> Run() => DetectionStage.RunAsync(_lake.Catalog, _options, _clock, [_sink], cancellationToken: TestContext.Current.CancellationToken);

    private void Set(SeriesKey key, DateOnly day, double value) => _leaves[key][day.DayNumber - Start.DayNumber] = value;

    private void Extend(int days)
    {
        var seed = 100 * _leaves[Trees].Length;
        foreach (var key in _leaves.Keys.ToList())
        {
            var more = SyntheticSeries.Poisson(Start.AddDays(_leaves[key].Length), days, 50, seed++);
            _leaves[key] = [.. _leaves[key], .. more];
        }
    }

    [Fact]
    public async Task A_spike_becomes_one_incident_per_series_with_one_alert_and_a_second_run_changes_nothing()
    {
        Set(Trees, Last, 1000);
        _lake.Write(_leaves, Start);

        var first = await Run();

        first.JudgedDays.Count.ShouldBe(7);
        first.WaitingFor.ShouldBeNull();
        var leaf = first.NewIncidents.Single(i => i.ComplaintType == "Damaged Tree" && i.Borough == "QUEENS");
        leaf.Kind.ShouldBe(IncidentKind.Spike);
        leaf.StartDate.ShouldBe(Last);
        leaf.Severity.ShouldBe("critical");
        leaf.Explanation.ShouldStartWith("Damaged Tree in Queens: 1,000 requests, expected ");
        leaf.PValue.ShouldBeLessThan(1e-6);
        first.NewIncidents.Select(i => $"{i.ComplaintType}/{i.Borough}").ShouldBeSubsetOf(["Damaged Tree/QUEENS", "Damaged Tree/(all)", "(all)/QUEENS", "(all)/(all)"]);
        var citywide = first.NewIncidents.Single(i => i.ComplaintType == SeriesKey.All && i.Borough == SeriesKey.All);
        Contributors.FromJson(citywide.Contributors)[0].ShouldSatisfyAllConditions(
            c => c.ComplaintType.ShouldBe("Damaged Tree"),
            c => c.Borough.ShouldBe("QUEENS"),
            c => c.Share.ShouldBeGreaterThan(0.8));
        _sink.Alerts.Select(a => a.Incident.IncidentId).ShouldBe(first.NewIncidents.Select(i => i.IncidentId), ignoreOrder: true);
        first.AnomaliesPerJudgedDay.ShouldBeLessThan(1);

        var second = await Run();
        second.NewIncidents.ShouldBeEmpty();
        second.UpdatedIncidents.ShouldBeEmpty();
        _sink.Alerts.Count.ShouldBe(first.NewIncidents.Count);
        Store.List().Count(i => i.Kind == IncidentKind.Spike).ShouldBe(first.NewIncidents.Count);
    }

    [Fact]
    public async Task The_table_has_the_shared_schema_and_the_row_shows_the_latest_label()
    {
        Set(Trees, Last, 1000);
        _lake.Write(_leaves, Start);
        var incident = (await Run()).NewIncidents.Single(i => i.ComplaintType == "Damaged Tree" && i.Borough == "QUEENS");

        Store.Label(incident.IncidentId, IncidentLabel.Acknowledged, "crews sent", "ops");

        using var db = LakeDuckDb.Open();
        var table = DeltaTable.Open(_lake.Catalog.PathOf(IncidentStore.AnomaliesTable));
        db.Describe(table.SelectSql(db)).Select(c => c.Name).ShouldBe(
            ["incident_id", "complaint_type", "borough", "kind", "start_date", "end_date", "peak_date", "observed", "expected", "lower", "upper",
             "p_value", "severity", "explanation", "contributors", "status", "detector", "run_id", "detected_at", "updated_at"]);
        db.Scalar($"SELECT status FROM ({table.SelectSql(db)}) WHERE incident_id = '{incident.IncidentId}'").ShouldBe("acknowledged");
    }

    [Fact]
    public async Task A_false_positive_stays_one_when_the_incident_continues_and_is_not_alerted_again()
    {
        Set(Trees, Last, 1000);
        _lake.Write(_leaves, Start);
        var incident = (await Run()).NewIncidents.Single(i => i.ComplaintType == "Damaged Tree" && i.Borough == "QUEENS");
        Store.Label(incident.IncidentId, IncidentLabel.FalsePositive, "test data", "ops");
        var alerts = _sink.Alerts.Count;

        Extend(1);
        Set(Trees, Last.AddDays(1), 900);
        _lake.Write(_leaves, Start);
        _clock.Advance(TimeSpan.FromDays(1));
        var next = await Run();

        var continued = next.UpdatedIncidents.Single(i => i.IncidentId == incident.IncidentId);
        continued.EndDate.ShouldBe(Last.AddDays(1));
        Store.Find(incident.IncidentId)!.Status.ShouldBe(IncidentStatus.FalsePositive);
        next.NewIncidents.ShouldNotContain(i => i.ComplaintType == "Damaged Tree" && i.Borough == "QUEENS");
        _sink.Alerts.Skip(alerts).ShouldNotContain(a => a.Incident.IncidentId == incident.IncidentId);
        next.Feedback.FalsePositives.ShouldBe(1);
        next.Feedback.Precision.ShouldBe(0);
    }

    [Fact]
    public async Task A_new_normal_moves_the_level_later_days_are_judged_against()
    {
        // From the day before the last, three times the level (with the same weekly shape).
        for (var day = Last.AddDays(-1); day <= Last; day = day.AddDays(1))
        {
            Set(Trees, day, 3 * _leaves[Trees][day.DayNumber - Start.DayNumber]);
        }

        _lake.Write(_leaves, Start);
        var incident = (await Run()).NewIncidents.Single(i => i.ComplaintType == "Damaged Tree" && i.Borough == "QUEENS");
        incident.StartDate.ShouldBe(Last.AddDays(-1));
        Store.Label(incident.IncidentId, IncidentLabel.NewNormal, "new street-tree programme", "ops");

        Extend(5);
        for (var day = Last.AddDays(1); day <= Last.AddDays(5); day = day.AddDays(1))
        {
            Set(Trees, day, 3 * _leaves[Trees][day.DayNumber - Start.DayNumber]);
        }

        _lake.Write(_leaves, Start);
        _clock.Advance(TimeSpan.FromDays(5));
        var later = await Run();

        later.NewIncidents.ShouldNotContain(i => i.ComplaintType == "Damaged Tree" && i.Borough == "QUEENS");
        Store.Find(incident.IncidentId)!.EndDate.ShouldBeLessThanOrEqualTo(Last.AddDays(1));
    }

    [Fact]
    public async Task Detection_waits_for_a_partial_last_day_instead_of_alerting_on_it()
    {
        foreach (var values in _leaves.Values)
        {
            values[^1] = Math.Round(values[^1] * 0.2);
        }

        _lake.Write(_leaves, Start);
        var result = await Run();

        result.WaitingFor.ShouldNotBeNull().ShouldContain("Partial day");
        result.JudgedDays.ShouldNotContain(Last);
        result.DataHealth.ShouldContain(f => f.Kind == DataProblemKind.PartialDay && f.Date == Last);
        result.NewIncidents.ShouldContain(i => i.Kind == IncidentKind.DataProblem && i.StartDate == Last);
        result.NewIncidents.ShouldNotContain(i => i.Kind == IncidentKind.Drop);
        _sink.Alerts.ShouldBeEmpty();

        // The day is reloaded in full: it is judged, and the finding is resolved.
        foreach (var values in _leaves.Values)
        {
            values[^1] = 50;
        }

        _lake.Write(_leaves, Start);
        var reloaded = await Run();
        reloaded.WaitingFor.ShouldBeNull();
        reloaded.JudgedDays.ShouldContain(Last);
        reloaded.ResolvedIncidents.ShouldContain(i => i.Kind == IncidentKind.DataProblem);
    }

    [Fact]
    public async Task The_day_still_in_progress_in_New_York_is_judged_only_once_it_is_over()
    {
        // 16:00 in New York on the last day: its requests are still coming in, and its spike waits.
        Set(Trees, Last, 1000);
        _lake.Write(_leaves, Start);
        var afternoon = new FakeTimeProvider(new DateTimeOffset(2026, 6, 10, 20, 0, 0, TimeSpan.Zero));

        var during = await DetectionStage.RunAsync(_lake.Catalog, _options, afternoon, [_sink], cancellationToken: TestContext.Current.CancellationToken);

        during.LastDay.ShouldBe(Last.AddDays(-1));
        during.JudgedDays.ShouldNotContain(Last);
        during.WaitingFor.ShouldNotBeNull().ShouldContain("2026-06-10 is still in progress in New York");
        during.DataHealth.ShouldBeEmpty();
        _sink.Alerts.ShouldBeEmpty();

        // 03:00 the next day in New York (07:00 UTC): the day is over and judged.
        var after = await Run();
        after.WaitingFor.ShouldBeNull();
        after.JudgedDays[^1].ShouldBe(Last);
        _sink.Alerts.ShouldContain(a => a.Incident.ComplaintType == "Damaged Tree" && a.Incident.Borough == "QUEENS" && a.Incident.StartDate == Last);
    }

    [Fact]
    public async Task A_bulk_reclassification_is_a_data_finding_not_a_spike_and_a_drop()
    {
        foreach (var borough in new[] { "QUEENS", "BROOKLYN" })
        {
            var noise = new SeriesKey("Noise - Residential", borough);
            var moved = _leaves[noise][^1];
            Set(noise, Last, 0);
            _leaves[new SeriesKey("Noise", borough)] = [.. Enumerable.Repeat(0.0, 129), moved];
        }
        _lake.Write(_leaves, Start);

        var result = await Run();

        result.DataHealth.ShouldContain(f => f.Kind == DataProblemKind.Reclassification && f.Series.ComplaintType == "Noise - Residential");
        result.NewIncidents.Where(i => i.Kind != IncidentKind.DataProblem).ShouldBeEmpty();
        _sink.Alerts.ShouldBeEmpty();
    }

    [Fact]
    public async Task Stored_forecasts_made_before_the_day_are_used()
    {
        _lake.Write(_leaves, Start);
        var schema = new StructType(
            new StructField("complaint_type", DeltaType.String), new StructField("borough", DeltaType.String), new StructField("date", DeltaType.Date),
            new StructField("forecast", DeltaType.Double), new StructField("lower", DeltaType.Double), new StructField("upper", DeltaType.Double),
            new StructField("interval_width", DeltaType.Double), new StructField("model", DeltaType.String), new StructField("model_version", DeltaType.String),
            new StructField("run_id", DeltaType.String), new StructField("origin", DeltaType.Date), new StructField("created_at", DeltaType.Timestamp));
        using var db = LakeDuckDb.Open();
        DeltaTable.Create(_lake.Catalog.PathOf("gold.forecasts"), schema, new CreateTableOptions { PartitionColumns = ["origin"] }).Append(db,
            $"""
            SELECT 'Damaged Tree' AS complaint_type, 'QUEENS' AS borough, DATE '{Last:yyyy-MM-dd}' AS "date", 20.0 AS forecast, 15.0 AS lower, 25.0 AS upper,
                   0.8 AS interval_width, 'prophet' AS model, 'v1' AS model_version, 'r1' AS run_id, DATE '{Last.AddDays(-1):yyyy-MM-dd}' AS origin, TIMESTAMPTZ '2026-06-10 06:00:00+00' AS created_at
            UNION ALL
            SELECT 'Rodent', 'QUEENS', DATE '{Last:yyyy-MM-dd}', 20.0, 15.0, 25.0, 0.8, 'prophet', 'v1', 'r1', DATE '{Last:yyyy-MM-dd}', TIMESTAMPTZ '2026-06-10 06:00:00+00'
            """);

        _options.Detector = "count_forecast";
        var result = await Run();

        // Only the forecast made before the day counts; against it (20, 15-25) a normal day of about 50 is a spike.
        result.ForecastsUsed.ShouldBe(1);
        result.NewIncidents.ShouldContain(i => i.ComplaintType == "Damaged Tree" && i.Borough == "QUEENS" && i.Expected == 20);
        result.NewIncidents.ShouldNotContain(i => i.ComplaintType == "Rodent" && i.Borough == "QUEENS");
    }

    [Fact]
    public async Task Without_gold_there_is_nothing_to_judge()
    {
        var result = await Run();
        result.JudgedDays.ShouldBeEmpty();
        result.WaitingFor.ShouldNotBeNull().ShouldContain("no gold.daily_counts");
    }
}

using Nyc311.Anomalies.Detection;
using Nyc311.Anomalies.Incidents;
using Nyc311.Anomalies.Series;

namespace Nyc311.Anomalies.Tests.Incidents;

public sealed class IncidentBuilderTests
{
    private static readonly SeriesKey Trees = new("Damaged Tree", "QUEENS");
    private static readonly DateTimeOffset Now = new(2026, 8, 5, 12, 0, 0, TimeSpan.Zero);

    private static FlaggedDay Day(DateOnly date, double observed, double expected = 95) =>
        new(Trees, IncidentKind.Spike, new DayScore(date, observed, expected, 70, 125, 1e-20, 1), 1e-12);

    [Fact]
    public void The_explanation_reads_like_an_operator_would_say_it()
    {
        var text = IncidentText.Explain(Trees, IncidentKind.Spike, 1840, 95, 70, 125, new(2026, 8, 4), new(2026, 8, 4), new(2026, 8, 4));
        text.ShouldBe("Damaged Tree in Queens: 1,840 requests, expected 95 (range 70-125), 19x on 2026-08-04");
        IncidentText.Explain(SeriesKey.Citywide, IncidentKind.Drop, 4000, 10000, 9000, 11000, new(2026, 8, 3), new(2026, 8, 4), new(2026, 8, 4))
            .ShouldBe("All requests citywide: 4,000 requests, expected 10,000 (range 9,000-11,000), 0.4x; 2 days from 2026-08-03 to 2026-08-04, peak on 2026-08-04 (a drop: check the intake before reading it as less demand)");
        new SeriesKey("Noise", "BRONX").Describe().ShouldBe("Noise in the Bronx");
        new SeriesKey(SeriesKey.All, "STATEN ISLAND").Describe().ShouldBe("All requests in Staten Island");
    }

    [Fact]
    public void Severity_grows_with_the_size_and_certainty_of_the_change()
    {
        IncidentText.Severity(IncidentKind.Spike, 1840, 95, 1e-30).ShouldBe("critical");
        IncidentText.Severity(IncidentKind.Spike, 300, 95, 1e-5).ShouldBe("high");
        IncidentText.Severity(IncidentKind.Spike, 150, 95, 1e-3).ShouldBe("medium");
        IncidentText.Severity(IncidentKind.Spike, 120, 95, 1e-3).ShouldBe("low");
        IncidentText.Severity(IncidentKind.Drop, 10, 300, 1e-9).ShouldBe("critical");
    }

    [Fact]
    public void Consecutive_days_are_one_incident_peaking_on_the_largest_excess()
    {
        var incidents = IncidentBuilder.Build(
            [Day(new(2026, 8, 2), 300), Day(new(2026, 8, 3), 1840), Day(new(2026, 8, 4), 900), Day(new(2026, 8, 6), 500)],
            [], _ => "[]", "ensemble", "run-1", Now);

        incidents.Count.ShouldBe(2);
        var first = incidents.Single(i => i.StartDate == new DateOnly(2026, 8, 2));
        first.IncidentId.ShouldBe("20260802-spike-damaged_tree-queens");
        first.EndDate.ShouldBe(new DateOnly(2026, 8, 4));
        first.PeakDate.ShouldBe(new DateOnly(2026, 8, 3));
        first.Observed.ShouldBe(1840);
        first.Severity.ShouldBe("critical");
        first.Explanation.ShouldStartWith("Damaged Tree in Queens: 1,840 requests, expected 95 (range 70-125), 19x; 3 days");
    }

    [Fact]
    public void A_run_touching_a_stored_incident_continues_it_with_its_id_and_status()
    {
        var stored = IncidentBuilder.Build([Day(new(2026, 8, 2), 1840)], [], _ => "[]", "ensemble", "run-1", Now).Single() with { Status = IncidentStatus.FalsePositive };

        var next = IncidentBuilder.Build([Day(new(2026, 8, 3), 600), Day(new(2026, 8, 4), 400)], [stored], _ => "[]", "ensemble", "run-2", Now.AddDays(2)).Single();

        next.IncidentId.ShouldBe(stored.IncidentId);
        next.StartDate.ShouldBe(new DateOnly(2026, 8, 2));
        next.EndDate.ShouldBe(new DateOnly(2026, 8, 4));
        next.PeakDate.ShouldBe(new DateOnly(2026, 8, 2));
        next.Observed.ShouldBe(1840);
        next.Status.ShouldBe(IncidentStatus.FalsePositive);
        next.DetectedAt.ShouldBe(Now);
        next.RunId.ShouldBe("run-2");
    }

    [Fact]
    public void Contributors_list_the_leaves_that_make_up_a_rollups_excess()
    {
        var day = new DateOnly(2026, 8, 4);
        var rollup = new DayScore(day, 12_000, 10_000, 9_500, 10_500, 1e-20, 1);
        var leaves = new (SeriesKey, DayScore)[]
        {
            (Trees, new DayScore(day, 1840, 95, 70, 125, 1e-30, 1)),
            (new("Damaged Tree", "BROOKLYN"), new DayScore(day, 400, 90, 60, 120, 1e-20, 1)),
            (new("Noise", "QUEENS"), new DayScore(day, 80, 100, 70, 130, 0.9, 0.1)),
            (new("Damaged Tree", SeriesKey.All), new DayScore(day, 2240, 185, 150, 220, 1e-30, 1)),
        };

        var contributors = Contributors.For(SeriesKey.Citywide, IncidentKind.Spike, rollup, leaves);

        contributors.Select(c => $"{c.ComplaintType}/{c.Borough}").ShouldBe(["Damaged Tree/QUEENS", "Damaged Tree/BROOKLYN"]);
        contributors[0].Excess.ShouldBe(1745);
        contributors[0].Share.ShouldBe(0.8725);
        Contributors.FromJson(Contributors.ToJson(contributors)).ShouldBe(contributors);
        Contributors.ToJson(contributors).ShouldContain("\"complaint_type\":\"Damaged Tree\"");
        Contributors.For(Trees, IncidentKind.Spike, rollup, leaves).ShouldBeEmpty();
    }
}

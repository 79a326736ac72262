using Microsoft.Extensions.DependencyInjection;
using Nyc311.Anomalies.Incidents;
using Nyc311.Dashboard.Data;
using Nyc311.Dashboard.Filters;
using Nyc311.Dashboard.Tests.Fixtures;

namespace Nyc311.Dashboard.Tests.Data;

public sealed class DashboardDataTests : IDisposable
{
    private static readonly SeriesKey RodentInQueens = new("Rodent", "QUEENS");
    private readonly SmallLake _lake = new();

    public void Dispose() => _lake.Dispose();

    [Fact]
    public async Task Results_are_cached_per_table_version_and_recomputed_after_a_commit()
    {
        _lake.WriteDailyCounts(days: 35);
        using var services = _lake.Services();
        var data = services.GetRequiredService<DashboardData>();
        var range = new DateRange(SmallLake.Last.AddDays(-6), SmallLake.Last.AddDays(1));

        var extent = await data.ExtentAsync();
        extent.Last.ShouldBe(SmallLake.Last);
        extent.ComplaintTypes.ShouldBe(["Rodent", "Damaged Tree"]);
        var series = await data.SeriesAsync([RodentInQueens], range, range.To);
        (await data.ExtentAsync()).ShouldBeSameAs(extent);
        (await data.SeriesAsync([RodentInQueens], range, range.To)).ShouldBeSameAs(series);
        series.Single().Points.Select(p => p.Actual).ShouldBe([.. Enumerable.Range(4, 7).Select(d => (long?)(40 + d))]);

        var next = SmallLake.Last.AddDays(1);
        _lake.AppendDailyCounts(next, next);

        var after = await data.ExtentAsync();
        after.ShouldNotBeSameAs(extent);
        after.Last.ShouldBe(next);
        after.DailyCounts.Version.ShouldBe(extent.DailyCounts.Version + 1);
        var updated = (await data.SeriesAsync([RodentInQueens], range, range.To)).Single();
        updated.Points[^1].Date.ShouldBe(next);
        updated.Points[^1].Actual.ShouldBe(40 + next.Day);
    }

    [Fact]
    public async Task Without_forecasts_the_expected_value_is_the_same_weekday_over_the_four_weeks_before()
    {
        _lake.WriteDailyCounts(days: 35);
        using var services = _lake.Services();
        var data = services.GetRequiredService<DashboardData>();

        var frame = (await data.SeriesAsync([RodentInQueens], new DateRange(SmallLake.Last, SmallLake.Last), SmallLake.Last)).Single();

        var last = frame.Points.Single();
        last.Source.ShouldBe(ExpectedSource.Baseline);
        // June 10 against May 13, 20, 27 and June 3: 40 plus those days of the month.
        last.Expected.ShouldBe(40 + (13 + 20 + 27 + 3) / 4.0);
        last.Lower.ShouldBe(43);
        last.Upper.ShouldBe(67);
        last.AboveRange.ShouldBeFalse();
        last.BelowRange.ShouldBeFalse();
    }

    [Fact]
    public async Task Before_the_first_run_every_view_is_empty_and_names_its_missing_tables_instead_of_failing()
    {
        using var services = _lake.Services();
        var data = services.GetRequiredService<DashboardData>();
        var filter = DashboardFilter.Default;

        var extent = await data.ExtentAsync();
        extent.First.ShouldBeNull();
        extent.Last.ShouldBeNull();
        extent.ComplaintTypes.ShouldBeEmpty();
        extent.DailyCounts.State.ShouldBe(TableState.Missing);
        extent.Forecasts.State.ShouldBe(TableState.Missing);

        var overview = await data.OverviewAsync(filter);
        overview.Recent.Points.ShouldBeEmpty();
        overview.Latest.ShouldBeNull();
        overview.OpenIncidents.ShouldBeEmpty();
        overview.Anomalies.State.ShouldBe(TableState.Missing);
        overview.Freshness.LastRunAt.ShouldBeNull();
        overview.Freshness.NewestRecord.ShouldBeNull();

        (await data.TrendsAsync(filter, null)).Frames.Single().Points.ShouldBeEmpty();
        (await data.BoroughsAsync(filter)).Rows.ShouldAllBe(r => r.Actual == 0 && r.Expected == null);
        var response = await data.ResponseTimesAsync(filter, null);
        response.Source.State.ShouldBe(TableState.Missing);
        response.ByAgency.ShouldBeEmpty();
        (await data.IncidentsAsync()).ShouldBeEmpty();
        (await data.IncidentAsync("no-such-incident")).ShouldBeNull();
        (await data.HistoryAsync(LakeTables.DailyCounts)).ShouldBeEmpty();

        var health = await data.HealthAsync();
        health.Tables.ShouldAllBe(t => t.State == TableState.Missing);
        health.Runs.ShouldBeEmpty();
        health.Rules.ShouldBeEmpty();
        health.Models.IsEmpty.ShouldBeTrue();

        var lineage = await data.LineageAsync(SmallLake.RodentSpike, wholeWindow: false);
        lineage.Rows.ShouldBe(0);
        lineage.Silver.State.ShouldBe(TableState.Missing);
        (await data.BronzeRecordAsync("batch", 0, null)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Warming_computes_each_page_default_view_so_a_first_render_reads_the_cache()
    {
        _lake.WriteDailyCounts(days: 42);
        _lake.WriteIncidents(SmallLake.RodentSpike);
        using var services = _lake.Services();
        var data = services.GetRequiredService<DashboardData>();
        var cache = services.GetRequiredService<QueryCache>();

        await data.WarmAsync();
        var warmed = cache.Count;
        warmed.ShouldBeGreaterThan(5);

        await data.OverviewAsync(DashboardFilter.Default);
        await data.TrendsAsync(DashboardFilter.Default, null);
        await data.BoroughsAsync(DashboardFilter.Default);
        await data.ResponseTimesAsync(DashboardFilter.Default, null);
        await data.HealthAsync();
        (await data.IncidentAsync(SmallLake.RodentSpike.IncidentId))!.Incident.Status.ShouldBe(IncidentStatus.Open);
        cache.Count.ShouldBe(warmed);

        // A filter nobody asked for yet is computed on demand.
        await data.TrendsAsync(DashboardFilter.Parse(null, null, ["Rodent"], ["QUEENS"]), null);
        cache.Count.ShouldBeGreaterThan(warmed);
    }

    [Fact]
    public async Task A_label_goes_through_the_incident_store_and_shows_at_once()
    {
        _lake.WriteDailyCounts(days: 35);
        _lake.WriteIncidents(SmallLake.RodentSpike);
        using var services = _lake.Services();
        var data = services.GetRequiredService<DashboardData>();
        (await data.IncidentsAsync()).Single().Status.ShouldBe(IncidentStatus.Open);

        await data.LabelAsync(SmallLake.RodentSpike.IncidentId, IncidentLabel.NewNormal, "  new restaurant row  ", "unit-test");

        (await data.IncidentsAsync()).Single().Status.ShouldBe(IncidentStatus.NewNormal);
        var detail = await data.IncidentAsync(SmallLake.RodentSpike.IncidentId);
        detail!.Feedback.Single().Note.ShouldBe("new restaurant row");
        detail.Around.Points.ShouldNotBeEmpty();
        new IncidentStore(_lake.Catalog, _lake.Time).Find(SmallLake.RodentSpike.IncidentId)!.Status.ShouldBe(IncidentStatus.NewNormal);
    }

    [Theory]
    [InlineData("""[{"complaint_type": "Rodent", "borough": "QUEENS", "observed": 50, "expected": 20, "excess": 30, "share": 0.75}, {"complaint_type": "Rodent", "borough": "BROOKLYN", "observed": "40", "expected": 30, "excess": 10, "share": 0.25}]""", 2)]
    [InlineData("""{"not": "an array"}""", 0)]
    [InlineData("""[{"complaint_type": """, 0)]
    [InlineData("", 0)]
    public void Contributors_are_read_largest_excess_first_and_malformed_text_gives_none(string json, int count)
    {
        var contributors = DashboardData.ParseContributors(json);
        contributors.Count.ShouldBe(count);
        if (count == 2)
        {
            contributors[0].Series.ShouldBe(new SeriesKey("Rodent", "QUEENS"));
            contributors[1].Observed.ShouldBe(40);
        }
    }
}

using Bunit;
using Nyc311.Anomalies.Incidents;
using Nyc311.Dashboard.Components.Pages;
using Nyc311.Dashboard.Tests.Fixtures;

namespace Nyc311.Dashboard.Tests.Components;

public sealed class IncidentPageTests : IDisposable
{
    private readonly SmallLake _lake = new();

    public IncidentPageTests()
    {
        _lake.WriteDailyCounts(days: 42);
        _lake.WriteIncidents(SmallLake.RodentSpike);
    }

    public void Dispose() => _lake.Dispose();

    private static string Id => SmallLake.RodentSpike.IncidentId;

    [Fact]
    public async Task Acknowledging_and_then_marking_a_new_normal_are_recorded_by_the_incident_store_with_the_note()
    {
        await using var context = DashboardContext.Create(_lake, $"/incidents/{Uri.EscapeDataString(Id)}");
        var cut = context.Render<IncidentPage>(p => p.Add(x => x.IncidentId, Id));
        cut.WaitUntilLoaded();
        cut.Find("[data-section='facts'] [data-status]").GetAttribute("data-status").ShouldBe("open");

        cut.Find("[data-action='note']").Change("called DOHMH, inspection booked");
        cut.Find("[data-action='acknowledge']").Click();
        cut.WaitForAssertion(() => cut.Find("[data-section='facts'] [data-status]").GetAttribute("data-status").ShouldBe("acknowledged"), TimeSpan.FromSeconds(30));

        var store = new IncidentStore(_lake.Catalog, _lake.Time);
        store.Find(Id)!.Status.ShouldBe(IncidentStatus.Acknowledged);
        var label = store.Feedback().Single();
        (label.IncidentId, label.Label, label.Note, label.Actor).ShouldBe((Id, IncidentLabel.Acknowledged, "called DOHMH, inspection booked", "bunit"));
        cut.Find("[data-action='note']").GetAttribute("value").ShouldBeNullOrEmpty();

        _lake.Time.Advance(TimeSpan.FromMinutes(20));
        cut.WaitUntilLoaded();
        cut.Find("[data-action='new-normal']").Click();
        cut.WaitForAssertion(() => cut.Find("[data-section='facts'] [data-status]").GetAttribute("data-status").ShouldBe("new_normal"), TimeSpan.FromSeconds(30));
        store.Find(Id)!.Status.ShouldBe(IncidentStatus.NewNormal);
        store.Feedback().Select(f => f.Label).ShouldBe([IncidentLabel.Acknowledged, IncidentLabel.NewNormal]);

        // Newest label first, each with who gave it.
        var rows = cut.FindAll("[data-table='feedback'] tbody tr").Select(r => r.TextContent).ToList();
        rows.Count.ShouldBe(2);
        rows[0].ShouldContain("new normal");
        rows[1].ShouldContain("called DOHMH, inspection booked");
        rows.ShouldAllBe(r => r.Contains("bunit"));
    }

    [Fact]
    public async Task Dismissing_from_a_fresh_page_shows_the_stored_status_after_a_new_render()
    {
        await using (var context = DashboardContext.Create(_lake, $"/incidents/{Uri.EscapeDataString(Id)}"))
        {
            var cut = context.Render<IncidentPage>(p => p.Add(x => x.IncidentId, Id));
            cut.WaitUntilLoaded();
            cut.Find("[data-action='dismiss']").Click();
            cut.WaitForAssertion(() => cut.Find("[data-section='facts'] [data-status]").GetAttribute("data-status").ShouldBe("false_positive"), TimeSpan.FromSeconds(30));
        }

        // A new app over the same lake (as after a restart or a reload) reads the label back.
        await using var again = DashboardContext.Create(_lake, "/incidents?status=false_positive");
        var list = again.Render<Incidents>();
        list.WaitUntilLoaded();
        list.FindAll("[data-table='incidents'] tbody tr").Select(r => r.GetAttribute("data-incident")).ShouldBe([Id]);
        list.Find("[data-status-tab='false_positive'] .count").TextContent.ShouldBe("1");
        list.Find("[data-status-tab='open'] .count").TextContent.ShouldBe("0");
    }

    [Fact]
    public async Task The_page_shows_the_series_around_the_incident_and_says_plainly_when_silver_is_missing_for_lineage()
    {
        await using var context = DashboardContext.Create(_lake, $"/incidents/{Uri.EscapeDataString(Id)}");
        var cut = context.Render<IncidentPage>(p => p.Add(x => x.IncidentId, Id));
        cut.WaitUntilLoaded();

        var chart = cut.FindComponents<Nyc311.Dashboard.Components.Charts.PlotlyView>().Single().Instance.Spec;
        chart.Name.ShouldBe("incident-series");
        chart.Layout.Shapes.ShouldHaveSingleItem();
        chart.Traces.OfType<Plotly.Blazor.Traces.Scatter>().Single(t => t.Name == "Rodent in Queens").X!.Last().ShouldBe("2026-06-10");

        cut.WaitForAssertion(() => cut.Find("[data-lineage-rows]").GetAttribute("data-lineage-rows").ShouldBe("0"), TimeSpan.FromSeconds(30));
        cut.Find("[data-section='lineage'] .notice[data-table='silver.service_requests']").TextContent.ShouldContain("does not exist yet");
        cut.FindAll(".notice.bad").ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_incident_is_named_not_an_error()
    {
        await using var context = DashboardContext.Create(_lake, "/incidents/nope");
        var cut = context.Render<IncidentPage>(p => p.Add(x => x.IncidentId, "nope"));
        cut.WaitUntilLoaded();
        cut.Find("h1").TextContent.ShouldBe("No such incident");
        cut.Markup.ShouldContain("There is no incident <code>nope</code> in gold.anomalies.");
    }
}

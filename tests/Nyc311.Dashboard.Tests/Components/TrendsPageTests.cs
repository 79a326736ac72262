using Bunit;
using Nyc311.Dashboard.Components.Charts;
using Nyc311.Dashboard.Components.Pages;
using Nyc311.Dashboard.Tests.Fixtures;
using Plotly.Blazor.Traces;

namespace Nyc311.Dashboard.Tests.Components;

public sealed class TrendsPageTests : IDisposable
{
    private readonly SmallLake _lake = new();

    public TrendsPageTests() => _lake.WriteDailyCounts(days: 42);

    public void Dispose() => _lake.Dispose();

    [Fact]
    public async Task The_chart_draws_each_chosen_type_in_each_chosen_borough_with_the_counts_of_the_range()
    {
        await using var context = DashboardContext.Create(_lake, "/trends?type=Rodent&borough=QUEENS&borough=BROOKLYN&from=2026-06-01&to=2026-06-10");
        var cut = context.Render<Trends>();
        cut.WaitUntilLoaded();

        var daily = Chart(cut, "trends-daily");
        var actual = daily.Traces.OfType<Scatter>().Where(t => t.Name is "Rodent in Queens" or "Rodent in Brooklyn").ToDictionary(t => t.Name!);
        actual.Keys.ShouldBe(["Rodent in Brooklyn", "Rodent in Queens"], ignoreOrder: true);
        actual["Rodent in Queens"].X!.ShouldBe([.. Enumerable.Range(1, 10).Select(d => (object)$"2026-06-{d:00}")]);
        actual["Rodent in Queens"].Y!.ShouldBe([.. Enumerable.Range(1, 10).Select(d => (object)(long)(40 + d))]);
        actual["Rodent in Brooklyn"].Y!.ShouldAllBe(y => (long)y == 30);

        // With no forecasts yet, the expected value is the four-week same-weekday mean, drawn dashed with its range.
        daily.Traces.OfType<Scatter>().Select(t => t.Name).ShouldContain("Rodent in Queens: expected, 4-week same-weekday mean");
        daily.Traces.OfType<Scatter>().Select(t => t.Name).ShouldContain("Rodent in Queens: expected range");
        Chart(cut, "trends-excess").Traces.OfType<Bar>().Select(b => b.Name).ShouldBe(["Rodent in Queens", "Rodent in Brooklyn"], ignoreOrder: true);
        cut.FindAll("[data-table='series-summary'] tbody tr").Count.ShouldBe(2);
        cut.Find("[data-table='series-summary']").TextContent.ShouldContain("4-week weekday mean");
    }

    [Fact]
    public async Task Choosing_filters_writes_them_to_the_address_and_the_page_redraws_from_it()
    {
        await using var context = DashboardContext.Create(_lake, "/trends?type=Rodent");
        var cut = context.Render<Trends>();
        cut.WaitUntilLoaded();
        Chart(cut, "trends-daily").Traces.OfType<Scatter>().Select(t => t.Name).ShouldContain("Rodent citywide");

        cut.Find("[data-borough='BROOKLYN']").Click();
        context.Navigation().Uri.ShouldEndWith("/trends?type=Rodent&borough=BROOKLYN");
        cut.WaitForAssertion(() => Chart(cut, "trends-daily").Traces.OfType<Scatter>().Select(t => t.Name).ShouldContain("Rodent in Brooklyn"), TimeSpan.FromSeconds(30));
        cut.Find("[data-borough='BROOKLYN']").GetAttribute("aria-pressed").ShouldBe("true");

        cut.WaitUntilLoaded();
        cut.Find("[data-preset='4 weeks']").Click();
        context.Navigation().Uri.ShouldContain("from=2026-05-14");
        context.Navigation().Uri.ShouldContain("to=2026-06-10");
        cut.WaitForAssertion(() => cut.Find("[data-filter='from']").GetAttribute("value").ShouldBe("2026-05-14"), TimeSpan.FromSeconds(30));
        cut.WaitUntilLoaded();
        Chart(cut, "trends-daily").Traces.OfType<Scatter>().Single(t => t.Name == "Rodent in Brooklyn").X!.Count.ShouldBe(28);

        cut.WaitUntilLoaded();
        cut.Find("#type-input").Change("damaged tree");
        context.Navigation().Uri.ShouldContain("type=Rodent");
        context.Navigation().Uri.ShouldContain("type=Damaged%20Tree");
        cut.WaitForAssertion(() => Chart(cut, "trends-daily").Traces.OfType<Scatter>().Select(t => t.Name).ShouldContain("Damaged Tree in Brooklyn"), TimeSpan.FromSeconds(30));

        cut.WaitUntilLoaded();
        cut.Find("[data-filter='reset']").Click();
        new Uri(context.Navigation().Uri).Query.ShouldBeEmpty();
    }

    [Fact]
    public async Task Unusable_values_in_the_address_are_named_on_the_page_and_the_rest_still_applies()
    {
        await using var context = DashboardContext.Create(_lake, "/trends?from=last-tuesday&borough=Narnia&borough=queens");
        var cut = context.Render<Trends>();
        cut.WaitUntilLoaded();

        var notices = cut.FindAll("[data-filters] .notice").Select(n => n.TextContent).ToList();
        notices.ShouldContain("'from' value 'last-tuesday' is not a date (YYYY-MM-DD): ignored");
        notices.ShouldContain(n => n.StartsWith("'Narnia' is not a borough", StringComparison.Ordinal));
        Chart(cut, "trends-daily").Traces.OfType<Scatter>().Select(t => t.Name).ShouldContain("All requests in Queens");
        cut.FindAll(".notice.bad").ShouldBeEmpty();
    }

    private static ChartSpec Chart(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> cut, string name) =>
        cut.FindComponents<PlotlyView>().Select(c => c.Instance.Spec).Single(s => s.Name == name);
}

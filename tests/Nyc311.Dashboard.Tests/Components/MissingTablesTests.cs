using Bunit;
using Nyc311.Dashboard.Components.Pages;
using Nyc311.Dashboard.Tests.Fixtures;

namespace Nyc311.Dashboard.Tests.Components;

public sealed class MissingTablesTests : IDisposable
{
    private readonly SmallLake _lake = new();

    public void Dispose() => _lake.Dispose();

    [Theory]
    [InlineData("overview")]
    [InlineData("trends")]
    [InlineData("boroughs")]
    [InlineData("response-times")]
    [InlineData("incidents")]
    public async Task Before_the_first_run_a_page_says_which_table_is_missing_and_who_makes_it(string page)
    {
        await using var context = DashboardContext.Create(_lake, "/" + page);
        var cut = Render(context, page);
        cut.WaitUntilLoaded();

        var (table, builtBy) = page switch
        {
            "response-times" => ("gold.time_to_close", "the main job (nyc311 run)"),
            "incidents" => ("gold.anomalies", "anomaly detection (and operators' labels)"),
            _ => ("gold.daily_counts", "the main job (nyc311 run)"),
        };
        var notice = cut.Find($".notice[data-table='{table}']");
        notice.GetAttribute("data-state").ShouldBe("missing");
        notice.TextContent.ShouldContain($"{table} does not exist yet: {builtBy} creates it.");
        cut.FindAll(".notice.bad").ShouldBeEmpty();
        cut.FindAll("[data-chart]").ShouldBeEmpty();
    }

    [Fact]
    public async Task An_empty_table_is_called_empty_not_missing()
    {
        _lake.CreateEmptyDailyCounts();
        await using var context = DashboardContext.Create(_lake, "/trends");
        var cut = context.Render<Trends>();
        cut.WaitUntilLoaded();

        var notice = cut.Find(".notice[data-table='gold.daily_counts']");
        notice.GetAttribute("data-state").ShouldBe("empty");
        notice.TextContent.ShouldContain("gold.daily_counts exists but has no rows yet.");
        cut.Find(".notice[data-table='gold.forecasts']").TextContent
            .ShouldContain("Expected values use the mean of the same weekday over the four weeks before.");
    }

    [Fact]
    public async Task The_health_page_lists_every_table_it_reads_with_its_state_and_no_models_yet()
    {
        _lake.WriteDailyCounts(days: 7);
        await using var context = DashboardContext.Create(_lake, "/health?table=gold.forecasts");
        var cut = context.Render<DataHealth>();
        cut.WaitUntilLoaded();

        var states = cut.FindAll("[data-table='tables'] tbody tr").ToDictionary(r => r.GetAttribute("data-table-row")!, r => r.QuerySelector(".badge")!.ClassName ?? "");
        states.Keys.ShouldBe(Nyc311.Dashboard.Data.LakeTables.Read, ignoreOrder: true);
        states["gold.daily_counts"].ShouldContain("state-ready");
        states["gold.forecasts"].ShouldContain("state-missing");
        cut.Markup.ShouldContain("No commits: the table does not exist yet.");
        cut.FindAll(".notice.bad").ShouldBeEmpty();
    }

    private static IRenderedComponent<DashboardPage> Render(BunitContext context, string page) => page switch
    {
        "overview" => As(context.Render<Overview>()),
        "trends" => As(context.Render<Trends>()),
        "boroughs" => As(context.Render<Boroughs>()),
        "response-times" => As(context.Render<ResponseTimes>()),
        _ => As(context.Render<Incidents>()),
    };

    private static IRenderedComponent<DashboardPage> As<T>(IRenderedComponent<T> component)
        where T : DashboardPage => component;
}

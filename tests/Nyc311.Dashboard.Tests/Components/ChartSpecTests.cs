using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bunit;
using Nyc311.Dashboard.Components.Charts;
using Nyc311.Dashboard.Filters;
using Nyc311.Dashboard.Tests.Fixtures;
using Plotly.Blazor;

namespace Nyc311.Dashboard.Tests.Components;

/// <summary>The figure a chart carries in the page, which charts.js hands to plotly.js.</summary>
public sealed class ChartSpecTests
{
    private static readonly DateOnly Start = SeriesFrames.Start;

    [Fact]
    public void The_figure_is_what_Plotly_Blazor_itself_would_send_to_plotly_js()
    {
        // The library's own serializer options (internal): the figure must not drift from them when Plotly.Blazor is upgraded.
        var library = (JsonSerializerOptions)typeof(PlotlyJsInterop).GetField("SerializerOptions", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
        var spec = SeriesCharts.Daily("daily", [SeriesFrames.Daily(SeriesKey.Citywide), SeriesFrames.Daily(new SeriesKey("Noise - Residential", "BROOKLYN"))], highlight: new DateRange(Start.AddDays(3), Start.AddDays(4)));
        var excess = SeriesCharts.Excess("excess", [SeriesFrames.Daily(SeriesKey.Citywide)]);

        foreach (var chart in new[] { spec, excess })
        {
            var figure = JsonNode.Parse(chart.Json)!.AsObject();
            figure.Select(p => p.Key).ShouldBe(["data", "layout", "config"]);
            var traces = figure["data"]!.AsArray();
            traces.Count.ShouldBe(chart.Traces.Count);
            for (var i = 0; i < traces.Count; i++)
            {
                JsonNode.DeepEquals(traces[i], AsTheLibrarySendsIt(chart.Traces[i], library)).ShouldBeTrue($"trace {i}: {traces[i]!.ToJsonString()}");
            }

            JsonNode.DeepEquals(figure["layout"], AsTheLibrarySendsIt(chart.Layout, library)).ShouldBeTrue(figure["layout"]!.ToJsonString());
            JsonNode.DeepEquals(figure["config"], AsTheLibrarySendsIt(ChartTheme.Config, library)).ShouldBeTrue();
        }

        // plotly.js spellings, not .NET names.
        var daily = JsonNode.Parse(spec.Json)!;
        daily["data"]!.AsArray().Select(t => (string?)t!["type"]).Distinct().ShouldBe(["scatter"]);
        daily["data"]![1]!["fill"]!.GetValue<string>().ShouldBe("tonexty");
        daily["data"]!.AsArray().Select(t => (string?)t!["mode"]).ShouldContain("lines+markers");
        daily["layout"]!["hovermode"]!.GetValue<string>().ShouldBe("x unified");
        daily["layout"]!["xaxis"]!["type"]!.GetValue<string>().ShouldBe("date");
        daily["layout"]!["shapes"]![0]!["x0"]!.GetValue<string>().ShouldBe("2026-06-03 12:00");
        daily["config"]!["displaylogo"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public void The_page_loads_the_plotly_js_build_that_Plotly_Blazor_s_model_types_were_made_for()
    {
        // The model types follow one plotly.js version; an upgrade of the library moves the script, and this says so.
        var path = (string)typeof(PlotlyJsInterop).GetField("PlotlyBasicPath", BindingFlags.NonPublic | BindingFlags.Static)!.GetRawConstantValue()!;
        path.ShouldBe("./" + ChartScripts.Plotly);
    }

    [Fact]
    public void The_figure_is_written_once_per_spec_and_the_view_carries_it_with_the_charts_height()
    {
        var spec = SeriesCharts.Excess("excess", [SeriesFrames.Daily(SeriesKey.Citywide)], height: 250);
        ReferenceEquals(spec.Json, spec.Json).ShouldBeTrue();

        using var context = new BunitContext();
        var view = context.Render<PlotlyView>(p => p.Add(v => v.Spec, spec));
        var host = view.Find("[data-chart='excess'] nyc-plot");
        host.GetAttribute("data-figure").ShouldBe(spec.Json);
        host.GetAttribute("style").ShouldBe("height:250px");
        view.Find("[data-chart='excess']").GetAttribute("data-points").ShouldBe("7");

        // A new figure (a filter changed) goes to the same element, which redraws in place.
        var other = SeriesCharts.Excess("excess", [SeriesFrames.Daily(SeriesKey.Citywide, offset: 5)], height: 250);
        view.Render(p => p.Add(v => v.Spec, other));
        view.Find("[data-chart='excess'] nyc-plot").GetAttribute("data-figure").ShouldBe(other.Json);
        other.Json.ShouldNotBe(spec.Json);
    }

    [Fact]
    public void Excess_is_drawn_as_bars_for_a_few_months_and_as_lines_beyond()
    {
        SeriesCharts.Excess("excess", [SeriesFrames.Daily(SeriesKey.Citywide, days: SeriesCharts.MaxExcessBarDays)]).Traces.ShouldAllBe(t => t is Plotly.Blazor.Traces.Bar);
        var year = SeriesCharts.Excess("excess", [SeriesFrames.Daily(SeriesKey.Citywide, days: 365), SeriesFrames.Daily(new SeriesKey("Rodent", "QUEENS"), days: 365)]);
        year.Traces.ShouldAllBe(t => t is Plotly.Blazor.Traces.Scatter);
        year.Points.ShouldBe(730);
        JsonNode.Parse(year.Json)!["data"]![1]!["y"]!.AsArray().Count.ShouldBe(365);
    }

    // What the library's PlotlyJsInterop does with a trace, the layout or the config before handing it to plotly.js.
    private static JsonNode? AsTheLibrarySendsIt(object value, JsonSerializerOptions options) =>
        JsonSerializer.SerializeToNode<object>(value, options);
}

using System.Globalization;
using Bunit;
using Nyc311.Dashboard.Components.Charts;
using Nyc311.Dashboard.Data;
using Nyc311.Dashboard.Filters;
using Nyc311.Dashboard.Tests.Fixtures;
using Plotly.Blazor;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;

namespace Nyc311.Dashboard.Tests.Components;

/// <summary>
/// The still drawing of a chart the first paint shows: marks where plotly.js will draw them, on the axes it would choose.
/// Marks are in a 4000 × 1000 box over the plot area, y down.
/// </summary>
public sealed class ChartSketchTests
{
    private static readonly DateOnly Start = SeriesFrames.Start;

    [Fact]
    public void A_line_runs_through_its_points_on_axes_from_zero_with_plotly_js_s_five_percent_margin_above()
    {
        // 0..38 with 5 % of the axis kept free above: the axis ends at 40.
        var sketch = Sketch([Line("requests", [0, 10, 20, 30, 38])]);

        var line = sketch.Marks.Single(m => m.Style.Contains("stroke:#0072B2", StringComparison.Ordinal));
        line.Path.ShouldBe("M0 1000L1000 750 2000 500 3000 250 4000 50");
        line.Style.ShouldBe("stroke:#0072B2;stroke-width:2px");
        sketch.YTicks.Select(t => t.Text).ShouldBe(["0", "10", "20", "30", "40"]);
        sketch.YTicks.Select(t => t.At).ShouldBe([0, 0.25, 0.5, 0.75, 1], tolerance: 1e-9);
        sketch.XTicks.Select(t => t.Text).ShouldBe(["Jun 1\n2026", "Jun 2", "Jun 3", "Jun 4", "Jun 5"]);
        sketch.XTicks.Select(t => t.At).ShouldBe([0, 0.25, 0.5, 0.75, 1]);
        sketch.YTitle.ShouldBe("requests per day");
    }

    [Fact]
    public void A_missing_value_leaves_a_gap_and_markers_are_dots_kept_clear_of_the_ends()
    {
        var trace = Line("weekly", [10, null, 10, 10, 10]);
        trace.Mode = ModeFlag.Lines | ModeFlag.Markers;
        trace.Marker = new Marker { Size = 6 };
        var sketch = Sketch([trace]);

        // Markers pad the dates too: 4 days take 90 % of the width, from 200 to 3800.
        var marks = sketch.Marks.Where(m => m.Style.Contains("#0072B2", StringComparison.Ordinal)).ToList();
        marks[0].Path.ShouldBe("M200 50M2000 50L2900 50 3800 50");
        marks[1].Path.ShouldBe("M200 50h0M2000 50h0M2900 50h0M3800 50h0");
        marks[1].Style.ShouldContain("stroke-linecap:round");
    }

    [Fact]
    public void The_expected_range_is_filled_between_its_edges_and_the_expected_value_is_dashed_as_plotly_js_dashes()
    {
        var spec = SeriesCharts.Daily("daily", [SeriesFrames.Daily(SeriesKey.Citywide)]);
        var sketch = ChartSketch.Of(spec);

        var band = sketch.Marks.Single(m => m.Style.StartsWith("fill:rgba(0,114,178,0.16)", StringComparison.Ordinal));
        band.Path.ShouldStartWith("M");
        band.Path.ShouldEndWith("Z");
        var corners = band.Path.TrimEnd('Z').Split(['M', 'L', ' '], StringSplitOptions.RemoveEmptyEntries).Chunk(2).Select(p => (X: int.Parse(p[0], CultureInfo.InvariantCulture), Y: int.Parse(p[1], CultureInfo.InvariantCulture))).ToList();
        corners.Count.ShouldBe(12); // the upper edge out over 6 banded days, the lower edge back
        corners[0].X.ShouldBe(corners[^1].X);
        corners[0].Y.ShouldBeLessThan(corners[^1].Y);

        // plotly.js's dash is three line widths (at least 3 px) on and as much off.
        sketch.Marks.ShouldContain(m => m.Style == "stroke:#0072B2;stroke-width:1.5px;stroke-dasharray:9px 9px");

        // The legend: one column per series, its requests first, then its expected value; the band is not listed.
        sketch.Legend.Count.ShouldBe(1);
        sketch.Legend[0].Select(e => (e.Name, e.Swatch)).ShouldBe([("All requests citywide", SketchSwatch.Line), ("All requests citywide: expected, forecast (lightgbm)", SketchSwatch.Dash)]);
    }

    [Fact]
    public void Grouped_bars_share_a_slot_side_by_side_and_stacked_bars_stand_on_each_other()
    {
        var layout = ChartTheme.Layout(300);
        layout.BarMode = Plotly.Blazor.LayoutLib.BarModeEnum.Group;
        var grouped = ChartSketch.Of(new ChartSpec("grouped", [Bars("a", "#111111", [10, 19, 5]), Bars("b", "#222222", [5, 5, 5])], layout, 6));

        // Three days, a slot each, 80 % of it shared by two bars: the axis runs from 0.4 day before the first to 0.4 after the last.
        var first = grouped.Marks.Single(m => m.Style == "fill:#111111");
        first.Path.ShouldStartWith("M0 1000H571V500H0Z");
        grouped.Marks.Single(m => m.Style == "fill:#222222").Path.ShouldStartWith("M571 1000H1143V750H571Z");

        var stacking = ChartTheme.Layout(300);
        stacking.BarMode = Plotly.Blazor.LayoutLib.BarModeEnum.Stack;
        var stacked = ChartSketch.Of(new ChartSpec("stacked", [Bars("a", "#111111", [10]), Bars("b", "#222222", [9])], stacking, 2));
        stacked.Marks.Single(m => m.Style == "fill:#111111").Path.ShouldBe("M0 1000H4000V500H0Z");
        stacked.Marks.Single(m => m.Style == "fill:#222222").Path.ShouldBe("M0 500H4000V50H0Z");

        // Over stacks plotly.js lists the legend top down, as the stacks read: last trace first.
        stacked.Legend.Select(g => g.Single().Name).ShouldBe(["b", "a"]);
        stacked.Legend.ShouldAllBe(g => g.Single().Swatch == SketchSwatch.Bar);
    }

    [Fact]
    public void Horizontal_bars_list_their_categories_bottom_up_along_a_value_axis_with_its_title()
    {
        var agencies = new List<ResponseRow> { new("NYPD", 900, 890, 2.5, 9), new("HPD", 500, 300, 40, 120), new("DSNY", 300, 280, 20, 60) };
        var sketch = ChartSketch.Of(ResponseCharts.ByAgency("by-agency", agencies));

        // Busiest on top: plotly.js puts a category axis's first name at the bottom, and the chart gives them reversed.
        sketch.YTicks.Select(t => t.Text).ShouldBe(["DSNY", "HPD", "NYPD"]);
        sketch.YTicks.Select(t => t.At).ShouldBe([1 / 6.0, 0.5, 5 / 6.0], tolerance: 1e-9);
        sketch.XTitle.ShouldBe("hours to close");
        sketch.XTicks.Select(t => t.Text).ShouldBe(["0", "20", "40", "60", "80", "100", "120"]);
        sketch.Legend.SelectMany(g => g).Select(e => e.Name).ShouldBe(["median", "90th percentile"]);
    }

    [Fact]
    public void Long_ranges_are_labelled_by_quarter_and_large_counts_in_thousands()
    {
        var days = Enumerable.Range(0, 730).Select(i => new DateOnly(2024, 8, 4).AddDays(i)).ToList();
        var trace = new Scatter { Name = "citywide", X = SeriesCharts.Dates(days), Y = [.. days.Select((_, i) => (object)(9_000 + i * 5))], Mode = ModeFlag.Lines };
        var sketch = ChartSketch.Of(new ChartSpec("long", [trace], ChartTheme.Layout(420), days.Count));

        sketch.XTicks.Select(t => t.Text).ShouldBe(["Oct 2024", "Jan 2025", "Apr 2025", "Jul 2025", "Oct 2025", "Jan 2026", "Apr 2026", "Jul 2026"]);
        sketch.YTicks.Select(t => t.Text).ShouldBe(["0", "2k", "4k", "6k", "8k", "10k", "12k"]);

        var excess = new Scatter { Name = "excess", X = SeriesCharts.Dates(days.Take(3)), Y = [-1_200, 300, 1_500], Mode = ModeFlag.Lines };
        var layout = ChartTheme.Layout(240);
        layout.YAxis[0].RangeMode = null;
        var around = ChartSketch.Of(new ChartSpec("excess", [excess], layout, 3));
        around.YTicks.Select(t => t.Text).ShouldBe(["−1000", "0", "1000"]);
        around.Marks.ShouldContain(m => m.Style.StartsWith("stroke:rgba(128,128,128,0.55)", StringComparison.Ordinal)); // the zero line
    }

    [Fact]
    public void An_incident_window_is_shaded_behind_the_series_over_the_full_height()
    {
        var spec = SeriesCharts.Daily("incident", [SeriesFrames.Daily(SeriesKey.Citywide)], highlight: new DateRange(Start.AddDays(2), Start.AddDays(3)));
        var sketch = ChartSketch.Of(spec);

        var window = sketch.Marks[0];
        window.Style.ShouldBe("fill:rgba(192,57,43,0.1)");
        window.Path.ShouldMatch(@"^M\d+ 1000H\d+V0H\d+Z$");
    }

    [Fact]
    public void The_view_sketches_the_first_figure_and_leaves_later_ones_to_plotly_js()
    {
        using var context = new BunitContext();
        var spec = SeriesCharts.Daily("daily", [SeriesFrames.Daily(SeriesKey.Citywide)], height: 300);
        var view = context.Render<PlotlyView>(p => p.Add(v => v.Spec, spec));

        var sketch = view.Find("[data-chart='daily'] nyc-plot + .sketch");
        sketch.GetAttribute("aria-hidden").ShouldBe("true");
        sketch.QuerySelectorAll("svg path").Length.ShouldBe(ChartSketch.Of(spec).Marks.Count);
        sketch.QuerySelectorAll(".y-tick").Select(t => t.TextContent).ShouldContain("100");
        sketch.QuerySelector(".sketch-plot")!.GetAttribute("style").ShouldBe("margin:0.387em 1.333em 3.333em 4.667em");
        sketch.QuerySelectorAll(".sketch-legend span").Select(s => s.TextContent).ShouldBe(["All requests citywide", "All requests citywide: expected, forecast (lightgbm)"]);

        // A new figure (a filter changed) comes when plotly.js has drawn: it redraws in place, no sketch is made.
        view.Render(p => p.Add(v => v.Spec, SeriesCharts.Daily("daily", [SeriesFrames.Daily(SeriesKey.Citywide, offset: 5)], height: 300)));
        view.FindAll(".sketch").ShouldBeEmpty();
    }

    private static ChartSketch Sketch(IList<ITrace> traces) => ChartSketch.Of(new ChartSpec("test", traces, ChartTheme.Layout(300, "requests per day"), 5));

    private static Scatter Line(string name, int?[] values) => new()
    {
        Name = name,
        X = SeriesCharts.Dates(values.Select((_, i) => Start.AddDays(i))),
        Y = [.. values.Select(v => (object)v!)],
        Mode = ModeFlag.Lines,
        Line = new Line { Color = "#0072B2", Width = 2 },
    };

    private static Bar Bars(string name, string color, int[] values) => new()
    {
        Name = name,
        X = SeriesCharts.Dates(values.Select((_, i) => Start.AddDays(i))),
        Y = [.. values.Select(v => (object)v)],
        Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = color },
    };
}

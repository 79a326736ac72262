using Nyc311.Dashboard.Data;
using Plotly.Blazor;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;

namespace Nyc311.Dashboard.Components.Charts;

/// <summary>Charts of the response times page.</summary>
internal static class ResponseCharts
{
    /// <summary>Median and 90th percentile hours to close per agency, busiest first, as horizontal bars.</summary>
    public static ChartSpec ByAgency(string name, IReadOnlyList<ResponseRow> agencies, int top = 15)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        var shown = agencies.Take(top).Reverse().ToList();
        var names = shown.Select(a => (object)a.Name).ToList();
        var traces = new List<ITrace>
        {
            new Bar
            {
                Name = "median",
                Orientation = Plotly.Blazor.Traces.BarLib.OrientationEnum.H,
                X = [.. shown.Select(a => (object)Math.Round(a.MedianHours ?? 0, 2))],
                Y = names,
                Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = ChartTheme.Color(0) },
            },
            new Bar
            {
                Name = "90th percentile",
                Orientation = Plotly.Blazor.Traces.BarLib.OrientationEnum.H,
                X = [.. shown.Select(a => (object)Math.Round(a.P90Hours ?? 0, 2))],
                Y = names,
                Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = ChartTheme.Color(1) },
            },
        };
        var layout = ChartTheme.Layout(Math.Max(260, 40 + shown.Count * 34), dates: false);
        layout.BarMode = Plotly.Blazor.LayoutLib.BarModeEnum.Group;
        layout.HoverMode = Plotly.Blazor.LayoutLib.HoverModeEnum.YUnified;
        layout.XAxis = [new Plotly.Blazor.LayoutLib.XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = "hours to close" }, GridColor = "rgba(128,128,128,0.15)" }];
        layout.YAxis = [new Plotly.Blazor.LayoutLib.YAxis { Type = Plotly.Blazor.LayoutLib.YAxisLib.TypeEnum.Category }];
        layout.Margin = new Plotly.Blazor.LayoutLib.Margin { L = 90, R = 16, T = 28, B = 40 };
        return new ChartSpec(name, traces, layout, shown.Count * 2);
    }

    /// <summary>Each agency's median hours to close per week of creation.</summary>
    public static ChartSpec Weekly(string name, IReadOnlyList<ResponseWeek> weeks, int height = 300)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        var traces = weeks.GroupBy(w => w.Agency).Select((g, i) => (ITrace)new Scatter
        {
            Name = g.Key,
            X = SeriesCharts.Dates(g.Select(w => w.WeekStart)),
            Y = [.. g.Select(w => (object?)(w.MedianHours is { } h ? Math.Round(h, 2) : null)!)],
            Mode = ModeFlag.Lines | ModeFlag.Markers,
            Line = new Line { Color = ChartTheme.Color(i), Width = 2 },
        }).ToList();
        return new ChartSpec(name, traces, ChartTheme.Layout(height, "median hours to close"), weeks.Count);
    }
}

using System.Globalization;
using Nyc311.Dashboard.Data;
using Nyc311.Dashboard.Filters;
using Plotly.Blazor;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;

namespace Nyc311.Dashboard.Components.Charts;

/// <summary>Charts of daily series: requests against the expected value and its range.</summary>
internal static class SeriesCharts
{
    /// <summary>
    /// Each series' requests (solid), expected value (dashed) and expected range (shaded), days outside the range
    /// marked; an optional window (an incident) is shaded behind.
    /// </summary>
    public static ChartSpec Daily(string name, IReadOnlyList<SeriesFrame> frames, int height = 380, DateRange? highlight = null)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var traces = new List<ITrace>();
        var points = 0;
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames[i];
            var color = ChartTheme.Color(i);
            var label = frame.Series.Label;
            var expected = frame.Points.Where(p => p.Expected is not null).ToList();
            var banded = expected.Where(p => p.Lower is not null && p.Upper is not null).ToList();
            if (banded.Count > 0)
            {
                traces.Add(Line(banded.Select(p => p.Date), banded.Select(p => (object)Math.Round(p.Lower!.Value, 1)), $"{label}: expected low", color, width: 0, legendGroup: label, showLegend: false, hover: false));
                var upper = Line(banded.Select(p => p.Date), banded.Select(p => (object)Math.Round(p.Upper!.Value, 1)), $"{label}: expected range", color, width: 0, legendGroup: label, showLegend: false, hover: false);
                upper.Fill = FillEnum.ToNextY;
                upper.FillColor = ChartTheme.Transparent(color, 0.16);
                traces.Add(upper);
            }

            if (expected.Count > 0)
            {
                var source = frame.Source == ExpectedSource.Forecast ? $"forecast{(frame.Model is null ? "" : $" ({frame.Model})")}" : "4-week same-weekday mean";
                traces.Add(Line(expected.Select(p => p.Date), expected.Select(p => (object)Math.Round(p.Expected!.Value, 1)), $"{label}: expected, {source}", color, width: 1.5m, legendGroup: label, dash: "dash"));
            }

            var actual = frame.Points.Where(p => p.Actual is not null).ToList();
            points += actual.Count;
            traces.Add(Line(actual.Select(p => p.Date), actual.Select(p => (object)p.Actual!.Value), label, color, width: 2.2m, legendGroup: label, markers: actual.Count <= 120));
            var outside = actual.Where(p => p.AboveRange || p.BelowRange).ToList();
            if (outside.Count > 0)
            {
                traces.Add(new Scatter
                {
                    Name = $"{label}: outside expected range",
                    X = Dates(outside.Select(p => p.Date)),
                    Y = outside.Select(p => (object)p.Actual!.Value).ToList(),
                    Mode = ModeFlag.Markers,
                    Marker = new Marker { Color = ChartTheme.Alert, Size = 9, Symbol = Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum.CircleOpen, Line = new Plotly.Blazor.Traces.ScatterLib.MarkerLib.Line { Width = 2, Color = ChartTheme.Alert } },
                    LegendGroup = label,
                    ShowLegend = false,
                    HoverInfo = HoverInfoFlag.Skip,
                });
            }
        }

        var layout = ChartTheme.Layout(height, "requests per day");
        if (highlight is { } window)
        {
            layout.Shapes =
            [
                new Plotly.Blazor.LayoutLib.Shape
                {
                    Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Rect,
                    XRef = "x",
                    YRef = "paper",
                    X0 = window.From.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 12:00",
                    X1 = window.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 12:00",
                    Y0 = 0,
                    Y1 = 1,
                    FillColor = ChartTheme.Transparent("#C0392B", 0.10),
                    Line = new Plotly.Blazor.LayoutLib.ShapeLib.Line { Width = 0 },
                    Layer = Plotly.Blazor.LayoutLib.ShapeLib.LayerEnum.Below,
                },
            ];
        }

        return new ChartSpec(name, traces, layout, points);
    }

    /// <summary>Bars read well for a few months of days; over longer ranges lines are clearer, and far cheaper to draw.</summary>
    public const int MaxExcessBarDays = 120;

    /// <summary>
    /// Requests above (or below) expected per day, per series around zero: bars up to <see cref="MaxExcessBarDays"/> days,
    /// lines beyond.
    /// </summary>
    public static ChartSpec Excess(string name, IReadOnlyList<SeriesFrame> frames, int height = 240)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var traces = new List<ITrace>();
        var points = 0;
        var bars = frames.All(f => f.Points.Count(p => p.Excess is not null) <= MaxExcessBarDays);
        for (var i = 0; i < frames.Count; i++)
        {
            var days = frames[i].Points.Where(p => p.Excess is not null).ToList();
            points += days.Count;
            var x = Dates(days.Select(p => p.Date));
            IList<object> y = [.. days.Select(p => (object)Math.Round(p.Excess!.Value, 1))];
            traces.Add(bars
                ? new Bar { Name = frames[i].Series.Label, X = x, Y = y, Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = ChartTheme.Color(i) } }
                : new Scatter { Name = frames[i].Series.Label, X = x, Y = y, Mode = ModeFlag.Lines, Line = new Line { Color = ChartTheme.Color(i), Width = 1.2m } });
        }

        var layout = ChartTheme.Layout(height, "actual − expected");
        layout.BarMode = Plotly.Blazor.LayoutLib.BarModeEnum.Group;
        return new ChartSpec(name, traces, layout, points);
    }

    internal static IList<object> Dates(IEnumerable<DateOnly> days) => [.. days.Select(d => (object)d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))];

    private static Scatter Line(IEnumerable<DateOnly> x, IEnumerable<object> y, string name, string color, decimal width, string legendGroup, bool showLegend = true, bool hover = true, string? dash = null, bool markers = false) => new()
    {
        Name = name,
        X = Dates(x),
        Y = [.. y],
        Mode = markers ? ModeFlag.Lines | ModeFlag.Markers : ModeFlag.Lines,
        Line = new Line { Color = color, Width = width, Dash = dash },
        Marker = markers ? new Marker { Size = 4, Color = color } : null,
        LegendGroup = legendGroup,
        ShowLegend = showLegend,
        HoverInfo = hover ? HoverInfoFlag.Y | HoverInfoFlag.Name : HoverInfoFlag.Skip,
    };
}

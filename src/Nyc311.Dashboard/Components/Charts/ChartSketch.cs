using System.Globalization;
using System.Text;
using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace Nyc311.Dashboard.Components.Charts;

/// <summary>
/// A still drawing of a chart, made on the server from the same traces and layout plotly.js draws, so the page's first
/// paint already shows the chart: plotly.js is 1.1 MB of script that takes a fresh browser 150 to 300 ms to load and
/// run, and the interactive chart it draws (hover, zoom) replaces the sketch as soon as it is there.
/// </summary>
/// <param name="Marks">Paths in a <see cref="Width"/> × <see cref="Height"/> box stretched over the plot area, in drawing order.</param>
/// <param name="XTicks">Labels along the bottom, at fractions of the plot's width from its left.</param>
/// <param name="YTicks">Labels along the left, at fractions of the plot's height from its bottom.</param>
/// <param name="Legend">The traces plotly.js lists in its legend, by legend group (a column each).</param>
/// <param name="XTitle">Title of the bottom axis, if any.</param>
/// <param name="YTitle">Title of the left axis, if any.</param>
/// <param name="Margin">Space around the plot area, in px of a desk page (the wall view grows it with the type).</param>
public sealed record ChartSketch(
    IReadOnlyList<SketchMark> Marks,
    IReadOnlyList<SketchTick> XTicks,
    IReadOnlyList<SketchTick> YTicks,
    IReadOnlyList<IReadOnlyList<SketchLegendEntry>> Legend,
    string? XTitle,
    string? YTitle,
    SketchMargin Margin)
{
    /// <summary>Width of the box marks are drawn in; wide, so whole numbers place points finer than a pixel.</summary>
    public const int Width = 4000;

    /// <summary>Height of the box marks are drawn in.</summary>
    public const int Height = 1000;

    /// <summary>The sketch of a chart.</summary>
    public static ChartSketch Of(ChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new ChartSketcher(spec).Draw();
    }
}

/// <summary>A path of a <see cref="ChartSketch"/> and how it is painted (an inline CSS style).</summary>
public sealed record SketchMark(string Path, string Style);

/// <summary>A tick label at a fraction (0 to 1) of the plot area.</summary>
public sealed record SketchTick(double At, string Text);

/// <summary>A legend entry: a trace's name, colour and the swatch that stands for it.</summary>
public sealed record SketchLegendEntry(string Name, string Color, SketchSwatch Swatch);

/// <summary>What a legend entry's swatch looks like.</summary>
public enum SketchSwatch
{
    /// <summary>A solid line.</summary>
    Line,

    /// <summary>A dashed line.</summary>
    Dash,

    /// <summary>A filled square (bars).</summary>
    Bar,
}

/// <summary>Space around the plot area, in px of a desk page.</summary>
/// <param name="Left">Left margin.</param>
/// <param name="Right">Right margin.</param>
/// <param name="Top">Top margin, at least: a legend grows it.</param>
/// <param name="Bottom">Bottom margin.</param>
/// <param name="Height">Height of the whole chart.</param>
/// <param name="LegendGap">Space between the legend and the plot.</param>
public sealed record SketchMargin(double Left, double Right, double Top, double Bottom, double Height, double LegendGap);

/// <summary>Draws one <see cref="ChartSketch"/>: places every trace on the chart's axes, then writes its marks.</summary>
internal sealed class ChartSketcher(ChartSpec spec)
{
    private const double BarGap = 0.2; // plotly.js's default gap between neighbouring positions' bars
    private const string GridStyle = "stroke:rgba(128,128,128,0.15);stroke-width:1px";
    private const string ZeroStyle = "stroke:rgba(128,128,128,0.55);stroke-width:1px";

    private readonly Plotly.Blazor.Layout _layout = spec.Layout;
    private readonly List<SketchMark> _marks = [];

    public ChartSketch Draw()
    {
        var xAxis = _layout.XAxis?.FirstOrDefault();
        var yAxis = _layout.YAxis?.FirstOrDefault();
        var x = new SketchAxis(Kind(xAxis?.Type?.ToString(), spec.Traces.Select(t => First(X(t)))));
        var y = new SketchAxis(Kind(yAxis?.Type?.ToString(), spec.Traces.Select(t => First(Y(t)))));

        var placed = spec.Traces.Select(t => Place(t, x, y)).ToList();
        var horizontal = placed.Any(p => p.Bar?.Orientation == Plotly.Blazor.Traces.BarLib.OrientationEnum.H);
        var bars = Bars(placed, horizontal);

        // As plotly.js pads: values always, positions along the other axis only where markers are drawn (a dot at the
        // very end would be cut); bars reach half a slot beyond their positions and start from zero.
        foreach (var trace in placed.Where(p => p.Scatter is not null))
        {
            var markers = (trace.Scatter!.Mode ?? Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines).HasFlag(Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers);
            for (var i = 0; i < trace.X.Length; i++)
            {
                if (double.IsFinite(trace.X[i]) && double.IsFinite(trace.Y[i]))
                {
                    x.Include(trace.X[i], padded: markers || x.Kind == SketchAxisKind.Linear);
                    y.Include(trace.Y[i], padded: true);
                }
            }
        }

        foreach (var (x0, x1, y0, y1, _) in bars)
        {
            x.Include(x0);
            x.Include(x1, padded: horizontal);
            y.Include(y0);
            y.Include(y1, padded: !horizontal);
        }

        var anyBars = bars.Count > 0;
        x.Settle(fromZero: anyBars && horizontal || xAxis?.RangeMode == Plotly.Blazor.LayoutLib.XAxisLib.RangeModeEnum.ToZero);
        y.Settle(fromZero: anyBars && !horizontal || yAxis?.RangeMode == Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero);

        var legend = Legend(placed);
        var margin = _layout.Margin;
        double height = spec.Height;
        var (top, bottom) = ((double)(margin?.T ?? 100), (double)(margin?.B ?? 80));

        // The legend sits just above the plot (y 1.02, anchored at its bottom) and plotly.js grows the top margin to hold it.
        var legendGap = legend.Count == 0 ? 0 : 0.02 * (height - top - bottom);
        var plotHeight = height - Math.Max(top, LegendHeight(legend) + legendGap) - bottom;
        var sides = new SketchMargin((double)(margin?.L ?? 80), (double)(margin?.R ?? 80), top, bottom, height, legendGap);

        // plotly.js's rough tick counts: one per 40 px of height (per 80 px of width, on the wide plots of a desk page), 4 to 9, plus one.
        var xTicks = x.Ticks(10);
        var yTicks = y.Ticks(Math.Clamp(plotHeight / 40, 4, 9) + 1);

        DrawShapes(x);
        Grid(xTicks, yTicks, x, y);

        // plotly.js draws bars beneath lines and markers.
        foreach (var group in bars.GroupBy(b => b.Color))
        {
            var path = new StringBuilder();
            foreach (var (x0, x1, y0, y1, _) in group)
            {
                path.Append(CultureInfo.InvariantCulture, $"M{X(x, x0)} {Y(y, y0)}H{X(x, x1)}V{Y(y, y1)}H{X(x, x0)}Z");
            }

            _marks.Add(new SketchMark(path.ToString(), $"fill:{group.Key}"));
        }

        foreach (var (trace, index) in placed.Select((p, i) => (p, i)))
        {
            if (trace.Scatter is { } scatter)
            {
                DrawScatter(trace, scatter, index > 0 ? placed[index - 1] : null, x, y);
            }
        }

        return new ChartSketch(_marks, xTicks, yTicks, legend, xAxis?.Title?.Text, yAxis?.Title?.Text, sides);
    }

    /// <summary>
    /// The entries plotly.js lists: traces shown in the legend, those of one legend group together (a column of a
    /// horizontal legend). Groups come in order of legend rank (plotly.js's default 1000), then as drawn; within a group
    /// plotly.js lists them the other way round, the last drawn first. Over stacked bars the whole legend is reversed,
    /// so that it reads top to bottom as the stacks do.
    /// </summary>
    private List<IReadOnlyList<SketchLegendEntry>> Legend(List<Placed> placed)
    {
        if (_layout.ShowLegend == false)
        {
            return [];
        }

        var listed = placed
            .Select((p, index) => (Placed: p, Index: index, Rank: (double)(p.Scatter?.LegendRank ?? p.Bar?.LegendRank ?? 1000)))
            .Where(p => (p.Placed.Scatter?.ShowLegend ?? p.Placed.Bar?.ShowLegend ?? true) && !string.IsNullOrEmpty(Name(p.Placed.Trace)))
            .ToList();
        List<IReadOnlyList<SketchLegendEntry>> groups = [.. listed
            .GroupBy(p => (p.Placed.Scatter?.LegendGroup ?? p.Placed.Bar?.LegendGroup) is { Length: > 0 } group ? group : $"#{p.Index}", StringComparer.Ordinal)
            .OrderBy(g => g.Min(p => p.Rank)).ThenBy(g => g.Min(p => p.Index))
            .Select(g => (IReadOnlyList<SketchLegendEntry>)[.. g.OrderByDescending(p => p.Rank).ThenByDescending(p => p.Index).Select(p => new SketchLegendEntry(
                Name(p.Placed.Trace)!,
                Color(p.Placed),
                p.Placed.Bar is not null ? SketchSwatch.Bar : p.Placed.Scatter?.Line?.Dash is { Length: > 0 } and not "solid" ? SketchSwatch.Dash : SketchSwatch.Line))])];
        if (_layout.BarMode == Plotly.Blazor.LayoutLib.BarModeEnum.Stack && placed.Any(p => p.Bar is not null))
        {
            groups.Reverse();
        }

        return groups;
    }

    /// <summary>
    /// About how tall plotly.js's legend comes out, in px: 19 per row, 22 around them and 10 between wrapped lines
    /// (measured in chromium), the groups (columns) wrapping within a desk page's plot width. Only the number of ticks
    /// depends on it: the sketch's own legend is laid out by the browser.
    /// </summary>
    private static double LegendHeight(List<IReadOnlyList<SketchLegendEntry>> legend)
    {
        const double PlotWidth = 1100, CharWidth = 6.5, Swatch = 50;
        if (legend.Count == 0)
        {
            return 0;
        }

        var widths = legend.Select(g => g.Max(e => e.Name.Length) * CharWidth + Swatch).ToList();
        var perRow = Math.Max(1, (int)(PlotWidth / widths.Max()));
        var lines = (legend.Count + perRow - 1) / perRow;
        return lines * legend.Max(g => g.Count) * 19 + 22 + (lines - 1) * 10;
    }

    private sealed record Placed(ITrace Trace, double[] X, double[] Y)
    {
        public Scatter? Scatter => Trace as Scatter;

        public Bar? Bar => Trace as Bar;
    }

    private static Placed Place(ITrace trace, SketchAxis x, SketchAxis y)
    {
        var xs = X(trace) ?? [];
        var ys = Y(trace) ?? [];
        var count = Math.Min(xs.Count, ys.Count);
        var placed = new Placed(trace, new double[count], new double[count]);
        for (var i = 0; i < count; i++)
        {
            (placed.X[i], placed.Y[i]) = (x.Position(xs[i]), y.Position(ys[i]));
        }

        return placed;
    }

    /// <summary>
    /// Every bar as a rectangle (x0, x1, y0, y1) in axis positions: side by side within a position in group mode, one on
    /// another (positive and negative apart) in stack mode, as plotly.js lays them out.
    /// </summary>
    private List<(double X0, double X1, double Y0, double Y1, string Color)> Bars(List<Placed> placed, bool horizontal)
    {
        var bars = placed.Where(p => p.Bar is not null).ToList();
        var rectangles = new List<(double, double, double, double, string)>();
        if (bars.Count == 0)
        {
            return rectangles;
        }

        var positions = bars.SelectMany(b => horizontal ? b.Y : b.X).Where(double.IsFinite).Distinct().Order().ToList();
        var slot = positions.Zip(positions.Skip(1), (a, b) => b - a).DefaultIfEmpty(1).Min();
        var stacked = _layout.BarMode == Plotly.Blazor.LayoutLib.BarModeEnum.Stack;
        var width = slot * (1 - BarGap) / (stacked ? 1 : bars.Count);
        var above = new Dictionary<double, double>();
        var below = new Dictionary<double, double>();
        for (var b = 0; b < bars.Count; b++)
        {
            var (along, values) = horizontal ? (bars[b].Y, bars[b].X) : (bars[b].X, bars[b].Y);
            var color = Color(bars[b]);
            for (var i = 0; i < along.Length; i++)
            {
                if (!double.IsFinite(along[i]) || !double.IsFinite(values[i]))
                {
                    continue;
                }

                var start = stacked ? along[i] - width / 2 : along[i] - slot * (1 - BarGap) / 2 + b * width;
                var stack = values[i] >= 0 ? above : below;
                var from = stacked ? stack.GetValueOrDefault(along[i]) : 0;
                var to = from + values[i];
                if (stacked)
                {
                    stack[along[i]] = to;
                }

                rectangles.Add(horizontal ? (from, to, start, start + width, color) : (start, start + width, from, to, color));
            }
        }

        return rectangles;
    }

    private void DrawScatter(Placed trace, Scatter scatter, Placed? previous, SketchAxis x, SketchAxis y)
    {
        var color = Color(trace);
        if (scatter.Fill == Plotly.Blazor.Traces.ScatterLib.FillEnum.ToNextY && previous is not null && scatter.FillColor is string fill)
        {
            var area = new StringBuilder();
            Trace(area, trace, x, y, connect: false);
            for (var i = previous.X.Length - 1; i >= 0; i--)
            {
                if (double.IsFinite(previous.X[i]) && double.IsFinite(previous.Y[i]))
                {
                    area.Append(CultureInfo.InvariantCulture, $"L{X(x, previous.X[i])} {Y(y, previous.Y[i])}");
                }
            }

            _marks.Add(new SketchMark(area.Append('Z').ToString(), $"fill:{fill}"));
        }

        var mode = scatter.Mode ?? Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines;
        var lineWidth = (double)(scatter.Line?.Width ?? 2);
        if (mode.HasFlag(Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines) && lineWidth > 0)
        {
            var line = new StringBuilder();
            Trace(line, trace, x, y, connect: true);
            var style = $"stroke:{color};stroke-width:{Px(lineWidth)}";
            if (scatter.Line?.Dash is "dash")
            {
                // plotly.js's dash: three times the line's width (at least 3 px) on, as much off.
                var dash = 3 * Math.Max(lineWidth, 3);
                style += $";stroke-dasharray:{Px(dash)} {Px(dash)}";
            }

            _marks.Add(new SketchMark(line.ToString(), style));
        }

        if (mode.HasFlag(Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers))
        {
            var marker = scatter.Marker;
            var size = (double)(marker?.Size ?? 6);
            var dots = new StringBuilder();
            for (var i = 0; i < trace.X.Length; i++)
            {
                if (double.IsFinite(trace.X[i]) && double.IsFinite(trace.Y[i]))
                {
                    dots.Append(CultureInfo.InvariantCulture, $"M{X(x, trace.X[i])} {Y(y, trace.Y[i])}h0");
                }
            }

            // Round caps on empty segments draw dots that keep their size however the box is stretched.
            if (marker?.Symbol == Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum.CircleOpen)
            {
                var ring = (double)(marker.Line?.Width ?? 1);
                var ringColor = marker.Line?.Color as string ?? color;
                _marks.Add(new SketchMark(dots.ToString(), $"stroke:{ringColor};stroke-width:{Px(size + ring)};stroke-linecap:round"));
                _marks.Add(new SketchMark(dots.ToString(), $"stroke:var(--panel);stroke-width:{Px(Math.Max(size - ring, 0))};stroke-linecap:round"));
            }
            else
            {
                _marks.Add(new SketchMark(dots.ToString(), $"stroke:{color};stroke-width:{Px(size)};stroke-linecap:round"));
            }
        }
    }

    /// <summary>
    /// Appends the trace's points as one compact path ("M x y L x y x y ..."); with <paramref name="connect"/> a missing
    /// value ends the line and the next point starts another, as plotly.js leaves gaps.
    /// </summary>
    private static void Trace(StringBuilder path, Placed trace, SketchAxis x, SketchAxis y, bool connect)
    {
        var drawn = 0;
        for (var i = 0; i < trace.X.Length; i++)
        {
            if (!double.IsFinite(trace.X[i]) || !double.IsFinite(trace.Y[i]))
            {
                drawn = connect ? 0 : drawn;
                continue;
            }

            path.Append(drawn switch { 0 => 'M', 1 => 'L', _ => ' ' });
            path.Append(CultureInfo.InvariantCulture, $"{X(x, trace.X[i])} {Y(y, trace.Y[i])}");
            drawn++;
        }
    }

    private void DrawShapes(SketchAxis x)
    {
        foreach (var shape in _layout.Shapes ?? [])
        {
            if (shape.Type != Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Rect || shape.FillColor is not string fill || shape.YRef != "paper")
            {
                continue;
            }

            var (x0, x1) = (Math.Clamp(x.Fraction(x.Position(shape.X0)), 0, 1), Math.Clamp(x.Fraction(x.Position(shape.X1)), 0, 1));
            var (y0, y1) = (Convert.ToDouble(shape.Y0, CultureInfo.InvariantCulture), Convert.ToDouble(shape.Y1, CultureInfo.InvariantCulture));
            if (double.IsFinite(x0) && double.IsFinite(x1))
            {
                _marks.Add(new SketchMark(
                    FormattableString.Invariant($"M{Round(x0 * ChartSketch.Width)} {Round((1 - y0) * ChartSketch.Height)}H{Round(x1 * ChartSketch.Width)}V{Round((1 - y1) * ChartSketch.Height)}H{Round(x0 * ChartSketch.Width)}Z"),
                    $"fill:{fill}"));
            }
        }
    }

    private void Grid(IReadOnlyList<SketchTick> xTicks, IReadOnlyList<SketchTick> yTicks, SketchAxis x, SketchAxis y)
    {
        var grid = new StringBuilder();
        if (x.Kind != SketchAxisKind.Category)
        {
            foreach (var tick in xTicks)
            {
                grid.Append(CultureInfo.InvariantCulture, $"M{Round(tick.At * ChartSketch.Width)} 0V{ChartSketch.Height}");
            }
        }

        if (y.Kind != SketchAxisKind.Category)
        {
            foreach (var tick in yTicks)
            {
                grid.Append(CultureInfo.InvariantCulture, $"M0 {Round((1 - tick.At) * ChartSketch.Height)}H{ChartSketch.Width}");
            }
        }

        if (grid.Length > 0)
        {
            _marks.Add(new SketchMark(grid.ToString(), GridStyle));
        }

        // plotly.js draws the zero of a value axis darker than the grid.
        if (y.Kind == SketchAxisKind.Linear && y.Min <= 0 && y.Max >= 0)
        {
            _marks.Add(new SketchMark(FormattableString.Invariant($"M0 {Y(y, 0)}H{ChartSketch.Width}"), ZeroStyle));
        }

        if (x.Kind == SketchAxisKind.Linear && x.Min <= 0 && x.Max >= 0)
        {
            _marks.Add(new SketchMark(FormattableString.Invariant($"M{X(x, 0)} 0V{ChartSketch.Height}"), ZeroStyle));
        }
    }

    private static SketchAxisKind Kind(string? declared, IEnumerable<object?> firstValues) => declared switch
    {
        "Date" => SketchAxisKind.Date,
        "Category" => SketchAxisKind.Category,
        "Linear" => SketchAxisKind.Linear,

        // Undeclared, as plotly.js guesses: dates if the values read as days, names if they are text, else numbers.
        _ => firstValues.FirstOrDefault(v => v is not null) switch
        {
            string s when !double.IsNaN(SketchAxis.Day(s)) => SketchAxisKind.Date,
            string s when !double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => SketchAxisKind.Category,
            _ => SketchAxisKind.Linear,
        },
    };

    private static IList<object>? X(ITrace trace) => trace switch { Scatter s => s.X, Bar b => b.X, _ => null };

    private static IList<object>? Y(ITrace trace) => trace switch { Scatter s => s.Y, Bar b => b.Y, _ => null };

    private static object? First(IList<object>? values) => values?.FirstOrDefault(v => v is not null);

    private static string? Name(ITrace trace) => trace switch { Scatter s => s.Name, Bar b => b.Name, _ => null };

    private static string Color(Placed trace) =>
        (trace.Scatter?.Line?.Color ?? trace.Scatter?.Marker?.Color ?? trace.Bar?.Marker?.Color) as string ?? ChartTheme.Palette[0];

    private static int X(SketchAxis axis, double position) => Round(axis.Fraction(position) * ChartSketch.Width);

    private static int Y(SketchAxis axis, double position) => Round((1 - axis.Fraction(position)) * ChartSketch.Height);

    private static int Round(double value) => (int)Math.Round(value);

    private static string Px(double value) => value.ToString("0.##", CultureInfo.InvariantCulture) + "px";
}

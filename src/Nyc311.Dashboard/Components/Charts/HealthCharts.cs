using Nyc311.Dashboard.Data;
using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace Nyc311.Dashboard.Components.Charts;

/// <summary>Charts of the data health page.</summary>
internal static class HealthCharts
{
    /// <summary>Quarantined rows per created day, stacked by rule.</summary>
    public static ChartSpec QuarantineByDay(string name, IReadOnlyList<QuarantineDay> days, int height = 260)
    {
        ArgumentNullException.ThrowIfNull(days);
        var traces = days.GroupBy(d => d.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal).Select((g, i) => (ITrace)new Bar
        {
            Name = g.Key,
            X = SeriesCharts.Dates(g.Select(d => d.Day)),
            Y = [.. g.Select(d => (object)d.Rows)],
            Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = ChartTheme.Color(i) },
        }).ToList();
        var layout = ChartTheme.Layout(height, "rows quarantined");
        layout.BarMode = Plotly.Blazor.LayoutLib.BarModeEnum.Stack;
        return new ChartSpec(name, traces, layout, days.Count);
    }
}

using Plotly.Blazor;

namespace Nyc311.Dashboard.Components.Charts;

/// <summary>A chart ready to draw: its traces and layout, and a name the page and tests refer to it by.</summary>
/// <param name="Name">Stable name of the chart on its page (the <c>data-chart</c> attribute).</param>
/// <param name="Traces">The plotly.js traces.</param>
/// <param name="Layout">The plotly.js layout.</param>
/// <param name="Points">Data points drawn, for the page's summary line.</param>
public sealed record ChartSpec(string Name, IList<ITrace> Traces, Plotly.Blazor.Layout Layout, int Points);

namespace Nyc311.Dashboard.Components.Charts;

/// <summary>The scripts that draw charts, as static asset paths (App.razor fingerprints them).</summary>
internal static class ChartScripts
{
    /// <summary>plotly.js (the basic bundle: scatter, bar and pie traces) as Plotly.Blazor ships it.</summary>
    public const string Plotly = "_content/Plotly.Blazor/plotly-basic-3.7.0.min.js";

    /// <summary>The <c>nyc-plot</c> element that draws a <see cref="ChartSpec"/>'s figure.</summary>
    public const string Charts = "charts.js";
}

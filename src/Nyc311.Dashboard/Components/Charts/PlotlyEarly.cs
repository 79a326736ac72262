namespace Nyc311.Dashboard.Components.Charts;

/// <summary>
/// The paths through which Plotly.Blazor loads plotly.js (its interop module, then the basic bundle under the script id
/// <see cref="ScriptId"/>), written as the library writes them. <c>wwwroot/plotly-early.js</c> starts the same load as the
/// page is parsed and App.razor preloads <see cref="PlotlyPath"/>; both only help while these match the library's, which a
/// test checks whenever Plotly.Blazor is upgraded.
/// </summary>
internal static class PlotlyEarly
{
    public const string InteropPath = "./_content/Plotly.Blazor/plotly-interop-7.2.0.js";

    public const string PlotlyPath = "./_content/Plotly.Blazor/plotly-basic-3.7.0.min.js";

    public const string ScriptId = "plotly-import";
}

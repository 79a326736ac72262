using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;

namespace Nyc311.Dashboard.Components.Charts;

/// <summary>Colours and the shared layout of every chart (colour-blind safe palette, no plotly.js branding).</summary>
internal static class ChartTheme
{
    /// <summary>The Okabe-Ito palette, distinguishable with the common colour-vision deficiencies.</summary>
    public static IReadOnlyList<string> Palette { get; } = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#8C6D1F", "#444444"];

    public const string Alert = "#C0392B";

    public static Config Config { get; } = new()
    {
        Responsive = true,
        DisplayLogo = false,
        ShowLink = false,
        ShowSendToCloud = false,
        ShowEditInChartStudio = false,
    };

    public static string Color(int index) => Palette[index % Palette.Count];

    /// <summary>A colour with transparency, for expected-range bands: "#0072B2" at 0.15 as "rgba(0,114,178,0.15)".</summary>
    public static string Transparent(string hex, double alpha) =>
        $"rgba({Convert.ToInt32(hex[1..3], 16)},{Convert.ToInt32(hex[3..5], 16)},{Convert.ToInt32(hex[5..7], 16)},{alpha.ToString(System.Globalization.CultureInfo.InvariantCulture)})";

    /// <summary>
    /// The layout every chart starts from: transparent background, small margins, legend just above the plot (plotly.js
    /// grows the top margin to hold it, however many rows it takes).
    /// </summary>
    public static Plotly.Blazor.Layout Layout(int height, string? yTitle = null, bool dates = true) => new()
    {
        Height = height,
        AutoSize = true,
        PaperBgColor = "rgba(0,0,0,0)",
        PlotBgColor = "rgba(0,0,0,0)",
        Margin = new Margin { L = 56, R = 16, T = 28, B = 40 },
        Font = new Font { Family = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", Size = 12, Color = "#5b6472" },
        HoverMode = HoverModeEnum.XUnified,
        ShowLegend = true,
        Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, X = 0m, Y = 1.02m, YAnchor = Plotly.Blazor.LayoutLib.LegendLib.YAnchorEnum.Bottom }],
        XAxis = [new XAxis { Type = dates ? Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Date : Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Category, GridColor = "rgba(128,128,128,0.15)" }],
        YAxis = [new YAxis { Title = yTitle is null ? null : new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = yTitle }, GridColor = "rgba(128,128,128,0.15)", RangeMode = Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero }],
    };
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Plotly.Blazor;

namespace Nyc311.Dashboard.Components.Charts;

/// <summary>A chart ready to draw: its traces and layout, and a name the page and tests refer to it by.</summary>
/// <param name="Name">Stable name of the chart on its page (the <c>data-chart</c> attribute).</param>
/// <param name="Traces">The plotly.js traces.</param>
/// <param name="Layout">The plotly.js layout.</param>
/// <param name="Points">Data points drawn, for the page's summary line.</param>
public sealed record ChartSpec(string Name, IList<ITrace> Traces, Plotly.Blazor.Layout Layout, int Points)
{
    // Plotly.Blazor's model types carry their plotly.js names and enum spellings as attributes; these are the options
    // the library itself serializes them with (a test compares the two), minus its converters for DateTime values,
    // which the dashboard never puts in a chart (days go in as "yyyy-MM-dd" text).
    private static readonly JsonSerializerOptions PlotlyJson = new()
    {
        PropertyNamingPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private string? _json;

    /// <summary>The chart's height in px of a desk page (plotly.js's default when the layout leaves it out).</summary>
    public int Height => (int)(Layout.Height ?? 360);

    /// <summary>
    /// The figure as plotly.js takes it, <c>{"data":[...],"layout":{...},"config":{...}}</c>, written once per spec:
    /// the page carries it in its markup, so the browser draws the chart without waiting for the circuit.
    /// </summary>
    public string Json => _json ??= Serialize();

    private string Serialize()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("data");
            foreach (var trace in Traces)
            {
                // As object: each trace is written as its own type (Scatter, Bar, ...), not as the interface.
                JsonSerializer.Serialize<object>(writer, trace, PlotlyJson);
            }

            writer.WriteEndArray();
            writer.WritePropertyName("layout");
            JsonSerializer.Serialize(writer, Layout, PlotlyJson);
            writer.WritePropertyName("config");
            JsonSerializer.Serialize(writer, ChartTheme.Config, PlotlyJson);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}

using System.Globalization;
using System.Text;
using Nyc311.Domain;
using Nyc311.Simulation.Output;

namespace Nyc311.Simulation;

/// <summary>
/// One simulated 311 record the way the Socrata API publishes it: field API name to string value
/// (timestamps as New York wall-clock <c>2022-05-01T00:00:03.000</c>), absent fields null;
/// <c>location</c> is its JSON text. The CSV writer converts to the export's formats.
/// </summary>
public sealed partial class SimulatedRequest
{
    /// <summary>The day (America/New_York) whose file the record belongs to: the day it was created.</summary>
    public DateOnly Day { get; }

    /// <summary>The data-quality problems written into this record (<see cref="QualityProblems.None"/> when clean).</summary>
    public QualityProblems Problems { get; internal set; }

    /// <summary>
    /// The value of an API field (<c>unique_key</c>, <c>created_date</c>, ..., <c>location</c> as JSON
    /// text) or system field (<c>:id</c>, <c>:created_at</c>, <c>:updated_at</c>), or null when absent
    /// or unknown.
    /// </summary>
    public string? this[string apiName]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(apiName);
            return apiName switch
            {
                ":id" => RowIdText(),
                ":created_at" => Timestamps.Instant(CreatedAtUtc),
                ":updated_at" => Timestamps.Instant(UpdatedAtUtc),
                _ => FieldSlots.SlotOf(apiName) is var slot and >= 0 ? ValueOf(slot) : null,
            };
        }
    }

    /// <summary>The present fields in CSV-export order, as (API name, value) pairs.</summary>
    public IEnumerable<KeyValuePair<string, string>> Fields
    {
        get
        {
            for (var slot = 0; slot < FieldSlots.Count; slot++)
            {
                if (ValueOf(slot) is { } value)
                {
                    yield return new(ServiceRequestFields.CsvExport[slot].ApiName, value);
                }
            }
        }
    }

    /// <summary>The Socrata system fields <c>:id</c>, <c>:created_at</c>, <c>:updated_at</c>.</summary>
    public IEnumerable<KeyValuePair<string, string>> SystemFields =>
    [
        new(":id", RowIdText()),
        new(":created_at", Timestamps.Instant(CreatedAtUtc)),
        new(":updated_at", Timestamps.Instant(UpdatedAtUtc)),
    ];

    /// <summary>Socrata row identifier in the portal's style, for example <c>row-ab3c~de9f.gh2k</c>.</summary>
    internal string RowIdText()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        return string.Create(18, RowId, static (span, id) =>
        {
            "row-".AsSpan().CopyTo(span);
            var bits = id;
            for (var i = 4; i < 18; i++)
            {
                if (i is 8 or 13)
                {
                    span[i] = i == 8 ? '~' : '.';
                    continue;
                }

                span[i] = alphabet[(int)(bits & 31)];
                bits >>= 5;
            }
        });
    }

    /// <summary>The API's <c>location</c> value as JSON text, or null without coordinates.</summary>
    internal string? LocationJson()
    {
        if (!HasCoordinates)
        {
            return null;
        }

        var builder = new StringBuilder(160);
        if (GeoJsonLocation)
        {
            builder.Append("{\"type\":\"Point\",\"coordinates\":[")
                .Append(Point.Longitude.ToString("G14", CultureInfo.InvariantCulture)).Append(',')
                .Append(Point.Latitude.ToString("G14", CultureInfo.InvariantCulture)).Append("]}");
            return builder.ToString();
        }

        var human = new StringBuilder(96)
            .Append("{\"address\": ").Append(JsonText.Quote(TextOf(FieldSlots.IncidentAddress) ?? string.Empty))
            .Append(", \"city\": ").Append(JsonText.Quote(TextOf(FieldSlots.City) ?? string.Empty))
            .Append(", \"state\": \"NY\", \"zip\": ").Append(JsonText.Quote(TextOf(FieldSlots.IncidentZip) ?? string.Empty))
            .Append('}').ToString();
        builder.Append("{\"latitude\":").Append(JsonText.Quote(Point.LatitudeText))
            .Append(",\"longitude\":").Append(JsonText.Quote(Point.LongitudeText))
            .Append(",\"human_address\":").Append(JsonText.Quote(human)).Append('}');
        return builder.ToString();
    }
}

using System.Globalization;
using System.Text.Json;
using Nyc311.Simulation.Calibration;

namespace Nyc311.Simulation.Geography;

/// <summary>Reads the bundled GeoJSON FeatureCollections (Polygon and MultiPolygon only).</summary>
internal static class GeoJsonReader
{
    public static IReadOnlyList<Feature> Read(string resource)
    {
        using var stream = EmbeddedData.Open(resource);
        using var document = JsonDocument.Parse(stream);
        var features = new List<Feature>();
        foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            var properties = new Dictionary<string, string>();
            foreach (var p in feature.GetProperty("properties").EnumerateObject())
            {
                properties[p.Name] = p.Value.ValueKind == JsonValueKind.String
                    ? p.Value.GetString()!
                    : p.Value.GetRawText();
            }

            var geometry = feature.GetProperty("geometry");
            var rings = new List<(double, double)[]>();
            var coordinates = geometry.GetProperty("coordinates");
            switch (geometry.GetProperty("type").GetString())
            {
                case "Polygon":
                    AddPolygon(coordinates, rings);
                    break;
                case "MultiPolygon":
                    foreach (var polygon in coordinates.EnumerateArray())
                    {
                        AddPolygon(polygon, rings);
                    }

                    break;
                default:
                    throw SimulationException.CorruptTable(resource, 0, "only Polygon and MultiPolygon geometries are supported");
            }

            features.Add(new Feature(rings, properties));
        }

        return features;
    }

    private static void AddPolygon(JsonElement polygon, List<(double, double)[]> rings)
    {
        foreach (var ring in polygon.EnumerateArray())
        {
            rings.Add([.. ring.EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble()))]);
        }
    }

    public static int Int(this Feature feature, string property) =>
        int.Parse(feature.Properties[property], NumberStyles.Integer, CultureInfo.InvariantCulture);
}

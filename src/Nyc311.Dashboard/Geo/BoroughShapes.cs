using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Nyc311.Dashboard.Geo;

/// <summary>A borough's outline as SVG path data, with a point to put its label at.</summary>
/// <param name="Borough">The borough as the 311 data spells it (<c>STATEN ISLAND</c>).</param>
/// <param name="Path">SVG path data in the map's view box.</param>
/// <param name="LabelX">Label position (view box units).</param>
/// <param name="LabelY">Label position (view box units).</param>
internal sealed record BoroughShape(string Borough, string Path, double LabelX, double LabelY);

/// <summary>
/// The five boroughs' outlines (embedded <c>nyc_boroughs.geojson</c>, see its README) projected for an SVG map:
/// longitude scaled by the cosine of New York's latitude, so the city keeps its proportions.
/// </summary>
internal static class BoroughShapes
{
    /// <summary>Width of the view box; the height follows from the city's proportions.</summary>
    public const double Width = 1000;

    private const string ResourceName = "Nyc311.Dashboard.Geo.nyc_boroughs.geojson";
    private static readonly Lazy<(IReadOnlyList<BoroughShape> Shapes, double Height)> Loaded = new(Load);

    public static IReadOnlyList<BoroughShape> All => Loaded.Value.Shapes;

    public static double Height => Loaded.Value.Height;

    private static (IReadOnlyList<BoroughShape>, double) Load()
    {
        using var stream = typeof(BoroughShapes).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the embedded resource {ResourceName} is missing from the build");
        using var document = JsonDocument.Parse(stream);
        var features = document.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => (Name: f.GetProperty("properties").GetProperty("boro_name").GetString()!, Polygons: Polygons(f.GetProperty("geometry"))))
            .ToList();
        var points = features.SelectMany(f => f.Polygons).SelectMany(p => p).SelectMany(r => r).ToList();
        var (minLon, maxLon, minLat, maxLat) = (points.Min(p => p.Lon), points.Max(p => p.Lon), points.Min(p => p.Lat), points.Max(p => p.Lat));
        var cos = Math.Cos((minLat + maxLat) / 2 * Math.PI / 180);
        var scale = Width / ((maxLon - minLon) * cos);
        var height = (maxLat - minLat) * scale;
        (double X, double Y) Project((double Lon, double Lat) p) => ((p.Lon - minLon) * cos * scale, (maxLat - p.Lat) * scale);

        var shapes = features.Select(f =>
        {
            var path = new StringBuilder();
            foreach (var ring in f.Polygons.SelectMany(p => p))
            {
                for (var i = 0; i < ring.Count; i++)
                {
                    var (x, y) = Project(ring[i]);
                    path.Append(i == 0 ? 'M' : 'L').Append(x.ToString("0.#", CultureInfo.InvariantCulture)).Append(',').Append(y.ToString("0.#", CultureInfo.InvariantCulture));
                }

                path.Append('Z');
            }

            // The label goes at the middle of the borough's largest polygon (its main body, not an island).
            var largest = f.Polygons.OrderByDescending(p => p[0].Count).First()[0].Select(Project).ToList();
            var label = ((largest.Min(p => p.X) + largest.Max(p => p.X)) / 2, (largest.Min(p => p.Y) + largest.Max(p => p.Y)) / 2);
            return new BoroughShape(f.Name.ToUpperInvariant(), path.ToString(), label.Item1, label.Item2);
        }).ToList();
        return (shapes, height);
    }

    private static List<List<List<(double Lon, double Lat)>>> Polygons(JsonElement geometry)
    {
        static List<(double, double)> Ring(JsonElement ring) => [.. ring.EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble()))];
        static List<List<(double, double)>> Polygon(JsonElement polygon) => [.. polygon.EnumerateArray().Select(Ring)];
        var coordinates = geometry.GetProperty("coordinates");
        return geometry.GetProperty("type").GetString() == "Polygon"
            ? [Polygon(coordinates)]
            : [.. coordinates.EnumerateArray().Select(Polygon)];
    }
}

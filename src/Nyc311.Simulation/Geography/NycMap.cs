using Nyc311.Domain;
using Nyc311.Simulation.Calibration;

namespace Nyc311.Simulation.Geography;

/// <summary>
/// The bundled NYC geography: borough polygons, ZIP areas with their postal city, community
/// districts, the ZIP-to-borough table and real street names per ZIP (Data/README.md cites each).
/// Boroughs are indexed in <see cref="Boroughs.All"/> order (0 Manhattan .. 4 Staten Island).
/// </summary>
internal sealed class NycMap
{
    private NycMap()
    {
        var boroughFeatures = GeoJsonReader.Read("geo/boroughs.geojson");
        BoroughPolygons = new PolygonSet(boroughFeatures);
        BoroughOfFeature = [.. boroughFeatures.Select(f => f.Int("boro_code") - 1)];

        var zipFeatures = GeoJsonReader.Read("geo/zip_areas.geojson");
        ZipPolygons = new PolygonSet(zipFeatures);

        var districtFeatures = GeoJsonReader.Read("geo/community_districts.geojson");
        DistrictPolygons = new PolygonSet(districtFeatures);

        ZipBorough = EmbeddedData.ReadTable("geo/nyc_zip_borough.csv", ',')
            .ToDictionary(r => r["zip"], r => BoroughIndex(Boroughs.Normalize(r["borough"]) ?? throw r.Fail("unknown borough")));

        PostalCity = zipFeatures
            .GroupBy(f => f.Properties["zip"])
            .ToDictionary(g => g.Key, g => g.First().Properties["po_name"].ToUpperInvariant());

        var streets = EmbeddedData.ReadTable("geo/streets_by_zip.csv", ',');
        StreetsByZip = streets.GroupBy(r => r["zip"]).ToDictionary(g => g.Key, g => g.Select(r => r["street"]).ToArray());
        StreetsByBorough = [.. Enumerable.Range(0, 5).Select(b => streets
            .Where(r => ZipBorough.TryGetValue(r["zip"], out var zb) && zb == b)
            .Select(r => r["street"]).Distinct().Order(StringComparer.Ordinal).ToArray())];
    }

    public static NycMap Instance => LazyInstance.Value;

    private static readonly Lazy<NycMap> LazyInstance = new(() => new NycMap());

    public PolygonSet BoroughPolygons { get; }

    /// <summary>Borough index for each feature of <see cref="BoroughPolygons"/>.</summary>
    public int[] BoroughOfFeature { get; }

    public PolygonSet ZipPolygons { get; }

    public PolygonSet DistrictPolygons { get; }

    /// <summary>Borough index per ZIP (nyc_zip_borough.csv, 251 ZIPs).</summary>
    public IReadOnlyDictionary<string, int> ZipBorough { get; }

    /// <summary>The USPS city name per ZIP, upper-cased as 311 writes it ("NEW YORK", "ASTORIA").</summary>
    public IReadOnlyDictionary<string, string> PostalCity { get; }

    public IReadOnlyDictionary<string, string[]> StreetsByZip { get; }

    public string[][] StreetsByBorough { get; }

    /// <summary>The borough index holding the point, or -1 (water, outside the city).</summary>
    public int BoroughAt(double latitude, double longitude)
    {
        var feature = BoroughPolygons.Locate(longitude, latitude);
        return feature < 0 ? -1 : BoroughOfFeature[feature];
    }

    public static int BoroughIndex(string canonicalBorough)
    {
        for (var i = 0; i < Boroughs.All.Count; i++)
        {
            if (Boroughs.All[i] == canonicalBorough)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(canonicalBorough), canonicalBorough, "not one of the five boroughs");
    }
}

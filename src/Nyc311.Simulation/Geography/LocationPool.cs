using System.Globalization;
using Nyc311.Domain;
using Nyc311.Simulation.Generation;

namespace Nyc311.Simulation.Geography;

/// <summary>
/// Fixed sets of places per borough, drawn once per process from the bundled polygons with a fixed
/// seed (the map is part of the model, not of a run). A point is kept only when the borough polygon,
/// a ZIP area of the same borough (nyc_zip_borough.csv) and a community district of the same borough
/// all contain it, so ZIP, borough, district and coordinates always agree. Everyday points avoid the
/// large parks and airports; park points lie inside a large park.
/// </summary>
internal sealed class LocationPool
{
    public const int StreetPointsPerBorough = 6000;
    public const int ParkPointsPerBorough = 400;
    private const ulong PoolSeed = 0x0311_0311_0311UL;

    // Joint interest areas of the community-district layer that are city parks (airports and the
    // federal Gateway areas are left out), with their names.
    private static readonly Dictionary<int, string> LargeParks = new()
    {
        [164] = "Central Park",
        [226] = "Van Cortlandt Park",
        [227] = "Bronx Park",
        [228] = "Pelham Bay Park",
        [355] = "Prospect Park",
        [356] = "Marine Park",
        [481] = "Flushing Meadows Corona Park",
        [482] = "Forest Park",
    };

    private static readonly string[] DefaultCity = ["NEW YORK", "BRONX", "BROOKLYN", "QUEENS", "STATEN ISLAND"];

    private LocationPool(NycMap map)
    {
        var random = new SimulationRandom(PoolSeed);
        StreetPoints = new PoolPoint[5][];
        ParkPoints = new PoolPoint[5][];
        for (var borough = 0; borough < 5; borough++)
        {
            StreetPoints[borough] = Draw(map, random, borough, StreetPointsPerBorough, park: false);
            ParkPoints[borough] = Draw(map, random, borough, ParkPointsPerBorough, park: true);
        }
    }

    public static LocationPool Instance => LazyInstance.Value;

    private static readonly Lazy<LocationPool> LazyInstance = new(() => new LocationPool(NycMap.Instance));

    /// <summary>Everyday places per borough index.</summary>
    public PoolPoint[][] StreetPoints { get; }

    /// <summary>Places inside large parks per borough index (Staten Island reuses everyday places).</summary>
    public PoolPoint[][] ParkPoints { get; }

    private static PoolPoint[] Draw(NycMap map, SimulationRandom random, int borough, int count, bool park)
    {
        // Candidates are drawn uniformly from bounding boxes (weighted by their area) and kept by
        // the polygon tests below, so the kept points are uniform over the wanted area.
        var parkFeatures = map.DistrictPolygons.Features.Where(f => LargeParks.ContainsKey(f.Int("boro_cd")) && f.Int("boro_cd") / 100 == borough + 1).ToList();
        var boxes = park && parkFeatures.Count > 0
            ? parkFeatures.Select(Bounds).ToArray()
            : [Bounds(map.BoroughPolygons.Features[Array.IndexOf(map.BoroughOfFeature, borough)])];
        var areas = new AliasTable([.. boxes.Select(b => (b.MaxLon - b.MinLon) * (b.MaxLat - b.MinLat))]);
        var wantLargePark = park && parkFeatures.Count > 0;

        var points = new List<PoolPoint>(count);
        for (var attempt = 0; points.Count < count && attempt < count * 100; attempt++)
        {
            var box = boxes[areas.Sample(random)];
            var lon = box.MinLon + (random.NextDouble() * (box.MaxLon - box.MinLon));
            var lat = box.MinLat + (random.NextDouble() * (box.MaxLat - box.MinLat));
            if (map.BoroughAt(lat, lon) != borough || map.DistrictPolygons.Locate(lon, lat) is not (>= 0 and var district))
            {
                continue;
            }

            var boroCd = map.DistrictPolygons.Features[district].Int("boro_cd");
            var isLargePark = LargeParks.ContainsKey(boroCd);
            if (boroCd / 100 != borough + 1 || (wantLargePark ? !isLargePark : boroCd % 100 > 18))
            {
                continue;
            }

            var zipFeature = map.ZipPolygons.Locate(lon, lat);
            string? zip = zipFeature < 0 ? null : map.ZipPolygons.Features[zipFeature].Properties["zip"];
            if (zip is null ? !isLargePark : !map.ZipBorough.TryGetValue(zip, out var zipBorough) || zipBorough != borough)
            {
                continue;
            }

            points.Add(Build(map, random, borough, lat, lon, zip, boroCd, isLargePark ? LargeParks[boroCd] : null));
        }

        return [.. points];
    }

    private static PoolPoint Build(NycMap map, SimulationRandom random, int borough, double lat, double lon, string? zip, int boroCd, string? parkName)
    {
        var streets = zip is not null && map.StreetsByZip.TryGetValue(zip, out var zipStreets) && zipStreets.Length >= 3
            ? zipStreets
            : map.StreetsByBorough[borough];
        var street = streets[random.NextInt(streets.Length)];
        var cross1 = OtherStreet(streets, random, street, street);
        var cross2 = OtherStreet(streets, random, street, cross1);
        var house = HouseNumber(random, borough);
        var (x, y) = StatePlane.Project(lat, lon);
        return new PoolPoint
        {
            Borough = borough,
            Latitude = lat,
            Longitude = lon,
            LatitudeText = lat.ToString("R", CultureInfo.InvariantCulture),
            LongitudeText = lon.ToString("R", CultureInfo.InvariantCulture),
            XText = x.ToString(CultureInfo.InvariantCulture),
            YText = y.ToString(CultureInfo.InvariantCulture),
            Zip = zip,
            City = zip is not null && map.PostalCity.TryGetValue(zip, out var city) ? city : DefaultCity[borough],
            CommunityBoard = $"{boroCd % 100:00} {Boroughs.All[borough]}",
            Bbl = random.Chance(0.9) ? Bbl(random, borough) : null,
            HouseNumber = house,
            Street = street,
            Address = parkName is null ? $"{house} {street}" : parkName.ToUpperInvariant(),
            CrossStreet1 = cross1,
            CrossStreet2 = cross2,
            ParkName = parkName,
        };
    }

    private static string OtherStreet(string[] streets, SimulationRandom random, string a, string b)
    {
        for (var attempt = 0; attempt < 16; attempt++)
        {
            var candidate = streets[random.NextInt(streets.Length)];
            if (candidate != a && candidate != b)
            {
                return candidate;
            }
        }

        return streets[random.NextInt(streets.Length)];
    }

    // Queens numbers houses by the cross street ("31-42"); the other boroughs count along the street.
    private static string HouseNumber(SimulationRandom random, int borough) => borough switch
    {
        3 => $"{random.NextInt(1, 270)}-{random.NextInt(1, 99):00}",
        0 => random.NextInt(1, 2500).ToString(CultureInfo.InvariantCulture),
        1 => random.NextInt(1, 4500).ToString(CultureInfo.InvariantCulture),
        2 => random.NextInt(1, 3000).ToString(CultureInfo.InvariantCulture),
        _ => random.NextInt(1, 1200).ToString(CultureInfo.InvariantCulture),
    };

    // Borough digit, 5-digit tax block, 4-digit lot; block ranges roughly those of each borough.
    private static string Bbl(SimulationRandom random, int borough)
    {
        int[] maxBlock = [2255, 5958, 8955, 16350, 8050];
        var minBlock = borough == 1 ? 2260 : 1;
        var block = random.NextInt(minBlock, maxBlock[borough]);
        var u = random.NextDouble();
        var lot = u < 0.9 ? random.NextInt(1, 150) : u < 0.95 ? random.NextInt(1001, 1200) : random.NextInt(7501, 7600);
        return string.Create(CultureInfo.InvariantCulture, $"{borough + 1}{block:00000}{lot:0000}");
    }

    private static (double MinLon, double MinLat, double MaxLon, double MaxLat) Bounds(Feature feature)
    {
        double minLon = double.MaxValue, minLat = double.MaxValue, maxLon = double.MinValue, maxLat = double.MinValue;
        foreach (var ring in feature.Rings)
        {
            foreach (var (lon, lat) in ring)
            {
                minLon = Math.Min(minLon, lon);
                maxLon = Math.Max(maxLon, lon);
                minLat = Math.Min(minLat, lat);
                maxLat = Math.Max(maxLat, lat);
            }
        }

        return (minLon, minLat, maxLon, maxLat);
    }
}

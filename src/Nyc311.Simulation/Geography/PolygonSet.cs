namespace Nyc311.Simulation.Geography;

/// <summary>
/// A set of non-overlapping (multi)polygon features in longitude/latitude with a latitude-band edge
/// index, so "which feature holds this point" costs a few dozen edge tests instead of thousands.
/// The even-odd rule over all rings of a feature handles holes and multi-part features.
/// </summary>
internal sealed class PolygonSet
{
    private const int BandCount = 1024;

    private readonly Edge[][] _bands;
    private readonly Group[][] _groups;
    private readonly (double MinLon, double MinLat, double MaxLon, double MaxLat)[] _boxes;
    private readonly double _minLat;
    private readonly double _bandHeight;

    public PolygonSet(IReadOnlyList<Feature> features)
    {
        Features = features;
        var edges = new List<Edge>();
        double minLon = double.MaxValue, minLat = double.MaxValue, maxLon = double.MinValue, maxLat = double.MinValue;
        for (var f = 0; f < features.Count; f++)
        {
            foreach (var ring in features[f].Rings)
            {
                for (var i = 0; i + 1 < ring.Length; i++)
                {
                    var (x1, y1) = ring[i];
                    var (x2, y2) = ring[i + 1];
                    if (y1 != y2)
                    {
                        edges.Add(new Edge(f, x1, y1, x2, y2));
                    }

                    minLon = Math.Min(minLon, x1);
                    maxLon = Math.Max(maxLon, x1);
                    minLat = Math.Min(minLat, y1);
                    maxLat = Math.Max(maxLat, y1);
                }
            }
        }

        MinLongitude = minLon;
        MaxLongitude = maxLon;
        MinLatitude = minLat;
        MaxLatitude = maxLat;
        _minLat = minLat;
        _bandHeight = (maxLat - minLat) / BandCount;

        var lists = new List<Edge>[BandCount];
        for (var b = 0; b < BandCount; b++)
        {
            lists[b] = [];
        }

        foreach (var edge in edges)
        {
            var lo = Band(Math.Min(edge.Y1, edge.Y2));
            var hi = Band(Math.Max(edge.Y1, edge.Y2));
            for (var b = lo; b <= hi; b++)
            {
                lists[b].Add(edge);
            }
        }

        // Grouped by feature so one pass can finish a feature's parity before the next starts, and
        // a feature whose bounding box misses the point is skipped whole.
        _bands = [.. lists.Select(l => l.OrderBy(e => e.Feature).ToArray())];
        _groups = [.. _bands.Select(GroupsOf)];
        _boxes = [.. features.Select(BoxOf)];
    }

    public IReadOnlyList<Feature> Features { get; }

    public double MinLongitude { get; }

    public double MaxLongitude { get; }

    public double MinLatitude { get; }

    public double MaxLatitude { get; }

    /// <summary>The index of the feature holding the point, or -1 when none does.</summary>
    public int Locate(double longitude, double latitude)
    {
        if (latitude < MinLatitude || latitude >= MaxLatitude || longitude < MinLongitude || longitude > MaxLongitude)
        {
            return -1;
        }

        var band = Band(latitude);
        var edges = _bands[band];
        foreach (var group in _groups[band])
        {
            var box = _boxes[group.Feature];
            if (longitude < box.MinLon || longitude > box.MaxLon || latitude < box.MinLat || latitude > box.MaxLat)
            {
                continue;
            }

            var inside = false;
            for (var i = group.Start; i < group.End; i++)
            {
                var e = edges[i];
                if ((e.Y1 > latitude) != (e.Y2 > latitude))
                {
                    var x = e.X1 + ((latitude - e.Y1) * (e.X2 - e.X1) / (e.Y2 - e.Y1));
                    if (x > longitude)
                    {
                        inside = !inside;
                    }
                }
            }

            if (inside)
            {
                return group.Feature;
            }
        }

        return -1;
    }

    private static Group[] GroupsOf(Edge[] edges)
    {
        var groups = new List<Group>();
        for (var start = 0; start < edges.Length;)
        {
            var end = start;
            while (end < edges.Length && edges[end].Feature == edges[start].Feature)
            {
                end++;
            }

            groups.Add(new Group(edges[start].Feature, start, end));
            start = end;
        }

        return [.. groups];
    }

    private static (double, double, double, double) BoxOf(Feature feature)
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

    private int Band(double latitude) => Math.Clamp((int)((latitude - _minLat) / _bandHeight), 0, BandCount - 1);

    private readonly record struct Edge(int Feature, double X1, double Y1, double X2, double Y2);

    private readonly record struct Group(int Feature, int Start, int End);
}

/// <summary>One feature: its rings as (longitude, latitude) positions and its properties.</summary>
internal sealed record Feature(IReadOnlyList<(double Lon, double Lat)[]> Rings, IReadOnlyDictionary<string, string> Properties);

using System.Globalization;

namespace Nyc311.Simulation.Geography;

/// <summary>
/// A place requests can come from: a point inside its borough, with the ZIP area, community
/// district, State Plane coordinates and a street address of that ZIP, all formatted once.
/// </summary>
internal sealed class PoolPoint
{
    public required int Borough { get; init; }

    public required double Latitude { get; init; }

    public required double Longitude { get; init; }

    /// <summary>Shortest round-trip text, as the portal writes coordinates.</summary>
    public required string LatitudeText { get; init; }

    public required string LongitudeText { get; init; }

    public required string XText { get; init; }

    public required string YText { get; init; }

    /// <summary>The ZIP of the area holding the point, or null (big parks have none in the bundled layer).</summary>
    public required string? Zip { get; init; }

    public required string City { get; init; }

    /// <summary>"NN BOROUGH" as 311 writes it (joint interest areas such as Central Park are "64 MANHATTAN").</summary>
    public required string CommunityBoard { get; init; }

    /// <summary>10-digit borough-block-lot, or null when the address did not match a tax lot.</summary>
    public required string? Bbl { get; init; }

    public required string HouseNumber { get; init; }

    public required string Street { get; init; }

    /// <summary>House number and street, for example "1006 GERARD AVENUE" or "31-42 STEINWAY STREET".</summary>
    public required string Address { get; init; }

    public required string CrossStreet1 { get; init; }

    public required string CrossStreet2 { get; init; }

    /// <summary>The park holding the point, for points drawn inside a large park.</summary>
    public required string? ParkName { get; init; }

    /// <summary>The same place (address, ZIP, district) with other coordinates, as a geocoding error would give.</summary>
    public PoolPoint MovedTo(double latitude, double longitude)
    {
        var (x, y) = StatePlane.Project(latitude, longitude);
        return new PoolPoint
        {
            Borough = Borough,
            Latitude = latitude,
            Longitude = longitude,
            LatitudeText = latitude.ToString("R", CultureInfo.InvariantCulture),
            LongitudeText = longitude.ToString("R", CultureInfo.InvariantCulture),
            XText = x.ToString(CultureInfo.InvariantCulture),
            YText = y.ToString(CultureInfo.InvariantCulture),
            Zip = Zip,
            City = City,
            CommunityBoard = CommunityBoard,
            Bbl = Bbl,
            HouseNumber = HouseNumber,
            Street = Street,
            Address = Address,
            CrossStreet1 = CrossStreet1,
            CrossStreet2 = CrossStreet2,
            ParkName = ParkName,
        };
    }
}

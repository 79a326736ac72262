using Nyc311.Simulation.Generation;
using Nyc311.Simulation.Geography;
using Nyc311.Simulation.Model;

namespace Nyc311.Simulation;

// The typed state of a record. Values stay typed until written (writers format timestamps and keys
// straight into their buffers), which keeps generation cheap; the quality pass edits them in place.
public sealed partial class SimulatedRequest
{
    internal SimulatedRequest(ComplaintType type, int sequence, DateOnly day, int borough, PoolPoint point, AddressLayout layout)
    {
        Type = type;
        Sequence = sequence;
        Day = day;
        Borough = borough;
        Point = point;
        Layout = layout;
    }

    internal ComplaintType Type { get; }

    /// <summary>Position in generation order; breaks ties when sorting by creation time.</summary>
    internal int Sequence { get; }

    internal int Borough { get; }

    internal PoolPoint Point { get; set; }

    internal AddressLayout Layout { get; }

    internal bool HasCoordinates { get; set; }

    internal string Descriptor { get; set; } = string.Empty;

    internal string? LocationType { get; set; }

    internal DateTime Created { get; set; }

    internal DateTime? Closed { get; set; }

    internal DateTime? ResolutionUpdated { get; set; }

    internal DateTime? Due { get; set; }

    internal string Status { get; set; } = string.Empty;

    internal string? Resolution { get; set; }

    internal string Channel { get; set; } = string.Empty;

    internal string ParkFacility { get; set; } = string.Empty;

    internal string? Landmark { get; set; }

    internal string? FacilityType { get; set; }

    internal string? VehicleType { get; set; }

    internal string? TaxiCompanyBorough { get; set; }

    internal string? TaxiPickUpLocation { get; set; }

    /// <summary>Bridge, highway or subway line (<c>bridge_highway_name</c>).</summary>
    internal string? TransportName { get; set; }

    internal string? TransportDirection { get; set; }

    internal string? TransportRamp { get; set; }

    internal string? TransportSegment { get; set; }

    /// <summary>Community board override ("Unspecified MANHATTAN", "0 Unspecified"), or null for the point's.</summary>
    internal string? CommunityBoard { get; set; }

    internal bool GeoJsonLocation { get; set; }

    /// <summary>The key, or 0 when the record has none.</summary>
    internal long UniqueKey { get; set; }

    internal ulong RowId { get; set; }

    internal DateTime CreatedAtUtc { get; set; }

    internal DateTime UpdatedAtUtc { get; set; }

    // Values the quality pass forces in place of the typed ones.
    internal string? CreatedText { get; set; }

    internal string? ClosedText { get; set; }

    internal string? ComplaintTypeText { get; set; }

    internal bool BoroughUnspecified { get; set; }

    internal bool ParkBoroughUnspecified { get; set; }

    internal bool ZipRemoved { get; set; }

    internal SimulatedRequest Clone() => (SimulatedRequest)MemberwiseClone();
}

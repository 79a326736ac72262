using System.Globalization;
using Nyc311.Domain;
using Nyc311.Simulation.Generation;
using Nyc311.Simulation.Model;
using Nyc311.Simulation.Output;

namespace Nyc311.Simulation;

// How the typed state maps to the 41 published fields.
public sealed partial class SimulatedRequest
{
    /// <summary>
    /// The text of a field that is neither a timestamp nor the key nor <c>location</c>: always a
    /// shared string, so writing it allocates nothing.
    /// </summary>
    internal string? TextOf(int slot)
    {
        var point = Point;
        return slot switch
        {
            FieldSlots.Agency => Type.Agency.Code,
            FieldSlots.AgencyName => Type.Agency.Name,
            FieldSlots.ComplaintType => ComplaintTypeText ?? Type.Name,
            FieldSlots.Descriptor => Descriptor,
            FieldSlots.LocationType => LocationType,
            FieldSlots.IncidentZip => ZipRemoved || Type.Address is AddressKind.Subway or AddressKind.Bridge ? null : point.Zip,
            FieldSlots.IncidentAddress => Layout switch
            {
                AddressLayout.Address => point.Address,
                AddressLayout.Intersection or AddressLayout.Blockface => point.Street,
                AddressLayout.Unrecognized => point.ParkName is null ? point.Street : point.Address,
                _ => null,
            },
            FieldSlots.StreetName => Layout switch
            {
                AddressLayout.Address or AddressLayout.Intersection or AddressLayout.Blockface => point.Street,
                AddressLayout.Unrecognized => point.ParkName is null ? point.Street : point.Address,
                _ => null,
            },
            FieldSlots.CrossStreet1 or FieldSlots.IntersectionStreet1 => Layout switch
            {
                AddressLayout.None => null,
                AddressLayout.Intersection => point.Street,
                _ => point.CrossStreet1,
            },
            FieldSlots.CrossStreet2 or FieldSlots.IntersectionStreet2 => Layout switch
            {
                AddressLayout.None => null,
                AddressLayout.Intersection => point.CrossStreet1,
                _ => point.CrossStreet2,
            },
            FieldSlots.AddressType => Layout switch
            {
                AddressLayout.Address => "ADDRESS",
                AddressLayout.Intersection => "INTERSECTION",
                AddressLayout.Blockface => "BLOCKFACE",
                AddressLayout.Unrecognized => "UNRECOGNIZED",
                _ => null,
            },
            FieldSlots.City => Layout is AddressLayout.None or AddressLayout.Intersection || (BoroughUnspecified && ZipRemoved) ? null : point.City,
            FieldSlots.Landmark => Landmark,
            FieldSlots.FacilityType => FacilityType,
            FieldSlots.Status => Status,
            FieldSlots.ResolutionDescription => Resolution,
            FieldSlots.CommunityBoard => CommunityBoard ?? point.CommunityBoard,
            FieldSlots.Bbl => Layout == AddressLayout.Address ? point.Bbl : null,
            FieldSlots.Borough => BoroughUnspecified ? Boroughs.Unspecified : Boroughs.All[Borough],
            FieldSlots.XCoordinate => HasCoordinates ? point.XText : null,
            FieldSlots.YCoordinate => HasCoordinates ? point.YText : null,
            FieldSlots.OpenDataChannelType => Channel,
            FieldSlots.ParkFacilityName => ParkFacility,
            FieldSlots.ParkBorough => ParkBoroughUnspecified ? Boroughs.Unspecified : Boroughs.All[Borough],
            FieldSlots.VehicleType => VehicleType,
            FieldSlots.TaxiCompanyBorough => TaxiCompanyBorough,
            FieldSlots.TaxiPickUpLocation => TaxiPickUpLocation,
            FieldSlots.BridgeHighwayName => TransportName,
            FieldSlots.BridgeHighwayDirection => TransportDirection,
            FieldSlots.RoadRamp => TransportRamp,
            FieldSlots.BridgeHighwaySegment => TransportSegment,
            FieldSlots.Latitude => HasCoordinates ? point.LatitudeText : null,
            FieldSlots.Longitude => HasCoordinates ? point.LongitudeText : null,
            _ => throw new ArgumentOutOfRangeException(nameof(slot), slot, "not a text field"),
        };
    }

    /// <summary>A timestamp field: its New York wall-clock value, or the forced text of a corrupted one.</summary>
    internal (DateTime? Value, string? Text) TimestampOf(int slot) => slot switch
    {
        FieldSlots.CreatedDate => CreatedText is null ? (Created, null) : (null, CreatedText),
        FieldSlots.ClosedDate => ClosedText is null ? (Closed, null) : (null, ClosedText),
        FieldSlots.DueDate => (Due, null),
        FieldSlots.ResolutionActionUpdatedDate => (ResolutionUpdated, null),
        _ => throw new ArgumentOutOfRangeException(nameof(slot), slot, "not a timestamp field"),
    };

    /// <summary>The published (API form) string of any field slot, or null when absent.</summary>
    internal string? ValueOf(int slot)
    {
        if (slot == FieldSlots.UniqueKey)
        {
            return UniqueKey == 0 ? null : UniqueKey.ToString(CultureInfo.InvariantCulture);
        }

        if (slot == FieldSlots.Location)
        {
            return LocationJson();
        }

        if (FieldSlots.IsTimestamp(slot))
        {
            var (value, text) = TimestampOf(slot);
            return text ?? (value is { } v ? Timestamps.Api(v) : null);
        }

        return TextOf(slot);
    }
}

using Nyc311.Domain;

namespace Nyc311.Simulation;

/// <summary>Positions of the fields in <see cref="ServiceRequestFields.CsvExport"/> order.</summary>
internal static class FieldSlots
{
    public const int UniqueKey = 0;
    public const int CreatedDate = 1;
    public const int ClosedDate = 2;
    public const int Agency = 3;
    public const int AgencyName = 4;
    public const int ComplaintType = 5;
    public const int Descriptor = 6;
    public const int LocationType = 7;
    public const int IncidentZip = 8;
    public const int IncidentAddress = 9;
    public const int StreetName = 10;
    public const int CrossStreet1 = 11;
    public const int CrossStreet2 = 12;
    public const int IntersectionStreet1 = 13;
    public const int IntersectionStreet2 = 14;
    public const int AddressType = 15;
    public const int City = 16;
    public const int Landmark = 17;
    public const int FacilityType = 18;
    public const int Status = 19;
    public const int DueDate = 20;
    public const int ResolutionDescription = 21;
    public const int ResolutionActionUpdatedDate = 22;
    public const int CommunityBoard = 23;
    public const int Bbl = 24;
    public const int Borough = 25;
    public const int XCoordinate = 26;
    public const int YCoordinate = 27;
    public const int OpenDataChannelType = 28;
    public const int ParkFacilityName = 29;
    public const int ParkBorough = 30;
    public const int VehicleType = 31;
    public const int TaxiCompanyBorough = 32;
    public const int TaxiPickUpLocation = 33;
    public const int BridgeHighwayName = 34;
    public const int BridgeHighwayDirection = 35;
    public const int RoadRamp = 36;
    public const int BridgeHighwaySegment = 37;
    public const int Latitude = 38;
    public const int Longitude = 39;
    public const int Location = 40;
    public const int Count = 41;

    /// <summary>Slots holding New York wall-clock timestamps (written differently by CSV and JSON).</summary>
    public static bool IsTimestamp(int slot) => slot is CreatedDate or ClosedDate or DueDate or ResolutionActionUpdatedDate;

    private static readonly Dictionary<string, int> SlotByApiName =
        ServiceRequestFields.CsvExport.Select((f, i) => (f.ApiName, i)).ToDictionary(x => x.ApiName, x => x.i, StringComparer.Ordinal);

    public static int SlotOf(string apiName) => SlotByApiName.TryGetValue(apiName, out var slot) ? slot : -1;
}

using Nyc311.Domain;
using Nyc311.Simulation.Geography;
using Nyc311.Simulation.Model;

namespace Nyc311.Simulation.Generation;

internal sealed partial class RequestBuilder
{
    // Status of requests not closed at publication, from the 2022-2023 status table without CLOSED.
    private static readonly WeightedChoice<string> OpenStatuses = new(
    [
        ("In Progress", 190_218), ("Open", 38_323), ("Pending", 14_389), ("Assigned", 14_200), ("Unspecified", 2_396), ("Started", 1_961),
    ]);

    private static readonly WeightedChoice<string> VehicleTypes = new([("Car Service", 80), ("Commuter Van", 10), ("Ambulette / Paratransit", 10)]);

    private static readonly DateOnly EndOfFacilityTypes = new(2020, 1, 1);

    /// <summary>
    /// Channel by year (modelled): phone falls from 75% in 2010 to 15% from 2022, the rest splits
    /// online 60% / mobile 40%; DOT's sensor-like types report UNKNOWN.
    /// </summary>
    private static string DrawChannel(ComplaintType type, DateOnly date, SimulationRandom random)
    {
        if (type.Agency.Code == "DOT" && type.Name is "Street Light Condition" or "Traffic Signal Condition" && random.Chance(0.5))
        {
            return "UNKNOWN";
        }

        var phone = Math.Max(0.15, 0.75 - (0.05 * (date.Year - 2010)));
        var u = random.NextDouble();
        return u < 0.005 ? "UNKNOWN" : u < phone ? "PHONE" : u < phone + ((1 - phone) * 0.6) ? "ONLINE" : "MOBILE";
    }

    private static string? FacilityTypeFor(ComplaintType type, DateOnly date) => type.Agency.Code switch
    {
        "DOT" when type.Name is "Street Condition" or "Traffic Signal Condition" => "N/A",
        "NYPD" when date < EndOfFacilityTypes => "Precinct",
        "DSNY" when date < EndOfFacilityTypes => "DSNY Garage",
        _ => null,
    };

    private static readonly string[] UnspecifiedBoards = [.. Boroughs.All.Select(b => $"Unspecified {b}")];

    private static void FillVehicleFields(SimulatedRequest request, ComplaintType type, PoolPoint point, int borough, AddressLayout layout, SimulationRandom random)
    {
        if (type.Agency.Code != "TLC")
        {
            return;
        }

        request.VehicleType = type.Name == "For Hire Vehicle Complaint" ? VehicleTypes.Next(random) : null;
        request.TaxiCompanyBorough = type.Name == "Taxi Complaint" && random.Chance(0.3) ? Boroughs.All[random.NextInt(5)] : null;
        request.TaxiPickUpLocation = random.Chance(0.6) ? TaxiPickUp(point, borough, layout) : null;
    }

    private static void FillTransportFields(SimulatedRequest draft, ComplaintType type, int borough, SimulationRandom random)
    {
        switch (type.Address)
        {
            case AddressKind.Subway:
                draft.CommunityBoard = UnspecifiedBoards[borough];
                SetTransport(draft, PlaceNames.SubwayLines[random.NextInt(PlaceNames.SubwayLines.Length)], null, null, PlaceNames.SubwaySegments[random.NextInt(PlaceNames.SubwaySegments.Length)]);
                break;
            case AddressKind.Bridge:
                draft.CommunityBoard = UnspecifiedBoards[borough];
                var bridges = PlaceNames.Bridges[borough];
                SetTransport(draft, bridges[random.NextInt(bridges.Length)], PlaceNames.BridgeDirections[random.NextInt(PlaceNames.BridgeDirections.Length)], "Roadway", PlaceNames.BridgeSegments[random.NextInt(PlaceNames.BridgeSegments.Length)]);
                break;
            case AddressKind.Highway:
                var highways = PlaceNames.Highways[borough];
                SetTransport(draft, highways[random.NextInt(highways.Length)], PlaceNames.HighwayDirections[random.NextInt(PlaceNames.HighwayDirections.Length)], random.Chance(0.8) ? "Roadway" : "Ramp", $"Exit {random.NextInt(1, 30)}");
                break;
            default:
                if (draft.Layout == AddressLayout.Blockface && random.Chance(0.5))
                {
                    draft.CommunityBoard = UnspecifiedBoards[borough];
                }

                break;
        }
    }

    private static void SetTransport(SimulatedRequest draft, string name, string? direction, string? ramp, string? segment)
    {
        draft.TransportName = name;
        draft.TransportDirection = direction;
        draft.TransportRamp = ramp;
        draft.TransportSegment = segment;
    }

    /// <summary>The taxi pick-up text as 311 writes it: "354 GREENWICH STREET, MANHATTAN (NEW YORK), NY, 10013".</summary>
    private static string TaxiPickUp(PoolPoint point, int borough, AddressLayout layout)
    {
        var boroughName = Boroughs.All[borough];
        var zip = point.Zip ?? string.Empty;
        return layout == AddressLayout.Address
            ? $"{point.Address}, {boroughName} ({point.City}), NY, {zip}"
            : $"{point.Street} AND {point.CrossStreet1}, {boroughName}, NY, {zip}";
    }
}

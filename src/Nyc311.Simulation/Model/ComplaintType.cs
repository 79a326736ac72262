namespace Nyc311.Simulation.Model;

/// <summary>How a type's location fields are filled.</summary>
internal enum AddressKind
{
    /// <summary>A building address (house number and street).</summary>
    Building,

    /// <summary>A street location: an address, an intersection or a block face.</summary>
    Street,

    /// <summary>A park: a large-park point or a named neighbourhood park.</summary>
    Park,

    /// <summary>A subway station: no address, the line in the bridge/highway fields.</summary>
    Subway,

    /// <summary>A bridge: no address or coordinates, the bridge in the bridge/highway fields.</summary>
    Bridge,

    /// <summary>A highway: the highway in the bridge/highway fields, coordinates kept.</summary>
    Highway,

    /// <summary>A taxi trip: an address plus the taxi pick-up location text.</summary>
    Taxi,
}

/// <summary>One complaint type as one agency handles it, with every modelled parameter.</summary>
internal sealed class ComplaintType
{
    public required int Index { get; init; }

    public required string Name { get; init; }

    public required Agency Agency { get; init; }

    /// <summary>Share of all requests created 2022-2023, 0..1 (the calibration target).</summary>
    public required double Share { get; init; }

    /// <summary>A = published share; M = modelled split of the agency's published total; B = 2017-era type.</summary>
    public required char Source { get; init; }

    public required BoroughProfile Boroughs { get; init; }

    public required SeasonProfile Season { get; init; }

    public required WeekdayProfile Weekday { get; init; }

    public required HourProfile Hour { get; init; }

    public required AddressKind Address { get; init; }

    /// <summary>Median hours from creation to closing (lognormal).</summary>
    public required double MedianHoursToClose { get; init; }

    /// <summary>Log-scale spread of the time to close.</summary>
    public required double CloseSigma { get; init; }

    /// <summary>Share of requests that are never closed, 0..1.</summary>
    public required double NeverClosedShare { get; init; }

    /// <summary>First day the type exists, or null for the whole history.</summary>
    public required DateOnly? Since { get; init; }

    /// <summary>First day the type no longer exists, or null.</summary>
    public required DateOnly? Until { get; init; }

    public required WeightedChoice<string> LocationTypes { get; init; }

    public required WeightedChoice<string> Descriptors { get; init; }

    public bool IsStreetFlooding => Name == "Street Flooding";

    public bool ExistsOn(DateOnly date) => (Since is null || date >= Since) && (Until is null || date < Until);

    public override string ToString() => $"{Name} ({Agency.Code})";
}

/// <summary>An agency as the portal names it, with how its open requests and due dates look.</summary>
internal sealed class Agency
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    /// <summary>The status an open request of this agency usually shows ("In Progress", "Open").</summary>
    public required string OpenStatus { get; init; }

    /// <summary>Hours from creation to the due date, for exports before 2020 (modelled).</summary>
    public required double DueHours { get; init; }

    public required WeightedChoice<string>? ClosedResolutions { get; init; }

    public required WeightedChoice<string>? OpenResolutions { get; init; }

    public override string ToString() => Code;
}

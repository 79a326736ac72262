namespace Nyc311.Simulation.Generation;

/// <summary>Names of real NYC places used in the park, highway, bridge and subway fields (modelled choice).</summary>
internal static class PlaceNames
{
    /// <summary>Neighbourhood parks per borough index (Manhattan, Bronx, Brooklyn, Queens, Staten Island).</summary>
    public static readonly string[][] Parks =
    [
        ["Inwood Hill Park", "Riverside Park", "Fort Tryon Park", "Washington Square Park", "Tompkins Square Park", "Morningside Park", "Greeley Square Park", "Carl Schurz Park", "Highbridge Park"],
        ["Crotona Park", "Claremont Park", "St. Mary's Park", "Fordham Landing Playground", "Soundview Park", "Williamsbridge Oval"],
        ["McCarren Park", "Fort Greene Park", "Sunset Park", "Dyker Beach Park", "Maria Hernandez Park", "Herbert Von King Park"],
        ["Astoria Park", "Juniper Valley Park", "Kissena Park", "Cunningham Park", "Baisley Pond Park", "Marie Curie Playground"],
        ["Clove Lakes Park", "Silver Lake Park", "Westerleigh Park", "Willowbrook Park", "Conference House Park", "Wolfe's Pond Park"],
    ];

    /// <summary>Highways per borough index, abbreviated as the portal's bridge/highway field does.</summary>
    public static readonly string[][] Highways =
    [
        ["FDR Dr", "Harlem River Dr", "Henry Hudson Pkwy", "West Side Hwy"],
        ["Cross Bronx Expwy", "Major Deegan Expwy", "Bruckner Expwy", "Bronx River Pkwy"],
        ["BQE/Gowanus Expwy", "Belt Pkwy", "Prospect Expwy", "Jackie Robinson Pkwy"],
        ["Long Island Expwy", "Grand Central Pkwy", "Van Wyck Expwy", "Clearview Expwy"],
        ["Staten Island Expwy", "West Shore Expwy", "Korean War Veterans Pkwy"],
    ];

    /// <summary>East River and Harlem River bridges by the borough the request names.</summary>
    public static readonly string[][] Bridges =
    [
        ["Queensboro/59th St Br", "Williamsburg Br", "Manhattan Br", "Brooklyn Br", "Macombs Dam Br"],
        ["Macombs Dam Br", "Willis Ave Br", "Third Ave Br"],
        ["Brooklyn Br", "Manhattan Br", "Williamsburg Br"],
        ["Queensboro/59th St Br", "Pulaski Br"],
        ["Goethals Br"],
    ];

    public static readonly string[] BridgeDirections = ["Manhattan Bound", "Brooklyn Bound", "Queens Bound", "Bronx Bound", "Both Directions"];

    public static readonly string[] HighwayDirections = ["North/Northbound", "South/Southbound", "East/Eastbound", "West/Westbound"];

    public static readonly string[] SubwayLines = ["1", "2", "3", "4", "5", "6", "7", "A", "B", "C", "D", "E", "F", "G", "J", "L", "M", "N", "Q", "R", "W", "Z"];

    public static readonly string[] SubwaySegments = ["Platform", "Mezzanine", "Stairway", "Other"];

    public static readonly string[] BridgeSegments = ["Roadway", "Upper Level", "Lower Level", "Walkway"];
}

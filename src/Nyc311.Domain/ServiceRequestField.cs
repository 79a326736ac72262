namespace Nyc311.Domain;

/// <summary>
/// One field of a 311 service request: its name in the Socrata API (SODA 2.x, dataset erm2-nwe9)
/// and its header in the portal's 41-column CSV export.
/// </summary>
public sealed record ServiceRequestField(string ApiName, string CsvHeader);

/// <summary>The field catalog shared by ingestion, the simulator and the silver transform.</summary>
public static class ServiceRequestFields
{
    /// <summary>The 41 columns of the portal's CSV export, in export order, with their API names.</summary>
    public static IReadOnlyList<ServiceRequestField> CsvExport { get; } =
    [
        new("unique_key", "Unique Key"),
        new("created_date", "Created Date"),
        new("closed_date", "Closed Date"),
        new("agency", "Agency"),
        new("agency_name", "Agency Name"),
        new("complaint_type", "Complaint Type"),
        new("descriptor", "Descriptor"),
        new("location_type", "Location Type"),
        new("incident_zip", "Incident Zip"),
        new("incident_address", "Incident Address"),
        new("street_name", "Street Name"),
        new("cross_street_1", "Cross Street 1"),
        new("cross_street_2", "Cross Street 2"),
        new("intersection_street_1", "Intersection Street 1"),
        new("intersection_street_2", "Intersection Street 2"),
        new("address_type", "Address Type"),
        new("city", "City"),
        new("landmark", "Landmark"),
        new("facility_type", "Facility Type"),
        new("status", "Status"),
        new("due_date", "Due Date"),
        new("resolution_description", "Resolution Description"),
        new("resolution_action_updated_date", "Resolution Action Updated Date"),
        new("community_board", "Community Board"),
        new("bbl", "BBL"),
        new("borough", "Borough"),
        new("x_coordinate_state_plane", "X Coordinate (State Plane)"),
        new("y_coordinate_state_plane", "Y Coordinate (State Plane)"),
        new("open_data_channel_type", "Open Data Channel Type"),
        new("park_facility_name", "Park Facility Name"),
        new("park_borough", "Park Borough"),
        new("vehicle_type", "Vehicle Type"),
        new("taxi_company_borough", "Taxi Company Borough"),
        new("taxi_pick_up_location", "Taxi Pick Up Location"),
        new("bridge_highway_name", "Bridge Highway Name"),
        new("bridge_highway_direction", "Bridge Highway Direction"),
        new("road_ramp", "Road Ramp"),
        new("bridge_highway_segment", "Bridge Highway Segment"),
        new("latitude", "Latitude"),
        new("longitude", "Longitude"),
        new("location", "Location"),
    ];

    /// <summary>Socrata system fields, returned when a query selects <c>:*</c>.</summary>
    public static IReadOnlyList<string> SystemFields { get; } = [":id", ":created_at", ":updated_at"];

    private static readonly Dictionary<string, string> ApiNameByHeader =
        CsvExport.ToDictionary(f => f.CsvHeader, f => f.ApiName, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The API name for a CSV export header; headers outside the catalog map to a snake_case form,
    /// so a column the portal adds later still lands under a predictable name.
    /// </summary>
    public static string ApiNameForCsvHeader(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (ApiNameByHeader.TryGetValue(header.Trim(), out var name))
        {
            return name;
        }

        var chars = new System.Text.StringBuilder(header.Length);
        foreach (var c in header.Trim())
        {
            if (char.IsLetterOrDigit(c))
            {
                chars.Append(char.ToLowerInvariant(c));
            }
            else if (chars.Length > 0 && chars[^1] != '_')
            {
                chars.Append('_');
            }
        }

        return chars.ToString().TrimEnd('_');
    }
}

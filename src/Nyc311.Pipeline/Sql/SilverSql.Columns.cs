namespace Nyc311.Pipeline.Sql;

public static partial class SilverSql
{
    /// <summary>A silver column and how the last step of the silver statement computes it.</summary>
    private sealed record SilverColumn(SqlColumn Column, Func<ISqlDialect, string> Expression);

    private static SilverColumn Computed(string name, SqlType type, string description) =>
        new(new SqlColumn(name, type, description), _ => name);

    private static SilverColumn Trimmed(string name, string description) =>
        new(new SqlColumn(name, SqlType.String, description), _ => Clean(Raw(name)));

    private static SilverColumn Collapsed(string name, string description) =>
        new(new SqlColumn(name, SqlType.String, description), d => Collapse(d, Raw(name)));

    private static readonly SilverColumn[] Definitions =
    [
        Computed("unique_key", SqlType.BigInt, "The request's id (the portal's Unique Key)"),
        Computed("created_date", SqlType.LocalTimestamp, "When the request was created, New York wall-clock time as published"),
        Computed("closed_date", SqlType.LocalTimestamp, "When it was closed, New York wall-clock time; null while open"),
        Computed("due_date", SqlType.LocalTimestamp, "When the agency is due to respond, New York wall-clock time; null when absent or unparseable (DQ011)"),
        Computed("resolution_action_updated_date", SqlType.LocalTimestamp, "When the resolution was last updated, New York wall-clock time; null when absent or unparseable (DQ012)"),
        new(new SqlColumn("agency", SqlType.String, "Agency code, upper case (NYPD, HPD, ...)"), d => $"upper({Collapse(d, Raw("agency"))})"),
        Trimmed("agency_name", "Agency name as published, trimmed"),
        Computed("complaint_type", SqlType.String, "Complaint type: the portal's spelling from the complaint type reference when known (matched ignoring case and spacing), otherwise as published with spacing collapsed"),
        Collapsed("descriptor", "Descriptor as published, whitespace collapsed and trimmed (case kept)"),
        Collapsed("location_type", "Location type, whitespace collapsed"),
        Computed("incident_zip", SqlType.String, "Five-digit ZIP code (ZIP+4 cut to five); null when not a ZIP (DQ013)"),
        Trimmed("incident_address", "Address as published, trimmed"),
        Trimmed("street_name", "Street as published, trimmed"),
        Trimmed("cross_street_1", "Cross street as published, trimmed"),
        Trimmed("cross_street_2", "Cross street as published, trimmed"),
        Trimmed("intersection_street_1", "Intersection street as published, trimmed"),
        Trimmed("intersection_street_2", "Intersection street as published, trimmed"),
        Collapsed("address_type", "ADDRESS, INTERSECTION, BLOCKFACE, ..."),
        Trimmed("city", "City as published, trimmed"),
        Trimmed("landmark", "Landmark as published, trimmed"),
        Collapsed("facility_type", "Facility type"),
        Collapsed("status", "Status (Open, In Progress, Closed, ...)"),
        Trimmed("resolution_description", "Resolution text as published, trimmed"),
        Collapsed("community_board", "Community board as published (\"04 BRONX\")"),
        Computed("bbl", SqlType.String, "Borough-block-lot, 10 digits; null when not 10 digits"),
        Computed("borough", SqlType.String, "MANHATTAN, BRONX, BROOKLYN, QUEENS or STATEN ISLAND (never Unspecified: unrecovered rows are rejected by DQ006)"),
        Computed("borough_source", SqlType.String, "How the borough was obtained: reported, zip (from incident_zip) or park_borough"),
        Computed("x_coordinate_state_plane", SqlType.Double, "X in NY State Plane Long Island (EPSG:2263), feet"),
        Computed("y_coordinate_state_plane", SqlType.Double, "Y in NY State Plane Long Island (EPSG:2263), feet"),
        Collapsed("open_data_channel_type", "PHONE, ONLINE, MOBILE, UNKNOWN, ..."),
        Trimmed("park_facility_name", "Park facility as published, trimmed"),
        Computed("park_borough", SqlType.String, "Park borough as a canonical borough name, null when it names none"),
        Trimmed("vehicle_type", "Vehicle type as published, trimmed"),
        Trimmed("taxi_company_borough", "Taxi company borough as published, trimmed"),
        Trimmed("taxi_pick_up_location", "Taxi pick-up location as published, trimmed"),
        Trimmed("bridge_highway_name", "Bridge or highway as published, trimmed"),
        Trimmed("bridge_highway_direction", "Direction as published, trimmed"),
        Trimmed("road_ramp", "Road or ramp as published, trimmed"),
        Trimmed("bridge_highway_segment", "Segment as published, trimmed"),
        Computed("latitude", SqlType.Double, "WGS84 latitude, degrees: the latitude field, else the location field (any shape); null when absent"),
        Computed("longitude", SqlType.Double, "WGS84 longitude, degrees: the longitude field, else the location field (any shape); null when absent"),
        Computed("created_day", SqlType.Date, "Calendar day of created_date in New York"),
        Computed("created_month", SqlType.Date, "First day of the month of created_day (silver partition column)"),
        Computed("created_day_of_week", SqlType.Int, "ISO day of week of created_day, 1 = Monday to 7 = Sunday"),
        Computed("created_is_weekend", SqlType.Boolean, "True on Saturday and Sunday"),
        Computed("created_hour", SqlType.Int, "Hour of created_date, 0-23, New York wall clock"),
        Computed("holiday_name", SqlType.String, "The holiday on created_day (observed days included, names joined by \" / \"), or null"),
        Computed("is_us_holiday", SqlType.Boolean, "True when created_day is a US federal holiday or its observed day"),
        Computed("is_nyc_holiday", SqlType.Boolean, "True when New York City government observes a holiday on created_day (federal or City-only)"),
        Computed("hours_to_close", SqlType.Double, "Hours from created_date to closed_date, elapsed time across DST changes; null while open"),
        Computed("dq_warnings", SqlType.String, "Ids of the warning rules the row failed, comma separated in priority order (DQ011,DQ013), or null"),
        Computed("socrata_id", SqlType.String, "Socrata :id (API only)"),
        Computed("socrata_created_at", SqlType.Instant, "Socrata :created_at (API only)"),
        Computed("socrata_updated_at", SqlType.Instant, "Socrata :updated_at (API only); first key of the version order"),
        Computed("_batch_id", SqlType.String, "Bronze batch the row came from"),
        Computed("_source", SqlType.String, "api, csv or json"),
        Computed("_dataset", SqlType.String, "Socrata dataset id"),
        Computed("_source_file", SqlType.String, "Source file, for file sources"),
        Computed("_source_line", SqlType.BigInt, "1-based line in the source file"),
        Computed("_record_number", SqlType.BigInt, "0-based position in the bronze batch"),
        Computed("_ingested_at", SqlType.Instant, "When the bronze batch was ingested (UTC)"),
    ];

    /// <summary>
    /// The silver schema (<c>silver.service_requests</c>), in order. Partition column: <c>created_month</c>.
    /// Key: <c>unique_key</c>. Text fields are trimmed with empty text as null.
    /// </summary>
    public static IReadOnlyList<SqlColumn> Columns { get; } = [.. Definitions.Select(d => d.Column)];

    /// <summary>
    /// The columns of the checked relation (<see cref="Checked"/>): <see cref="Columns"/> for every bronze row
    /// (typed values null where unparseable), then the verdict: <c>dq_rule_id</c>, <c>dq_reason</c>,
    /// <c>dq_failed_rules</c>, <c>dq_raw_unique_key</c>, <c>dq_raw_record</c> and <c>_ingest_date</c>.
    /// </summary>
    public static IReadOnlyList<SqlColumn> CheckedColumns { get; } =
    [
        .. Columns,
        new("dq_rule_id", SqlType.String, "The first rejecting rule the row failed, by priority; null when accepted"),
        new("dq_reason", SqlType.String, "Why, naming the offending value; null when accepted"),
        new("dq_failed_rules", SqlType.String, "Every rule the row failed (rejecting and warning), comma separated in priority order; null when none"),
        new("dq_raw_unique_key", SqlType.String, "unique_key as received, trimmed"),
        new("dq_raw_record", SqlType.String, "The bronze row as JSON text; only for rejected rows"),
        new("_ingest_date", SqlType.Date, "UTC date of _ingested_at (bronze partition)"),
    ];

    private static string Raw(string field) => "raw_" + field;

    /// <summary>Trimmed text, empty as null.</summary>
    internal static string Clean(string text) => $"NULLIF(trim({text}), '')";

    /// <summary>Runs of whitespace as one space, trimmed, empty as null.</summary>
    internal static string Collapse(ISqlDialect dialect, string text) =>
        $"NULLIF(trim({dialect.CollapseWhitespace(text)}), '')";

    /// <summary>The silver columns as select-list items over the last step of the silver statement.</summary>
    internal static IEnumerable<string> FinalColumns(ISqlDialect dialect)
    {
        foreach (var definition in Definitions)
        {
            var expression = definition.Expression(dialect);
            yield return expression == definition.Column.Name ? expression : $"{expression} AS {definition.Column.Name}";
        }
    }
}

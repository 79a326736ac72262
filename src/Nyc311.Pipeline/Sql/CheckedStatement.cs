using Nyc311.Pipeline.Quality;

namespace Nyc311.Pipeline.Sql;

/// <summary>
/// Renders the silver statement in steps (common table expressions): <c>received</c> renames the bronze strings
/// to <c>raw_*</c>; <c>cleaned</c> trims them; <c>typed</c> parses them; <c>enriched</c> joins the reference
/// relations, recovers boroughs and derives calendar columns; <c>flagged</c> evaluates every rule; <c>judged</c>
/// turns the flags into a verdict. The last SELECT names the columns.
/// </summary>
internal static class CheckedStatement
{
    private const string NumberPattern = @"^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$";
    private const string ParenthesizedPointPattern = @"^\(\s*([-+]?[0-9.]+)\s*,\s*([-+]?[0-9.]+)\s*\)$";

    public static string Render(ISqlDialect d, string bronze, SilverOptions options)
    {
        var checks = RuleSql.Checks(d, options);
        var rejecting = checks.Where(c => c.Rule.Severity == RuleSeverity.Reject).ToList();
        var warning = checks.Where(c => c.Rule.Severity == RuleSeverity.Warn).ToList();
        var q = d.QuoteIdentifier;

        return $"""
            WITH received AS (
                SELECT
                    {SqlText.List(Received(), 8)}
                FROM {bronze} AS b
            ),
            cleaned AS (
                SELECT
                    r.*,
                    {SqlText.List(Cleaned(d), 8)}
                FROM received AS r
            ),
            typed AS (
                SELECT
                    c.*,
                    {SqlText.List(Typed(d), 8)}
                FROM cleaned AS c
            ),
            enriched AS (
                SELECT
                    t.*,
                    {SqlText.List(Enriched(d), 8)}
                FROM typed AS t
                LEFT JOIN {options.ComplaintTypes} AS ct ON ct.complaint_type_key = upper(t.complaint_text)
                LEFT JOIN {options.ZipBoroughs} AS z ON z.zip = t.incident_zip
                LEFT JOIN {options.Holidays} AS h ON h.{q("date")} = CAST(t.created_date AS DATE)
            ),
            flagged AS (
                SELECT
                    e.*,
                    {SqlText.List(checks.Select(c => $"COALESCE(({c.Condition}), FALSE) AS {Flag(c.Rule)}"), 8)}
                FROM enriched AS e
            ),
            judged AS (
                SELECT
                    f.*,
                    CASE {string.Join(" ", rejecting.Select(c => $"WHEN {Flag(c.Rule)} THEN {d.StringLiteral(c.Rule.Id)}"))} END AS dq_rule_id,
                    CASE {string.Join("\n            ", rejecting.Select(c => $"WHEN {Flag(c.Rule)} THEN {c.Reason}"))} END AS dq_reason,
                    {IdList(d, checks)} AS dq_failed_rules,
                    {IdList(d, warning)} AS dq_warnings,
                    CASE WHEN {string.Join(" OR ", rejecting.Select(c => Flag(c.Rule)))} THEN {RawRecord(d)} END AS dq_raw_record
                FROM flagged AS f
            )
            SELECT
                {SqlText.List(SilverSql.FinalColumns(d).Concat(["dq_rule_id", "dq_reason", "dq_failed_rules", "key_text AS dq_raw_unique_key", "dq_raw_record", "_ingest_date"]))}
            FROM judged
            """;
    }

    private static string Flag(QualityRule rule) => "failed_" + rule.Id.ToLowerInvariant();

    private static string IdList(ISqlDialect d, IEnumerable<RuleCheck> checks) =>
        $"NULLIF(concat_ws(',', {string.Join(", ", checks.Select(c => $"CASE WHEN {Flag(c.Rule)} THEN {d.StringLiteral(c.Rule.Id)} END"))}), '')";

    private static IEnumerable<string> Received() =>
        SilverSql.BronzeColumns.Select(c => c.Name.StartsWith('_') ? $"b.{c.Name}" : $"b.{c.Name} AS raw_{c.Name}");

    private static IEnumerable<string> Cleaned(ISqlDialect d) =>
    [
        $"{SilverSql.Clean("r.raw_unique_key")} AS key_text",
        $"{SilverSql.Clean("r.raw_created_date")} AS created_text",
        $"{SilverSql.Clean("r.raw_closed_date")} AS closed_text",
        $"{SilverSql.Clean("r.raw_due_date")} AS due_text",
        $"{SilverSql.Clean("r.raw_resolution_action_updated_date")} AS resolution_updated_text",
        $"{SilverSql.Clean("r.raw_latitude")} AS latitude_text",
        $"{SilverSql.Clean("r.raw_longitude")} AS longitude_text",
        $"{SilverSql.Clean("r.raw_location")} AS location_text",
        $"{SilverSql.Clean("r.raw_x_coordinate_state_plane")} AS x_text",
        $"{SilverSql.Clean("r.raw_y_coordinate_state_plane")} AS y_text",
        $"{SilverSql.Clean("r.raw_incident_zip")} AS zip_text",
        $"{SilverSql.Clean("r.raw_bbl")} AS bbl_text",
        $"upper({SilverSql.Collapse(d, "r.raw_borough")}) AS borough_text",
        $"upper({SilverSql.Collapse(d, "r.raw_park_borough")}) AS park_borough_text",
        $"{SilverSql.Collapse(d, "r.raw_complaint_type")} AS complaint_text",
    ];

    private static IEnumerable<string> Typed(ISqlDialect d)
    {
        string LocationPart(string objectPath, string geoJsonPath, int group) =>
            $"CASE WHEN c.latitude_text IS NULL AND c.longitude_text IS NULL THEN COALESCE("
            + $"{Number(d, d.JsonExtractString("c.location_text", objectPath))}, "
            + $"{Number(d, d.JsonExtractString("c.location_text", geoJsonPath))}, "
            + $"{Number(d, $"NULLIF({d.RegexExtract("c.location_text", ParenthesizedPointPattern, group)}, '')")}) END";

        return
        [
            $"CASE WHEN {d.RegexMatches("c.key_text", "^[0-9]{1,18}$")} THEN {d.CastOrNull("c.key_text", SqlType.BigInt)} END AS unique_key",
            $"{LocalTimestamp(d, "c.created_text")} AS created_date",
            $"{LocalTimestamp(d, "c.closed_text")} AS closed_date",
            $"{LocalTimestamp(d, "c.due_text")} AS due_date",
            $"{LocalTimestamp(d, "c.resolution_updated_text")} AS resolution_action_updated_date",
            $"{Number(d, "c.latitude_text")} AS latitude_field",
            $"{Number(d, "c.longitude_text")} AS longitude_field",
            $"{LocationPart("$.latitude", "$.coordinates[1]", 1)} AS location_latitude",
            $"{LocationPart("$.longitude", "$.coordinates[0]", 2)} AS location_longitude",
            $"{Number(d, "c.x_text")} AS x_coordinate_state_plane",
            $"{Number(d, "c.y_text")} AS y_coordinate_state_plane",
            $"CASE WHEN {d.RegexMatches("c.zip_text", "^[0-9]{5}(-?[0-9]{4})?$")} THEN substr(c.zip_text, 1, 5) END AS incident_zip",
            $"CASE WHEN {d.RegexMatches("c.bbl_text", "^[0-9]{10}$")} THEN c.bbl_text END AS bbl",
            $"{BoroughSql.Canonical(d, "c.borough_text")} AS reported_borough",
            $"{BoroughSql.Canonical(d, "c.park_borough_text")} AS park_borough",
            $"{SilverSql.Clean("c.raw_socrata_id")} AS socrata_id",
            $"{d.TryParseInstant(SilverSql.Clean("c.raw_socrata_created_at"))} AS socrata_created_at",
            $"{d.TryParseInstant(SilverSql.Clean("c.raw_socrata_updated_at"))} AS socrata_updated_at",
        ];
    }

    private static IEnumerable<string> Enriched(ISqlDialect d)
    {
        const string Day = "CAST(t.created_date AS DATE)";
        const string FieldsComplete = "t.latitude_field IS NOT NULL AND t.longitude_field IS NOT NULL";
        const string LocationComplete = "t.location_latitude IS NOT NULL AND t.location_longitude IS NOT NULL";
        return
        [
            "COALESCE(ct.complaint_type, t.complaint_text) AS complaint_type",
            $"CASE WHEN {FieldsComplete} THEN t.latitude_field WHEN {LocationComplete} THEN t.location_latitude END AS latitude",
            $"CASE WHEN {FieldsComplete} THEN t.longitude_field WHEN {LocationComplete} THEN t.location_longitude END AS longitude",
            "COALESCE(t.reported_borough, z.borough, t.park_borough) AS borough",
            "CASE WHEN t.reported_borough IS NOT NULL THEN 'reported' WHEN z.borough IS NOT NULL THEN 'zip' WHEN t.park_borough IS NOT NULL THEN 'park_borough' END AS borough_source",
            $"{Day} AS created_day",
            $"{d.MonthStart(Day)} AS created_month",
            $"{d.IsoDayOfWeek(Day)} AS created_day_of_week",
            $"{d.IsoDayOfWeek(Day)} >= 6 AS created_is_weekend",
            $"{d.Hour("t.created_date")} AS created_hour",
            "h.holiday_name AS holiday_name",
            "COALESCE(h.is_us_holiday, FALSE) AS is_us_holiday",
            "COALESCE(h.is_nyc_holiday, FALSE) AS is_nyc_holiday",
            $"CASE WHEN t.closed_date IS NOT NULL AND t.created_date IS NOT NULL THEN {d.ElapsedHoursInNewYork("t.created_date", "t.closed_date")} END AS hours_to_close",
        ];
    }

    /// <summary>The bronze row as JSON: the received strings under their bronze names, and the text/number metadata.</summary>
    private static string RawRecord(ISqlDialect d) => d.JsonObject(
    [
        .. SilverSql.BronzeColumns
            .Where(c => c.Type is SqlType.String or SqlType.BigInt)
            .Select(c => new KeyValuePair<string, string>(c.Name, c.Name.StartsWith('_') ? "f." + c.Name : "f.raw_" + c.Name)),
    ]);

    private static string LocalTimestamp(ISqlDialect d, string text) =>
        $"COALESCE({d.TryParseLocalTimestamp(text, TimestampFormat.PortalCsv)}, "
        + $"{d.TryParseLocalTimestamp(text, TimestampFormat.SocrataFloating)}, "
        + $"{d.TryParseLocalTimestamp(text, TimestampFormat.IsoSeconds)})";

    private static string Number(ISqlDialect d, string text) =>
        $"CASE WHEN {d.RegexMatches(text, NumberPattern)} THEN {d.CastOrNull(text, SqlType.Double)} END";
}

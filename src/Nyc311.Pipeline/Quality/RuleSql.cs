using Nyc311.Pipeline.Sql;

namespace Nyc311.Pipeline.Quality;

/// <summary>
/// The SQL of every catalog rule over the columns of the silver statement's enriched step: the raw texts
/// (<c>key_text</c>, <c>created_text</c>, <c>raw_borough</c>, ...) and the typed values (<c>created_date</c>, <c>borough</c>, ...).
/// </summary>
internal static class RuleSql
{
    public static IReadOnlyList<RuleCheck> Checks(ISqlDialect d, SilverOptions options)
    {
        string Text(string value) => d.StringLiteral(value);
        string Quoted(string column) => $"{Text("\"")} || {column} || {Text("\"")}";
        string QuotedOrBlank(string column) => $"{Text("\"")} || COALESCE({column}, '') || {Text("\"")}";
        string NotTimestamp(string field, string text) =>
            $"{Text(field + " ")} || {Quoted(text)} || {Text(" is not a timestamp in a known format")}";

        var (limit, limitText) = FutureLimit(d, options);
        var outside = $"NOT (latitude BETWEEN {SqlText.Double(QualityRules.SouthLatitude)} AND {SqlText.Double(QualityRules.NorthLatitude)}"
            + $" AND longitude BETWEEN {SqlText.Double(QualityRules.WestLongitude)} AND {SqlText.Double(QualityRules.EastLongitude)})";

        return
        [
            new(QualityRules.MissingUniqueKey, "key_text IS NULL", Text("unique_key is missing")),
            new(QualityRules.InvalidUniqueKey, "key_text IS NOT NULL AND unique_key IS NULL",
                $"{Text("unique_key ")} || {Quoted("key_text")} || {Text(" is not an integer of 1 to 18 digits")}"),
            new(QualityRules.UnparseableCreatedDate, "created_date IS NULL",
                $"CASE WHEN created_text IS NULL THEN {Text("created_date is missing")} ELSE {NotTimestamp("created_date", "created_text")} END"),
            new(QualityRules.FutureCreatedDate, $"created_date > {limit}",
                $"{Text("created_date ")} || {Quoted("created_text")} || {Text(" is later than " + limitText)}"),
            new(QualityRules.UnparseableClosedDate, "closed_text IS NOT NULL AND closed_date IS NULL", NotTimestamp("closed_date", "closed_text")),
            new(QualityRules.ClosedBeforeCreated, "closed_date < created_date",
                $"{Text("closed_date ")} || {Quoted("closed_text")} || {Text(" is before created_date ")} || {Quoted("created_text")}"),
            new(QualityRules.MissingComplaintType, "complaint_type IS NULL", Text("complaint_type is missing")),
            new(QualityRules.UnknownBoroughAfterRecovery, "borough IS NULL",
                $"{Text("borough ")} || {QuotedOrBlank("raw_borough")} || {Text(" names no borough, and neither incident_zip ")} || "
                + $"{QuotedOrBlank("raw_incident_zip")} || {Text(" nor park_borough ")} || {QuotedOrBlank("raw_park_borough")} || {Text(" recovers one")}"),
            new(QualityRules.UnparseableCoordinates,
                "(latitude_text IS NOT NULL AND latitude_field IS NULL) OR (longitude_text IS NOT NULL AND longitude_field IS NULL)"
                + " OR (latitude_text IS NULL AND longitude_text IS NULL AND location_text IS NOT NULL AND (location_latitude IS NULL OR location_longitude IS NULL))",
                $"CASE WHEN latitude_text IS NULL AND longitude_text IS NULL THEN {Text("location ")} || {Quoted("location_text")} || {Text(" holds no coordinates")}"
                + $" ELSE {Text("latitude ")} || {QuotedOrBlank("latitude_text")} || {Text(" and longitude ")} || {QuotedOrBlank("longitude_text")} || {Text(" are not both numbers")} END"),
            new(QualityRules.CoordinatesOutsideNyc, $"latitude IS NOT NULL AND longitude IS NOT NULL AND {outside}",
                $"CASE WHEN latitude_field IS NOT NULL AND longitude_field IS NOT NULL"
                + $" THEN {Text("latitude ")} || {Quoted("latitude_text")} || {Text(", longitude ")} || {Quoted("longitude_text")}"
                + $" ELSE {Text("location ")} || {Quoted("location_text")} END"
                + $" || {Text($" lies outside New York City (latitude {QualityRules.SouthLatitude} to {QualityRules.NorthLatitude}, longitude {QualityRules.WestLongitude} to {QualityRules.EastLongitude})")}"),
            new(QualityRules.UnparseableDueDate, "due_text IS NOT NULL AND due_date IS NULL", null),
            new(QualityRules.UnparseableResolutionUpdatedDate, "resolution_updated_text IS NOT NULL AND resolution_action_updated_date IS NULL", null),
            new(QualityRules.InvalidIncidentZip, "zip_text IS NOT NULL AND incident_zip IS NULL", null),
        ];
    }

    private static (string Limit, string Description) FutureLimit(ISqlDialect d, SilverOptions options)
    {
        var toleranceSeconds = (long)options.FutureTolerance.TotalSeconds;
        var tolerance = $"{toleranceSeconds / 60} minutes";
        if (options.AsOf is { } asOf)
        {
            var limit = NewYorkTime.WallClock(asOf).AddSeconds(toleranceSeconds);
            return (d.LocalTimestampLiteral(limit), $"the as-of time {limit:yyyy-MM-dd HH:mm:ss} New York time (tolerance {tolerance} included)");
        }

        return (d.AddSeconds(d.NewYorkNow(), toleranceSeconds), $"the run's time in New York plus {tolerance}");
    }
}

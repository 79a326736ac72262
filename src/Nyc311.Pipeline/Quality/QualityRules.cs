namespace Nyc311.Pipeline.Quality;

/// <summary>
/// The catalog of data-quality rules, in priority order: a row that fails several rules is quarantined once,
/// under the first rejecting rule of this list, and every rule it failed is listed in <c>failed_rules</c>.
/// Ids are stable and never reused; the order puts what makes a row unusable (no key, no time) before what
/// makes it inconsistent.
/// </summary>
public static class QualityRules
{
    /// <summary>The NYC extent used by <see cref="CoordinatesOutsideNyc"/>: the DCP borough boundaries widened by about 500 m.</summary>
    public const double SouthLatitude = 40.49, NorthLatitude = 40.92, WestLongitude = -74.26, EastLongitude = -73.69;

    public static QualityRule MissingUniqueKey { get; } = new(
        "DQ001", "missing_unique_key", RuleSeverity.Reject, "unique_key is absent or blank, so the request cannot be identified.");

    public static QualityRule InvalidUniqueKey { get; } = new(
        "DQ008", "invalid_unique_key", RuleSeverity.Reject, "unique_key is not an integer of 1 to 18 digits.");

    public static QualityRule UnparseableCreatedDate { get; } = new(
        "DQ002", "unparseable_created_date", RuleSeverity.Reject,
        "created_date is absent or not a timestamp in a known format (MM/DD/YYYY hh:mm:ss AM, YYYY-MM-DDThh:mm:ss[.fff]).");

    public static QualityRule FutureCreatedDate { get; } = new(
        "DQ003", "future_created_date", RuleSeverity.Reject,
        "created_date lies after the run's as-of time in New York wall-clock time, plus a tolerance (default 1 hour).");

    public static QualityRule UnparseableClosedDate { get; } = new(
        "DQ007", "unparseable_closed_date", RuleSeverity.Reject, "closed_date is present but not a timestamp in a known format.");

    public static QualityRule ClosedBeforeCreated { get; } = new(
        "DQ004", "closed_before_created", RuleSeverity.Reject, "closed_date is earlier than created_date.");

    public static QualityRule MissingComplaintType { get; } = new(
        "DQ009", "missing_complaint_type", RuleSeverity.Reject, "complaint_type is absent or blank, so the request cannot be counted by type.");

    public static QualityRule UnknownBoroughAfterRecovery { get; } = new(
        "DQ006", "unknown_borough_after_recovery", RuleSeverity.Reject,
        "borough names no borough (blank, Unspecified, unknown) and neither incident_zip (ZIP reference) nor park_borough recovers one.");

    public static QualityRule UnparseableCoordinates { get; } = new(
        "DQ010", "unparseable_coordinates", RuleSeverity.Reject,
        "latitude or longitude is present but not a number, or, without them, location is present but holds no coordinates.");

    public static QualityRule CoordinatesOutsideNyc { get; } = new(
        "DQ005", "coordinates_outside_nyc", RuleSeverity.Reject,
        "The coordinates lie outside New York City: latitude 40.49 to 40.92, longitude -74.26 to -73.69 (the DCP borough boundaries widened by about 500 m).");

    public static QualityRule UnparseableDueDate { get; } = new(
        "DQ011", "unparseable_due_date", RuleSeverity.Warn, "due_date is present but not a timestamp in a known format; silver keeps the row with due_date null.");

    public static QualityRule UnparseableResolutionUpdatedDate { get; } = new(
        "DQ012", "unparseable_resolution_action_updated_date", RuleSeverity.Warn,
        "resolution_action_updated_date is present but not a timestamp in a known format; silver keeps the row with the value null.");

    public static QualityRule InvalidIncidentZip { get; } = new(
        "DQ013", "invalid_incident_zip", RuleSeverity.Warn,
        "incident_zip is present but not a five-digit ZIP or ZIP+4 (\"N/A\", \"1000\"); silver keeps the row with incident_zip null.");

    /// <summary>Every rule, in priority order (rejecting rules first).</summary>
    public static IReadOnlyList<QualityRule> All { get; } =
    [
        MissingUniqueKey,
        InvalidUniqueKey,
        UnparseableCreatedDate,
        FutureCreatedDate,
        UnparseableClosedDate,
        ClosedBeforeCreated,
        MissingComplaintType,
        UnknownBoroughAfterRecovery,
        UnparseableCoordinates,
        CoordinatesOutsideNyc,
        UnparseableDueDate,
        UnparseableResolutionUpdatedDate,
        InvalidIncidentZip,
    ];

    /// <summary>The rule with id <paramref name="id"/> (<c>DQ005</c>), or null.</summary>
    public static QualityRule? Find(string id) => All.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));
}

namespace Nyc311.Pipeline.Sql;

public static partial class GoldSql
{
    /// <summary>The columns of <see cref="TouchedWeeks"/>.</summary>
    public static IReadOnlyList<SqlColumn> WeeksColumns { get; } = [new("week_start", SqlType.Date, "Monday of an ISO week")];

    /// <summary>
    /// The columns of <see cref="TimeToClose"/> (<c>gold.time_to_close</c>): requests grouped by the ISO week of
    /// their creation (a cohort), agency and complaint type.
    /// </summary>
    public static IReadOnlyList<SqlColumn> TimeToCloseColumns { get; } =
    [
        new("week_start", SqlType.Date, "Monday of the ISO week in which the requests were created"),
        new("agency", SqlType.String, "Agency code"),
        new("complaint_type", SqlType.String, "Complaint type"),
        new("requests", SqlType.BigInt, "Requests created in the week"),
        new("requests_closed", SqlType.BigInt, "Of those, requests closed (as of the data)"),
        new("median_hours_to_close", SqlType.Double, "Exact median of hours_to_close over the closed requests (linear interpolation); null when none closed"),
        new("p90_hours_to_close", SqlType.Double, "Exact 90th percentile of hours_to_close over the closed requests (linear interpolation); null when none closed"),
    ];

    /// <summary>The ISO weeks of a touched-days relation; yields <see cref="WeeksColumns"/> (the <c>gold.time_to_close</c> rows a run replaces).</summary>
    public static string TouchedWeeks(ISqlDialect dialect, string touchedDates)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        SqlText.Relation(touchedDates, nameof(touchedDates));
        return $"""
            SELECT DISTINCT {dialect.WeekStart("t." + dialect.QuoteIdentifier("date"))} AS week_start
            FROM {touchedDates} AS t
            WHERE t.{dialect.QuoteIdentifier("date")} IS NOT NULL
            """;
    }

    /// <summary>
    /// The <c>gold.time_to_close</c> rows of every ISO week that holds a touched day, recomputed from all silver rows
    /// created in those weeks; yields <see cref="TimeToCloseColumns"/>. Weeks are cohorts by creation, so a request
    /// closed later changes the week it was created in (its created day is touched when its new version merges).
    /// Recent weeks understate times to close: requests still open are not in the percentiles.
    /// </summary>
    public static string TimeToClose(ISqlDialect dialect, string silverRelation, string touchedDates)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        SqlText.Relation(silverRelation, nameof(silverRelation));
        var week = dialect.WeekStart("s.created_day");
        return $"""
            WITH weeks AS (
                {TouchedWeeks(dialect, touchedDates).Replace("\n", "\n    ", StringComparison.Ordinal)}
            ),
            months AS (
                {Months(dialect, "weeks", "week_start")}
                UNION
                {Months(dialect, "weeks", dialect.AddDays("week_start", "6"))}
            )
            SELECT
                {week} AS week_start,
                s.agency,
                s.complaint_type,
                COUNT(*) AS requests,
                COUNT(s.hours_to_close) AS requests_closed,
                {dialect.Percentile("s.hours_to_close", 0.5)} AS median_hours_to_close,
                {dialect.Percentile("s.hours_to_close", 0.9)} AS p90_hours_to_close
            FROM {silverRelation} AS s
            WHERE {week} IN (SELECT week_start FROM weeks)
              AND s.created_month IN (SELECT * FROM months)
            GROUP BY {week}, s.agency, s.complaint_type
            """;
    }
}

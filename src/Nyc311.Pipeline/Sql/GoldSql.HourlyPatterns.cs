namespace Nyc311.Pipeline.Sql;

public static partial class GoldSql
{
    /// <summary>
    /// The columns of <see cref="HourlyPatterns"/> (<c>gold.hourly_patterns</c>): request counts per created day and
    /// hour, per complaint type and for all types (<c>(all)</c>). Only hours with requests have rows; the
    /// hour-of-day by day-of-week pattern is the aggregate <see cref="HourlyProfile"/>, so a run rewrites just its
    /// touched days.
    /// </summary>
    public static IReadOnlyList<SqlColumn> HourlyPatternsColumns { get; } =
    [
        new("date", SqlType.Date, "Created day, New York calendar (a keyword: quote it)"),
        new("day_of_week", SqlType.Int, "ISO day of week of date, 1 = Monday to 7 = Sunday"),
        new("hour", SqlType.Int, "Hour of creation, 0-23, New York wall clock (a keyword: quote it)"),
        new("complaint_type", SqlType.String, "Complaint type, or (all)"),
        new("requests", SqlType.BigInt, "Requests created in that hour (never 0: empty hours have no row)"),
    ];

    /// <summary>The columns of <see cref="HourlyProfile"/>: the average week by hour.</summary>
    public static IReadOnlyList<SqlColumn> HourlyProfileColumns { get; } =
    [
        new("day_of_week", SqlType.Int, "ISO day of week, 1 = Monday to 7 = Sunday"),
        new("hour", SqlType.Int, "Hour of day, 0-23 (a keyword: quote it)"),
        new("complaint_type", SqlType.String, "Complaint type, or (all)"),
        new("days", SqlType.BigInt, "Days with that day of week in the data (days with any request)"),
        new("requests", SqlType.BigInt, "Requests created in that hour on those days"),
        new("mean_requests", SqlType.Double, "requests / days: the average count in that hour of that weekday"),
    ];

    /// <summary>The <c>gold.hourly_patterns</c> rows of the touched days; yields <see cref="HourlyPatternsColumns"/>.</summary>
    public static string HourlyPatterns(ISqlDialect dialect, string silverRelation, string touchedDates)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        SqlText.Relation(silverRelation, nameof(silverRelation));
        SqlText.Relation(touchedDates, nameof(touchedDates));
        var q = dialect.QuoteIdentifier;
        return $"""
            WITH days AS (
                SELECT DISTINCT t.{q("date")} AS touched_date FROM {touchedDates} AS t
            )
            SELECT
                s.created_day AS {q("date")},
                s.created_day_of_week AS day_of_week,
                s.created_hour AS {q("hour")},
                COALESCE(s.complaint_type, {dialect.StringLiteral(AllValues)}) AS complaint_type,
                COUNT(*) AS requests
            FROM {silverRelation} AS s
            WHERE s.created_day IN (SELECT touched_date FROM days)
              AND s.created_month IN ({Months(dialect, "days", "touched_date")})
            GROUP BY GROUPING SETS (
                (s.created_day, s.created_day_of_week, s.created_hour, s.complaint_type),
                (s.created_day, s.created_day_of_week, s.created_hour))
            """;
    }

    /// <summary>
    /// Hour-of-day by day-of-week profile of a <c>gold.hourly_patterns</c> relation (all of it, or a date range
    /// selected from it); yields <see cref="HourlyProfileColumns"/>, hours without requests left out.
    /// </summary>
    public static string HourlyProfile(ISqlDialect dialect, string hourlyPatternsRelation)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        SqlText.Relation(hourlyPatternsRelation, nameof(hourlyPatternsRelation));
        var q = dialect.QuoteIdentifier;
        var bigint = dialect.TypeName(SqlType.BigInt);
        return $"""
            WITH weekdays AS (
                SELECT p.day_of_week, COUNT(DISTINCT p.{q("date")}) AS days
                FROM {hourlyPatternsRelation} AS p
                WHERE p.complaint_type = {dialect.StringLiteral(AllValues)}
                GROUP BY p.day_of_week
            )
            SELECT
                p.day_of_week,
                p.{q("hour")},
                p.complaint_type,
                w.days,
                CAST(SUM(p.requests) AS {bigint}) AS requests,
                CAST(SUM(p.requests) AS DOUBLE) / w.days AS mean_requests
            FROM {hourlyPatternsRelation} AS p
            JOIN weekdays AS w ON w.day_of_week = p.day_of_week
            GROUP BY p.day_of_week, p.{q("hour")}, p.complaint_type, w.days
            """;
    }
}

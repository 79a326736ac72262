namespace Nyc311.Pipeline.Sql;

public static partial class GoldSql
{
    /// <summary>
    /// The columns of <see cref="DailySeries"/> (<c>gold.daily_series</c>): one row per (complaint type, borough)
    /// series of silver, without rollups.
    /// </summary>
    public static IReadOnlyList<SqlColumn> DailySeriesColumns { get; } =
    [
        new("complaint_type", SqlType.String, "Complaint type"),
        new("borough", SqlType.String, "Borough"),
        new("first_date", SqlType.Date, "The series' first day with a request"),
        new("last_date", SqlType.Date, "The series' last day with a request"),
    ];

    /// <summary>
    /// The columns of <see cref="DailyCounts"/> (<c>gold.daily_counts</c>). Rolled-up rows carry <c>(all)</c>:
    /// per type citywide (<c>borough = '(all)'</c>), all types per borough, and all types citywide.
    /// </summary>
    public static IReadOnlyList<SqlColumn> DailyCountsColumns { get; } =
    [
        new("date", SqlType.Date, "Created day, New York calendar (a keyword: quote it)"),
        new("complaint_type", SqlType.String, "Complaint type, or (all)"),
        new("borough", SqlType.String, "Borough, or (all)"),
        new("requests", SqlType.BigInt, "Requests created that day; 0 on days between the series' first day and the last day of the data"),
    ];

    /// <summary>
    /// The first and last day of every (complaint type, borough) series in silver; yields <see cref="DailySeriesColumns"/>.
    /// Needs all of silver (two columns), so runs either recompute it after the merge or keep it as a small table
    /// and compute it again only from the changed rows.
    /// </summary>
    public static string DailySeries(ISqlDialect dialect, string silverRelation)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        SqlText.Relation(silverRelation, nameof(silverRelation));
        return $"""
            SELECT s.complaint_type, s.borough, MIN(s.created_day) AS first_date, MAX(s.created_day) AS last_date
            FROM {silverRelation} AS s
            GROUP BY s.complaint_type, s.borough
            """;
    }

    /// <summary>
    /// The days whose <c>gold.daily_counts</c> rows must be rewritten after a merge; yields <see cref="DatesColumns"/>.
    /// Besides the touched days, zero-filling depends on each series' first day and on the last day of the data,
    /// so this adds: for every series whose first day moved (or that appeared or vanished), the days between its
    /// old and new first day (to the end of the data for a new or vanished series); and, when the last day of the
    /// data moved, the days between the old and new last day. Rewriting exactly these days (delete, then insert
    /// <see cref="DailyCounts"/> for them) leaves the table equal to a full recompute.
    /// </summary>
    /// <param name="dialect">The dialect.</param>
    /// <param name="touchedDates">The created days of the rows the merge inserted, replaced or deleted (<see cref="DatesColumns"/>).</param>
    /// <param name="seriesBefore"><see cref="DailySeries"/> of silver before the merge (empty on the first run).</param>
    /// <param name="seriesAfter"><see cref="DailySeries"/> of silver after the merge.</param>
    public static string DailyCountsDates(ISqlDialect dialect, string touchedDates, string seriesBefore, string seriesAfter)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        SqlText.Relation(touchedDates, nameof(touchedDates));
        SqlText.Relation(seriesBefore, nameof(seriesBefore));
        SqlText.Relation(seriesAfter, nameof(seriesAfter));
        var date = dialect.QuoteIdentifier("date");
        return $"""
            WITH bounds AS (
                SELECT
                    (SELECT MAX(b.last_date) FROM {seriesBefore} AS b) AS last_before,
                    (SELECT MAX(a.last_date) FROM {seriesAfter} AS a) AS last_after
            ),
            ranges AS (
                SELECT
                    COALESCE(LEAST(b.first_date, a.first_date), b.first_date, a.first_date) AS range_start,
                    CASE
                        WHEN b.first_date IS NULL OR a.first_date IS NULL
                            THEN COALESCE(GREATEST(k.last_before, k.last_after), k.last_before, k.last_after)
                        ELSE {dialect.AddDays("GREATEST(b.first_date, a.first_date)", "-1")}
                    END AS range_end
                FROM {seriesBefore} AS b
                FULL OUTER JOIN {seriesAfter} AS a ON a.complaint_type = b.complaint_type AND a.borough = b.borough
                CROSS JOIN bounds AS k
                WHERE b.first_date IS DISTINCT FROM a.first_date
                UNION ALL
                SELECT {dialect.AddDays("LEAST(k.last_before, k.last_after)", "1")}, GREATEST(k.last_before, k.last_after)
                FROM bounds AS k
                WHERE k.last_before <> k.last_after
            )
            SELECT t.{date} FROM {touchedDates} AS t WHERE t.{date} IS NOT NULL
            UNION
            SELECT {dialect.DateSequence("r.range_start", "r.range_end")} AS {date} FROM ranges AS r WHERE r.range_start <= r.range_end
            """;
    }

    /// <summary>Every day from the first day of any series to the last day of the data (a full recompute's dates); yields <see cref="DatesColumns"/>.</summary>
    public static string AllDates(ISqlDialect dialect, string seriesRelation)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        SqlText.Relation(seriesRelation, nameof(seriesRelation));
        return $"""
            SELECT {dialect.DateSequence("k.range_start", "k.range_end")} AS {dialect.QuoteIdentifier("date")}
            FROM (SELECT MIN(s.first_date) AS range_start, MAX(s.last_date) AS range_end FROM {seriesRelation} AS s) AS k
            WHERE k.range_start IS NOT NULL
            """;
    }

    /// <summary>
    /// The <c>gold.daily_counts</c> rows of the given days; yields <see cref="DailyCountsColumns"/>. A series
    /// (base or rolled up) has a row on every given day from its first day (<paramref name="seriesRelation"/>;
    /// a rollup's is the earliest of its members) to the last day of the data, with 0 where nothing was created.
    /// The result for a set of days equals the full recompute restricted to those days.
    /// </summary>
    /// <param name="dialect">The dialect.</param>
    /// <param name="silverRelation">Silver rows; only those created on <paramref name="dates"/> are read.</param>
    /// <param name="dates">The days to compute (<see cref="DatesColumns"/>), e.g. <see cref="DailyCountsDates"/>.</param>
    /// <param name="seriesRelation"><see cref="DailySeries"/> of the same silver.</param>
    public static string DailyCounts(ISqlDialect dialect, string silverRelation, string dates, string seriesRelation)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        SqlText.Relation(silverRelation, nameof(silverRelation));
        SqlText.Relation(dates, nameof(dates));
        SqlText.Relation(seriesRelation, nameof(seriesRelation));
        var all = dialect.StringLiteral(AllValues);
        return $"""
            WITH days AS (
                SELECT DISTINCT d.{dialect.QuoteIdentifier("date")} AS count_date FROM {dates} AS d
            ),
            series AS (
                SELECT COALESCE(s.complaint_type, {all}) AS complaint_type, COALESCE(s.borough, {all}) AS borough, MIN(s.first_date) AS first_date
                FROM {seriesRelation} AS s
                GROUP BY GROUPING SETS ((s.complaint_type, s.borough), (s.complaint_type), (s.borough), ())
            ),
            data_end AS (
                SELECT MAX(s.last_date) AS last_date FROM {seriesRelation} AS s
            ),
            counts AS (
                SELECT r.created_day AS count_date, COALESCE(r.complaint_type, {all}) AS complaint_type, COALESCE(r.borough, {all}) AS borough, COUNT(*) AS requests
                FROM {silverRelation} AS r
                WHERE r.created_day IN (SELECT count_date FROM days)
                  AND r.created_month IN ({Months(dialect, "days", "count_date")})
                GROUP BY GROUPING SETS ((r.created_day, r.complaint_type, r.borough), (r.created_day, r.complaint_type), (r.created_day, r.borough), (r.created_day))
            )
            SELECT g.count_date AS {dialect.QuoteIdentifier("date")}, s.complaint_type, s.borough, COALESCE(c.requests, 0) AS requests
            FROM days AS g
            CROSS JOIN data_end AS e
            JOIN series AS s ON s.first_date <= g.count_date
            LEFT JOIN counts AS c ON c.count_date = g.count_date AND c.complaint_type = s.complaint_type AND c.borough = s.borough
            WHERE g.count_date <= e.last_date
            """;
    }
}

namespace Nyc311.Dashboard.Data;

/// <summary>The tables the pages query, as in-memory copies (see <see cref="TableMirror"/>).</summary>
internal static class Mirrors
{
    /// <summary><c>gold.daily_counts</c>, ordered by series then day so filters on a series read few row groups.</summary>
    public static MirrorSpec DailyCounts { get; } = new(
        "daily_counts",
        LakeTables.DailyCounts,
        """SELECT CAST(NULL AS DATE) AS "date", CAST(NULL AS VARCHAR) AS complaint_type, CAST(NULL AS VARCHAR) AS borough, CAST(NULL AS BIGINT) AS requests LIMIT 0""",
        source => $"""SELECT "date", complaint_type, borough, CAST(requests AS BIGINT) AS requests FROM ({source}) ORDER BY complaint_type, borough, "date" """);

    /// <summary>
    /// <c>gold.forecasts</c> as a person reads it: for each series, model and day, the forecast made from
    /// the newest origin before that day (what was expected at the time; the current forecast for days
    /// after the data).
    /// </summary>
    public static MirrorSpec Forecasts { get; } = new(
        "forecasts",
        LakeTables.Forecasts,
        """
        SELECT CAST(NULL AS VARCHAR) AS complaint_type, CAST(NULL AS VARCHAR) AS borough, CAST(NULL AS VARCHAR) AS model, CAST(NULL AS DATE) AS "date",
               CAST(NULL AS DOUBLE) AS forecast, CAST(NULL AS DOUBLE) AS lower, CAST(NULL AS DOUBLE) AS upper, CAST(NULL AS DOUBLE) AS interval_width,
               CAST(NULL AS VARCHAR) AS model_version, CAST(NULL AS VARCHAR) AS run_id, CAST(NULL AS DATE) AS origin, CAST(NULL AS TIMESTAMPTZ) AS created_at
        LIMIT 0
        """,
        source => $"""
            SELECT complaint_type, borough, model, "date", forecast, lower, upper, interval_width, model_version, run_id, origin, created_at
            FROM ({source})
            WHERE origin < "date"
            QUALIFY row_number() OVER (PARTITION BY complaint_type, borough, model, "date" ORDER BY origin DESC, created_at DESC) = 1
            ORDER BY complaint_type, borough, model, "date"
            """);

    /// <summary><c>gold.time_to_close</c> as it is (one row per ISO week, agency and complaint type).</summary>
    public static MirrorSpec TimeToClose { get; } = new(
        "time_to_close",
        LakeTables.TimeToClose,
        """
        SELECT CAST(NULL AS DATE) AS week_start, CAST(NULL AS VARCHAR) AS agency, CAST(NULL AS VARCHAR) AS complaint_type, CAST(NULL AS BIGINT) AS requests,
               CAST(NULL AS BIGINT) AS requests_closed, CAST(NULL AS DOUBLE) AS median_hours_to_close, CAST(NULL AS DOUBLE) AS p90_hours_to_close
        LIMIT 0
        """,
        source => $"SELECT week_start, agency, complaint_type, requests, requests_closed, median_hours_to_close, p90_hours_to_close FROM ({source})");

    /// <summary><c>silver.quality_reports</c>: one row per silver run and rule.</summary>
    public static MirrorSpec QualityReports { get; } = new(
        "quality_reports",
        LakeTables.QualityReports,
        """
        SELECT CAST(NULL AS VARCHAR) AS run_id, CAST(NULL AS TIMESTAMPTZ) AS reported_at, CAST(NULL AS BIGINT) AS bronze_from_version, CAST(NULL AS BIGINT) AS bronze_to_version,
               CAST(NULL AS BIGINT) AS rows_in, CAST(NULL AS BIGINT) AS rows_rejected, CAST(NULL AS BIGINT) AS rows_superseded, CAST(NULL AS BIGINT) AS rows_out,
               CAST(NULL AS VARCHAR) AS rule_id, CAST(NULL AS VARCHAR) AS rule_name, CAST(NULL AS VARCHAR) AS severity, CAST(NULL AS BIGINT) AS rows_quarantined, CAST(NULL AS BIGINT) AS rows_failed
        LIMIT 0
        """,
        source => $"SELECT * FROM ({source})");

    /// <summary><c>silver.quarantine</c> counted by rule, created day and ingest day (the rows themselves stay in the lake).</summary>
    public static MirrorSpec QuarantineCounts { get; } = new(
        "quarantine_counts",
        LakeTables.Quarantine,
        """
        SELECT CAST(NULL AS VARCHAR) AS rule_id, CAST(NULL AS VARCHAR) AS rule_name, CAST(NULL AS DATE) AS created_day, CAST(NULL AS DATE) AS ingest_date, CAST(NULL AS BIGINT) AS quarantined
        LIMIT 0
        """,
        source => $"SELECT rule_id, rule_name, created_day, _ingest_date AS ingest_date, count(*) AS quarantined FROM ({source}) GROUP BY ALL");

    /// <summary>Every mirror, in the order the watcher warms them.</summary>
    public static IReadOnlyList<MirrorSpec> All { get; } = [DailyCounts, Forecasts, TimeToClose, QualityReports, QuarantineCounts];
}

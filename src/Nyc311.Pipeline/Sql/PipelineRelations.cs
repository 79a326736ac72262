namespace Nyc311.Pipeline.Sql;

/// <summary>
/// The relation names the statements use when exported without explicit names: the lake's tables as views
/// <c>layer.table</c> (part of the platform's interface) and the run's staging relations.
/// </summary>
public static class PipelineRelations
{
    /// <summary>Bronze: every API field as a string exactly as received, plus ingest metadata.</summary>
    public const string Bronze = "bronze.service_requests";

    /// <summary>Staging: bronze rows typed, standardized and checked (<see cref="SilverSql.CheckedColumns"/>).</summary>
    public const string Checked = "staging.checked_service_requests";

    /// <summary>Silver: one typed, clean row per request (<see cref="SilverSql.Columns"/>), partitioned by <c>created_month</c>.</summary>
    public const string Silver = "silver.service_requests";

    /// <summary>Silver: rejected bronze rows with rule and reason (<see cref="Quality.QuarantineSql.Columns"/>).</summary>
    public const string Quarantine = "silver.quarantine";

    /// <summary>Reference: ZIP code to borough.</summary>
    public const string ZipBoroughs = "silver.zip_boroughs";

    /// <summary>Reference: US and New York City holidays, one row per day.</summary>
    public const string Holidays = "silver.holidays";

    /// <summary>Reference: canonical complaint type spellings.</summary>
    public const string ComplaintTypes = "silver.complaint_types";

    /// <summary>Staging: the created days whose silver rows a run changed (one column <c>date</c>).</summary>
    public const string TouchedDates = "staging.touched_dates";

    /// <summary>Staging: <see cref="DailySeries"/> as it was before the run's silver merge.</summary>
    public const string DailySeriesBefore = "staging.daily_series_before";

    /// <summary>Staging: the days whose <see cref="DailyCounts"/> rows a run rewrites (one column <c>date</c>).</summary>
    public const string DailyCountsDates = "staging.daily_counts_dates";

    /// <summary>Gold: the first and last day of every (complaint type, borough) series.</summary>
    public const string DailySeries = "gold.daily_series";

    /// <summary>Gold: daily request counts by complaint type and borough with rollups and zero days.</summary>
    public const string DailyCounts = "gold.daily_counts";

    /// <summary>Gold: time to close by agency, complaint type and ISO week of creation.</summary>
    public const string TimeToClose = "gold.time_to_close";

    /// <summary>Gold: request counts per day and hour of creation, by complaint type.</summary>
    public const string HourlyPatterns = "gold.hourly_patterns";
}

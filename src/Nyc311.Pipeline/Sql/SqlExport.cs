using Nyc311.Pipeline.Quality;
using Nyc311.Pipeline.Reference;

namespace Nyc311.Pipeline.Sql;

/// <summary>
/// Every statement of the silver and gold transforms rendered in one dialect with the default relation names
/// (<see cref="PipelineRelations"/>), in run order, for <c>nyc311 sql export --dialect spark</c> and the Databricks
/// bundle. Each is a SELECT; the caller wraps it (temporary view, MERGE, replace-where) as its description says.
/// </summary>
public static class SqlExport
{
    /// <summary>The statements in <paramref name="dialect"/>, in run order.</summary>
    /// <param name="dialect">The dialect to render.</param>
    /// <param name="silverOptions">The silver check's options; by default the engine's clock is its as-of time.</param>
    public static IReadOnlyList<SqlStatement> Statements(ISqlDialect dialect, SilverOptions? silverOptions = null)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        var zipBoroughs = ReferenceData.ZipBoroughsTable();
        var holidays = ReferenceData.HolidaysTable(ReferenceData.DefaultFirstHolidayYear, ReferenceData.DefaultLastHolidayYear);
        var complaintTypes = ReferenceData.ComplaintTypesTable();
        return
        [
            new("reference/01_zip_boroughs", PipelineRelations.ZipBoroughs, "ZIP code to borough; write once (overwrite).",
                ReferenceSql.Select(dialect, zipBoroughs), zipBoroughs.Columns),
            new("reference/02_holidays", PipelineRelations.Holidays,
                $"US and NYC holidays {ReferenceData.DefaultFirstHolidayYear}-{ReferenceData.DefaultLastHolidayYear}, one row per day; write once (overwrite).",
                ReferenceSql.Select(dialect, holidays), holidays.Columns),
            new("reference/03_complaint_types", PipelineRelations.ComplaintTypes, "Canonical complaint type spellings; write once (overwrite).",
                ReferenceSql.Select(dialect, complaintTypes), complaintTypes.Columns),
            new("silver/01_checked", PipelineRelations.Checked,
                "The run's bronze batches typed, standardized and checked, one row per bronze row; materialize as a staging table (restrict bronze to the run's batches first).",
                SilverSql.Checked(dialect, PipelineRelations.Bronze, silverOptions ?? new SilverOptions()), SilverSql.CheckedColumns),
            new("silver/02_accepted", PipelineRelations.Silver,
                "Accepted rows, latest version per unique_key; MERGE into silver on unique_key, replacing a row only when this version is newer by socrata_updated_at, _ingested_at, _record_number, _batch_id.",
                SilverSql.Accepted(dialect, PipelineRelations.Checked), SilverSql.Columns),
            new("silver/03_quarantine", PipelineRelations.Quarantine, "Rejected rows with rule, reason and raw record; append (replace the run's batches on re-run).",
                QuarantineSql.Rejected(dialect, PipelineRelations.Checked), QuarantineSql.Columns),
            new("quality/01_summary", null, "Rows in, rejected, superseded, out and with warnings.",
                QualitySql.Summary(dialect, PipelineRelations.Checked), QualitySql.SummaryColumns),
            new("quality/02_rule_counts", null, "Rows quarantined under and failing each rule.",
                QualitySql.RuleCounts(dialect, PipelineRelations.Checked), QualitySql.RuleCountsColumns),
            new("gold/01_daily_series", PipelineRelations.DailySeries,
                "First and last day of every (complaint type, borough) series after the merge; overwrite (keep the previous version as staging.daily_series_before).",
                GoldSql.DailySeries(dialect, PipelineRelations.Silver), GoldSql.DailySeriesColumns),
            new("gold/02_daily_counts_dates", PipelineRelations.DailyCountsDates,
                "Days whose daily counts change: touched days plus the days zero-filling moves; materialize as staging.",
                GoldSql.DailyCountsDates(dialect, PipelineRelations.TouchedDates, PipelineRelations.DailySeriesBefore, PipelineRelations.DailySeries), GoldSql.DatesColumns),
            new("gold/03_daily_counts", PipelineRelations.DailyCounts,
                "Daily counts with rollups and zero days for those days; replace the rows whose date is in staging.daily_counts_dates.",
                GoldSql.DailyCounts(dialect, PipelineRelations.Silver, PipelineRelations.DailyCountsDates, PipelineRelations.DailySeries), GoldSql.DailyCountsColumns),
            new("gold/04_time_to_close", PipelineRelations.TimeToClose,
                "Time to close by created week, agency and complaint type for the touched weeks; replace the rows whose week_start is a touched week.",
                GoldSql.TimeToClose(dialect, PipelineRelations.Silver, PipelineRelations.TouchedDates), GoldSql.TimeToCloseColumns),
            new("gold/05_hourly_patterns", PipelineRelations.HourlyPatterns,
                "Counts per touched day and hour, by complaint type and (all); replace the rows whose date is touched.",
                GoldSql.HourlyPatterns(dialect, PipelineRelations.Silver, PipelineRelations.TouchedDates), GoldSql.HourlyPatternsColumns),
            new("gold/06_hourly_profile", null, "Hour-of-day by day-of-week averages over gold.hourly_patterns; a view, nothing to write.",
                GoldSql.HourlyProfile(dialect, PipelineRelations.HourlyPatterns), GoldSql.HourlyProfileColumns),
        ];
    }
}

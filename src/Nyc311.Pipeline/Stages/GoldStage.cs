using System.Globalization;
using DuckDB.NET.Data;
using Nyc311.Lake;
using Nyc311.Lake.Catalog;
using Nyc311.Lake.Sql;
using Nyc311.Lake.Stats;
using Nyc311.Pipeline.Sql;

namespace Nyc311.Pipeline.Stages;

/// <summary>What a gold run rewrote.</summary>
public sealed record GoldResult(int DaysRewritten, long DailyCountRows, int WeeksRewritten, long TimeToCloseRows, long HourlyRows)
{
    public bool NothingToDo => DaysRewritten == 0 && WeeksRewritten == 0;
}

/// <summary>
/// Silver to gold, only for the days a silver run touched: <c>gold.daily_counts</c> (with rollups and
/// zero days), <c>gold.time_to_close</c> (by ISO week), <c>gold.hourly_patterns</c>, and the small
/// <c>gold.daily_series</c> that keeps zero-filling right. Each table is rewritten with a replace-where
/// over exactly the days (or weeks) recomputed, so its other partitions are never touched.
/// </summary>
public sealed class GoldStage(LakeCatalog catalog, TimeProvider time)
{
    private static readonly DuckDbDialect Dialect = DuckDbDialect.Instance;
    private const string SilverForGold = "staging.silver_for_gold";

    /// <summary>
    /// Recomputes gold for the days the silver stage touched (read from <see cref="SilverStage.Accepted"/>
    /// and <see cref="SilverStage.Preimage"/>), or for every day of silver when <paramref name="rebuild"/> is set.
    /// </summary>
    public GoldResult Run(DuckDBConnection db, bool rebuild = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        var silverPath = catalog.PathOf(PipelineRelations.Silver);
        if (!DeltaTable.Exists(silverPath))
        {
            throw new PipelineException("there is no silver table yet; run the silver stage first");
        }

        var silver = DeltaTable.Open(silverPath, catalog.Options, time);
        var snapshot = silver.LoadSnapshot();
        PipelineTables.Staging(db);

        // Series before and after: the stored series, updated with the run's accepted rows (a rebuild starts from silver).
        var seriesShape = $"SELECT CAST(NULL AS VARCHAR) AS complaint_type, CAST(NULL AS VARCHAR) AS borough, CAST(NULL AS DATE) AS first_date, CAST(NULL AS DATE) AS last_date";
        if (rebuild)
        {
            db.Execute($"CREATE OR REPLACE VIEW staging.silver_all AS {silver.SelectSql(db, snapshot)}");
            db.Execute($"CREATE OR REPLACE TABLE {PipelineRelations.DailySeriesBefore} AS {seriesShape} LIMIT 0");
            db.Execute($"CREATE OR REPLACE TABLE staging.daily_series_after AS {GoldSql.DailySeries(Dialect, "staging.silver_all")}");
            db.Execute($"CREATE OR REPLACE TABLE {PipelineRelations.TouchedDates} AS SELECT DISTINCT created_day AS \"date\" FROM staging.silver_all");
        }
        else
        {
            PipelineTables.View(catalog, time, db, PipelineRelations.DailySeries, seriesShape);
            db.Execute($"CREATE OR REPLACE TABLE {PipelineRelations.DailySeriesBefore} AS SELECT * FROM {PipelineRelations.DailySeries}");
            db.Execute($"""
                CREATE OR REPLACE TABLE staging.daily_series_after AS
                SELECT complaint_type, borough, MIN(first_date) AS first_date, MAX(last_date) AS last_date
                FROM (SELECT * FROM {PipelineRelations.DailySeriesBefore}
                      UNION ALL {GoldSql.DailySeries(Dialect, SilverStage.Accepted)})
                GROUP BY complaint_type, borough
                """);
            db.Execute($"""
                CREATE OR REPLACE TABLE {PipelineRelations.TouchedDates} AS
                SELECT created_day AS "date" FROM {SilverStage.Accepted}
                UNION SELECT created_day FROM {SilverStage.Preimage}
                """);
        }

        db.Execute($"CREATE OR REPLACE TABLE {PipelineRelations.DailyCountsDates} AS {GoldSql.DailyCountsDates(Dialect, PipelineRelations.TouchedDates, PipelineRelations.DailySeriesBefore, "staging.daily_series_after")}");
        db.Execute($"CREATE OR REPLACE TABLE staging.touched_weeks AS {GoldSql.TouchedWeeks(Dialect, PipelineRelations.TouchedDates)}");
        var days = Dates(db, $"SELECT \"date\" FROM {PipelineRelations.DailyCountsDates}");
        var weeks = Dates(db, "SELECT week_start FROM staging.touched_weeks");
        var touched = Dates(db, $"SELECT \"date\" FROM {PipelineRelations.TouchedDates}");
        if (days.Count == 0 && weeks.Count == 0)
        {
            return new GoldResult(0, 0, 0, 0, 0);
        }

        // Only the silver partitions (months) holding the days to recompute are read.
        var months = days.Concat(weeks.SelectMany(w => new[] { w, w.AddDays(6) })).Select(d => new DateOnly(d.Year, d.Month, 1)).Distinct().Cast<object>().ToList();
        db.Execute($"CREATE OR REPLACE VIEW {SilverForGold} AS {silver.SelectSql(db, snapshot, Predicate.In("created_month", months))}");

        var counts = GoldSql.DailyCounts(Dialect, SilverForGold, PipelineRelations.DailyCountsDates, "staging.daily_series_after");
        var dailyCounts = Replace(db, PipelineRelations.DailyCounts, counts, ["date"], "date", days, "daily requests by created day, complaint type and borough, with (all) rollups and zero days");

        var series = $"SELECT * FROM staging.daily_series_after";
        PipelineTables.Ensure(catalog, time, db, PipelineRelations.DailySeries, series, [], "first and last day of every (complaint type, borough) series").Overwrite(db, series);

        var timeToClose = Replace(db, PipelineRelations.TimeToClose, GoldSql.TimeToClose(Dialect, SilverForGold, PipelineRelations.TouchedDates), ["week_start"], "week_start", weeks, "time to close by agency, complaint type and ISO week of creation: median and 90th percentile hours");
        var hourly = Replace(db, PipelineRelations.HourlyPatterns, GoldSql.HourlyPatterns(Dialect, SilverForGold, PipelineRelations.TouchedDates), ["date"], "date", touched, "requests per created day and hour, by complaint type");
        return new GoldResult(days.Count, dailyCounts, weeks.Count, timeToClose, hourly);
    }

    /// <summary>Replaces the rows of <paramref name="keys"/> (values of <paramref name="keyColumn"/>) with the rows of <paramref name="selectSql"/>.</summary>
    private long Replace(DuckDBConnection db, string table, string selectSql, IReadOnlyList<string> partitionBy, string keyColumn, List<DateOnly> keys, string description)
    {
        if (keys.Count == 0)
        {
            return 0;
        }

        var staging = "staging." + table.Replace('.', '_');
        db.Execute($"CREATE OR REPLACE TABLE {staging} AS {selectSql}");
        var delta = PipelineTables.Ensure(catalog, time, db, table, $"SELECT * FROM {staging}", partitionBy, description);
        var result = delta.Overwrite(db, $"SELECT * FROM {staging}", Predicate.In(keyColumn, keys.Cast<object>()));
        return result.RowsWritten;
    }

    private static List<DateOnly> Dates(DuckDBConnection db, string sql) =>
        db.Query(sql, r => r.IsDBNull(0) ? (DateOnly?)null : r.GetValue(0) switch
            {
                DateOnly d => d,
                DateTime dt => DateOnly.FromDateTime(dt),
                var other => DateOnly.Parse(Convert.ToString(other, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture),
            })
            .Where(d => d is not null).Select(d => d!.Value).Distinct().Order().ToList();
}

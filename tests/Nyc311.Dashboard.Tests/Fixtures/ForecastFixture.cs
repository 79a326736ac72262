using Nyc311.Forecasting.Platform;
using Nyc311.Lake;
using Nyc311.Lake.Catalog;
using Nyc311.Lake.Operations;
using Nyc311.Lake.Sql;

namespace Nyc311.Dashboard.Tests.Fixtures;

/// <summary>
/// Rows of <c>gold.forecasts</c> as the contract in docs/ARCHITECTURE.md describes them: for the citywide total,
/// the five boroughs and the busiest complaint types, a week-ahead forecast from every origin of the last eight
/// weeks and a four-week one from the last day; <c>prophet</c> everywhere, <c>seasonal_naive</c> for the total too.
/// </summary>
internal static class ForecastFixture
{
    public static void Write(LakeCatalog catalog, DateOnly lastDay)
    {
        using var db = LakeDuckDb.Open();
        var daily = DeltaTable.Open(catalog.PathOf("gold.daily_counts"), catalog.Options);
        db.Execute($"CREATE TEMP VIEW daily AS {daily.SelectSql(db)}");
        var firstOrigin = lastDay.AddDays(-56);
        db.Execute($"""
            CREATE TEMP TABLE forecasts AS
            WITH series AS (
                SELECT complaint_type, borough FROM daily WHERE borough = '(all)' AND complaint_type = '(all)' GROUP BY ALL
                UNION SELECT '(all)', borough FROM daily WHERE borough <> '(all)' GROUP BY ALL
                UNION SELECT complaint_type, '(all)' FROM (
                    SELECT complaint_type FROM daily WHERE borough = '(all)' AND complaint_type <> '(all)' GROUP BY 1 ORDER BY sum(requests) DESC LIMIT 6)
            ),
            models(model, version, scale) AS (VALUES ('prophet', '3', 1.0), ('seasonal_naive', '1', 1.04)),
            origins AS (SELECT CAST(o AS DATE) AS origin FROM range(DATE '{firstOrigin:yyyy-MM-dd}', DATE '{lastDay:yyyy-MM-dd}' + 1, INTERVAL 1 DAY) AS t(o)),
            horizons AS (
                SELECT origin, CAST(origin + CAST(h AS INTEGER) AS DATE) AS "date" FROM origins, range(1, 8) AS t(h) WHERE origin < DATE '{lastDay:yyyy-MM-dd}'
                UNION ALL SELECT DATE '{lastDay:yyyy-MM-dd}', CAST(DATE '{lastDay:yyyy-MM-dd}' + CAST(h AS INTEGER) AS DATE) FROM range(1, 29) AS t(h)
            ),
            weekly AS (
                SELECT d.complaint_type, d.borough, dayofweek(d."date") AS dow, avg(d.requests) AS level
                FROM daily AS d JOIN series USING (complaint_type, borough)
                WHERE d."date" > DATE '{lastDay:yyyy-MM-dd}' - 70
                GROUP BY ALL
            )
            SELECT s.complaint_type, s.borough, h."date",
                   w.level * m.scale AS forecast, w.level * m.scale * 0.85 AS lower, w.level * m.scale * 1.15 AS upper, 0.8 AS interval_width,
                   m.model, m.version AS model_version, 'run-fixture-' || m.model AS run_id, h.origin,
                   TIMESTAMPTZ '2026-08-04 06:00:00+00' + to_days(CAST(h.origin - DATE '{firstOrigin:yyyy-MM-dd}' AS INTEGER)) AS created_at
            FROM series AS s CROSS JOIN horizons AS h CROSS JOIN models AS m
            JOIN weekly AS w ON w.complaint_type = s.complaint_type AND w.borough = s.borough AND w.dow = dayofweek(h."date")
            WHERE m.model = 'prophet' OR (s.complaint_type = '(all)' AND s.borough = '(all)')
            """);
        var table = DeltaTable.Create(catalog.PathOf(ForecastsTable.Name), ForecastsTable.Schema, new CreateTableOptions { PartitionColumns = ["origin"], Description = "fixture forecasts" }, catalog.Options);
        table.Append(db, "SELECT complaint_type, borough, \"date\", forecast, lower, upper, interval_width, model, model_version, run_id, origin, created_at FROM forecasts");
    }
}

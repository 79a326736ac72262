using Nyc311.Lake;
using Nyc311.Lake.Catalog;
using Nyc311.Lake.Sql;

namespace Nyc311.Dashboard.Tests.Fixtures;

/// <summary>
/// Extends <c>gold.daily_counts</c> backwards: every base series of the pipeline's days continues at its level
/// with a weekly and a yearly pattern and deterministic noise, and the rollups are their sums (as the pipeline
/// computes them), one partition per day, as a two-year run leaves the table.
/// </summary>
internal static class GoldHistory
{
    public static void Write(LakeCatalog catalog, DateOnly from, DateOnly to)
    {
        using var db = LakeDuckDb.Open();
        var table = DeltaTable.Open(catalog.PathOf("gold.daily_counts"), catalog.Options);
        db.Execute($"CREATE TEMP VIEW existing AS {table.SelectSql(db)}");
        db.Execute($"""
            CREATE TEMP TABLE history AS
            WITH levels AS (
                SELECT complaint_type, borough, avg(requests) AS level
                FROM existing WHERE complaint_type <> '(all)' AND borough <> '(all)'
                GROUP BY ALL
            ),
            days AS (SELECT CAST(d AS DATE) AS day FROM range(DATE '{from:yyyy-MM-dd}', DATE '{to:yyyy-MM-dd}' + 1, INTERVAL 1 DAY) AS t(d)),
            base AS (
                SELECT d.day, l.complaint_type, l.borough,
                       CAST(greatest(0, round(l.level
                           * (CASE dayofweek(d.day) WHEN 0 THEN 0.78 WHEN 6 THEN 0.85 ELSE 1.05 END)
                           * (1 + 0.18 * sin(2 * pi() * dayofyear(d.day) / 365.25))
                           * (0.9 + 0.2 * ((hash(l.complaint_type, l.borough, d.day) % 1000) / 1000.0)))) AS BIGINT) AS requests
                FROM days AS d CROSS JOIN levels AS l
            )
            SELECT day AS "date", coalesce(complaint_type, '(all)') AS complaint_type, coalesce(borough, '(all)') AS borough, CAST(sum(requests) AS BIGINT) AS requests
            FROM base
            GROUP BY GROUPING SETS ((day, complaint_type, borough), (day, complaint_type), (day, borough), (day))
            """);
        table.Append(db, """SELECT "date", complaint_type, borough, requests FROM history""");
    }
}

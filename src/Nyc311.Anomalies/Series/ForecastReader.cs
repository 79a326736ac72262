using System.Globalization;
using Nyc311.Lake;
using Nyc311.Lake.Catalog;
using Nyc311.Lake.Sql;
using Nyc311.Lake.Stats;
using Nyc311.Anomalies.Detection;

namespace Nyc311.Anomalies.Series;

/// <summary>
/// Reads <c>gold.forecasts</c> (issue 6) when it exists: for each series and day, the forecast with the
/// newest origin strictly before the day, so a day is never judged against a forecast that saw it.
/// </summary>
internal static class ForecastReader
{
    public const string Table = "gold.forecasts";

    public static Dictionary<(SeriesKey Series, DateOnly Date), ExternalForecast> Read(LakeCatalog catalog, DateOnly from, DateOnly to, TimeProvider time)
    {
        var result = new Dictionary<(SeriesKey, DateOnly), ExternalForecast>();
        if (!DeltaTable.Exists(catalog.PathOf(Table)))
        {
            return result;
        }

        var table = DeltaTable.Open(catalog.PathOf(Table), catalog.Options, time);
        using var db = LakeDuckDb.Open();
        var select = table.SelectSql(db, filter: Predicate.LessThan("origin", to));
        var rows = db.Query(
            $"""
            SELECT complaint_type, borough, "date", forecast, lower, upper, interval_width, model, origin
            FROM ({select})
            WHERE "date" BETWEEN DATE '{from:yyyy-MM-dd}' AND DATE '{to:yyyy-MM-dd}' AND origin < "date"
              AND forecast IS NOT NULL AND lower IS NOT NULL AND upper IS NOT NULL AND interval_width > 0 AND interval_width < 1
            QUALIFY row_number() OVER (PARTITION BY complaint_type, borough, "date" ORDER BY origin DESC, created_at DESC) = 1
            """,
            r => (
                Key: (new SeriesKey(r.GetString(0), r.GetString(1)), DailyCountsReader.ToDate(r.GetValue(2))),
                Forecast: new ExternalForecast(
                    Number(r.GetValue(3)), Number(r.GetValue(4)), Number(r.GetValue(5)), Number(r.GetValue(6)),
                    r.IsDBNull(7) ? "" : r.GetString(7), DailyCountsReader.ToDate(r.GetValue(8)))));
        foreach (var (key, forecast) in rows)
        {
            result[key] = forecast;
        }

        return result;
    }

    private static double Number(object value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);
}

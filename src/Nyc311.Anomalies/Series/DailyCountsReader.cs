using System.Globalization;
using Nyc311.Lake;
using Nyc311.Lake.Catalog;
using Nyc311.Lake.Sql;
using Nyc311.Lake.Stats;

namespace Nyc311.Anomalies.Series;

/// <summary>Reads <c>gold.daily_counts</c> into one <see cref="DailySeries"/> per (complaint type, borough), rollups included.</summary>
internal static class DailyCountsReader
{
    public const string Table = "gold.daily_counts";

    public static bool Exists(LakeCatalog catalog) => DeltaTable.Exists(catalog.PathOf(Table));

    /// <summary>The last day with rows, or null for an empty (or missing) table. Partition values answer it without reading data.</summary>
    public static DateOnly? LastDay(LakeCatalog catalog, TimeProvider time)
    {
        if (!Exists(catalog))
        {
            return null;
        }

        var table = DeltaTable.Open(catalog.PathOf(Table), catalog.Options, time);
        var snapshot = table.LoadSnapshot();
        if (snapshot.Files.Count == 0)
        {
            return null;
        }

        if (snapshot.PartitionColumns.Contains("date"))
        {
            return snapshot.Files
                .Select(f => f.PartitionValues.TryGetValue("date", out var v) && DateOnly.TryParse(v, CultureInfo.InvariantCulture, out var d) ? d : (DateOnly?)null)
                .Max();
        }

        using var db = LakeDuckDb.Open();
        return db.Scalar($"SELECT max(\"date\") FROM ({table.SelectSql(db, snapshot)})") switch
        {
            DateOnly d => d,
            DateTime dt => DateOnly.FromDateTime(dt),
            _ => null,
        };
    }

    /// <summary>
    /// Every series on the days <paramref name="from"/>..<paramref name="to"/>: the days a series has no row
    /// (before its first day, or a day missing from the table) are NaN.
    /// </summary>
    public static Dictionary<SeriesKey, DailySeries> Read(LakeCatalog catalog, DateOnly from, DateOnly to, TimeProvider time)
    {
        var result = new Dictionary<SeriesKey, DailySeries>();
        if (!Exists(catalog))
        {
            return result;
        }

        var table = DeltaTable.Open(catalog.PathOf(Table), catalog.Options, time);
        using var db = LakeDuckDb.Open();
        var select = table.SelectSql(db, filter: Predicate.Between("date", from, to));
        var length = to.DayNumber - from.DayNumber + 1;
        var rows = db.Query(
            $"SELECT \"date\", complaint_type, borough, requests FROM ({select}) WHERE complaint_type IS NOT NULL AND borough IS NOT NULL",
            r => (Date: ToDate(r.GetValue(0)), Type: r.GetString(1), Borough: r.GetString(2), Requests: r.IsDBNull(3) ? double.NaN : Convert.ToDouble(r.GetValue(3), CultureInfo.InvariantCulture)));
        foreach (var row in rows)
        {
            var key = new SeriesKey(row.Type, row.Borough);
            if (!result.TryGetValue(key, out var series))
            {
                var values = new double[length];
                Array.Fill(values, double.NaN);
                series = new DailySeries(key, from, values);
                result[key] = series;
            }

            series.Values[row.Date.DayNumber - from.DayNumber] = row.Requests;
        }

        return result;
    }

    internal static DateOnly ToDate(object value) => value switch
    {
        DateOnly d => d,
        DateTime dt => DateOnly.FromDateTime(dt),
        _ => DateOnly.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture),
    };
}

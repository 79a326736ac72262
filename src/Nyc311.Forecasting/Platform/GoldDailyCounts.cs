using System.Globalization;
using Nyc311.Forecasting.Series;
using Nyc311.Lake;
using Nyc311.Lake.Catalog;
using Nyc311.Lake.Sql;

namespace Nyc311.Forecasting.Platform;

/// <summary>The exact version of a table a run read.</summary>
/// <param name="Table">The table's qualified name (<c>gold.daily_counts</c>).</param>
/// <param name="Version">The Delta version read.</param>
/// <param name="CommittedAt">When that version was committed (UTC).</param>
public sealed record TableInput(string Table, long Version, DateTimeOffset CommittedAt);

/// <summary>The series read from gold, and what was read.</summary>
/// <param name="Series">The series, in key order, each ending on <paramref name="LastDay"/>.</param>
/// <param name="Input">The table version read.</param>
/// <param name="LastDay">The last day of the data: the forecast origin.</param>
public sealed record GoldSeries(IReadOnlyList<DailySeries> Series, TableInput Input, DateOnly LastDay);

/// <summary>Reads the series of <c>gold.daily_counts</c> for forecasting, at one pinned table version.</summary>
public static class GoldDailyCounts
{
    /// <summary>The table read.</summary>
    public const string TableName = "gold.daily_counts";

    /// <summary>
    /// The series the filter keeps, each as a gap-free daily series from its first day to the last day of the
    /// data (missing days count 0, as the table's explicit zero days do).
    /// </summary>
    /// <exception cref="ForecastInputException">The table does not exist or holds no rows.</exception>
    public static GoldSeries Read(LakeCatalog catalog, SeriesFilter? filter = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        filter ??= new SeriesFilter();
        filter.Validate();
        var path = catalog.PathOf(TableName);
        if (!DeltaTable.Exists(path))
        {
            throw ForecastInputException.Invalid(TableName, $"the table does not exist under {catalog.Root}; run 'nyc311 run' first");
        }

        var table = DeltaTable.Open(path, catalog.Options, time);
        var snapshot = table.LoadSnapshot();
        var input = new TableInput(TableName, snapshot.Version, snapshot.Timestamp);
        using var db = LakeDuckDb.Open(threads: 2);
        // One scan of the Parquet files (a partition per day) into memory; the queries below read it twice.
        db.Execute($"CREATE TEMP TABLE counts AS SELECT \"date\", complaint_type, borough, requests FROM ({table.SelectSql(db, snapshot)})");
        var lastDayNumber = db.Scalar("SELECT datediff('day', DATE '0001-01-01', max(\"date\"))::INTEGER FROM counts");
        if (lastDayNumber is null)
        {
            throw ForecastInputException.Invalid(TableName, $"version {snapshot.Version} holds no rows");
        }

        var lastDay = DateOnly.FromDayNumber(Convert.ToInt32(lastDayNumber, CultureInfo.InvariantCulture));
        var conditions = new List<string> { "TRUE" };
        if (filter.ComplaintTypes is { } types)
        {
            conditions.Add($"complaint_type IN ({string.Join(", ", types.Select(SqlText.Literal).DefaultIfEmpty("NULL"))})");
        }

        if (filter.Boroughs is { } boroughs)
        {
            conditions.Add($"borough IN ({string.Join(", ", boroughs.Select(SqlText.Literal).DefaultIfEmpty("NULL"))})");
        }

        var limit = filter.MaxSeries is { } max ? $"LIMIT {max}" : "";
        var recentFrom = lastDay.AddDays(-filter.VolumeDays + 1);
        var rows = db.Query(
            $"""
            WITH chosen AS (
                SELECT complaint_type, borough
                FROM counts
                WHERE {string.Join(" AND ", conditions)}
                GROUP BY complaint_type, borough
                HAVING datediff('day', min("date"), DATE '{lastDay:yyyy-MM-dd}') + 1 >= {filter.MinimumHistoryDays}
                   AND coalesce(sum(requests) FILTER (WHERE "date" >= DATE '{recentFrom:yyyy-MM-dd}'), 0) / {filter.VolumeDays}.0 >= {filter.MinimumMeanDaily.ToString("R", CultureInfo.InvariantCulture)}
                ORDER BY coalesce(sum(requests) FILTER (WHERE "date" >= DATE '{recentFrom:yyyy-MM-dd}'), 0) DESC, complaint_type, borough
                {limit}
            )
            SELECT c.complaint_type, c.borough, datediff('day', DATE '0001-01-01', c."date")::INTEGER, c.requests::DOUBLE
            FROM counts AS c JOIN chosen USING (complaint_type, borough)
            ORDER BY c.complaint_type, c.borough, c."date"
            """,
            r => (new SeriesKey(r.GetString(0), r.GetString(1)), r.GetInt32(2), r.IsDBNull(3) ? 0 : r.GetDouble(3)));
        return new GoldSeries(Assemble(rows, lastDay), input, lastDay);
    }

    private static List<DailySeries> Assemble(List<(SeriesKey Key, int Day, double Requests)> rows, DateOnly lastDay)
    {
        var series = new List<DailySeries>();
        var start = 0;
        while (start < rows.Count)
        {
            var end = start;
            while (end < rows.Count && rows[end].Key == rows[start].Key)
            {
                end++;
            }

            var first = rows[start].Day;
            var values = new double[lastDay.DayNumber - first + 1];
            for (var i = start; i < end; i++)
            {
                values[rows[i].Day - first] = rows[i].Requests;
            }

            series.Add(new DailySeries(rows[start].Key, DateOnly.FromDayNumber(first), values));
            start = end;
        }

        return series;
    }
}

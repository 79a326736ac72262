using DuckDB.NET.Data;
using Nyc311.Anomalies.Incidents;
using Nyc311.Dashboard.Filters;
using Nyc311.Lake.Sql;

namespace Nyc311.Dashboard.Data;

/// <summary>What the data covers: its days, its complaint types by volume and the forecast models present.</summary>
/// <param name="First">First day of <c>gold.daily_counts</c> (null before the first run).</param>
/// <param name="Last">Last day of <c>gold.daily_counts</c>.</param>
/// <param name="ComplaintTypes">Complaint types, busiest of the last 90 days first.</param>
/// <param name="Models">Forecast models in <c>gold.forecasts</c>.</param>
/// <param name="DailyCounts">The state of <c>gold.daily_counts</c>.</param>
/// <param name="Forecasts">The state of <c>gold.forecasts</c>.</param>
public sealed record DataExtent(DateOnly? First, DateOnly? Last, IReadOnlyList<string> ComplaintTypes, IReadOnlyList<string> Models, TableInfo DailyCounts, TableInfo Forecasts);

/// <summary>
/// The queries behind the pages. Each reads in-memory copies of the tables (<see cref="TableMirror"/>) or,
/// for lineage, the lake itself, and caches its result per table version (<see cref="QueryCache"/>); all
/// are asynchronous so a page shows its progress instead of waiting.
/// </summary>
internal sealed partial class DashboardData(LakeState lake, TableMirror mirror, QueryCache cache, IncidentStore incidents, ModelRegistryReader models)
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public LakeState Lake => lake;

    /// <summary>Today in New York.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(lake.Time.GetUtcNow(), NewYork).DateTime);

    /// <summary>Now, in UTC.</summary>
    public DateTimeOffset Now => lake.Time.GetUtcNow();

    public TableInfo Table(string name) => lake.Info(name);

    public async Task<DataExtent> ExtentAsync()
    {
        var daily = await mirror.GetAsync(Mirrors.DailyCounts);
        var forecasts = await mirror.GetAsync(Mirrors.Forecasts);
        return await cache.GetOrAdd($"extent|{daily.Source.VersionKey}|{forecasts.Source.VersionKey}", () => mirror.Read(db =>
        {
            var bounds = db.Query($"""SELECT min("date"), max("date") FROM {daily.Sql}""", r => (DbValues.NullableDate(r, 0), DbValues.NullableDate(r, 1))).Single();
            var types = db.Query(
                $"""
                SELECT complaint_type FROM {daily.Sql}
                WHERE complaint_type <> '(all)' AND borough = '(all)' AND "date" > (SELECT max("date") - 90 FROM {daily.Sql})
                GROUP BY complaint_type ORDER BY sum(requests) DESC, complaint_type
                """,
                r => r.GetString(0));
            var known = types.ToHashSet(StringComparer.Ordinal);
            types.AddRange(db.Query($"SELECT DISTINCT complaint_type FROM {daily.Sql} WHERE complaint_type <> '(all)' ORDER BY 1", r => r.GetString(0)).Where(t => !known.Contains(t)));
            var modelNames = db.Query($"SELECT DISTINCT model FROM {forecasts.Sql} WHERE model IS NOT NULL ORDER BY 1", r => r.GetString(0));
            return new DataExtent(bounds.Item1, bounds.Item2, types, modelNames, daily.Source, forecasts.Source);
        }));
    }

    /// <summary>
    /// Each series' days from <paramref name="range"/>'s start to <paramref name="forecastUntil"/> (forecasts past the
    /// data's end included), with the expected value of <paramref name="model"/> or, when null, of the model that
    /// wrote the series' newest forecast; the same-weekday baseline fills in where there is no forecast.
    /// </summary>
    public async Task<IReadOnlyList<SeriesFrame>> SeriesAsync(IReadOnlyList<SeriesKey> series, DateRange range, DateOnly forecastUntil, string? model = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count == 0)
        {
            return [];
        }

        var daily = await mirror.GetAsync(Mirrors.DailyCounts);
        var forecasts = await mirror.GetAsync(Mirrors.Forecasts);
        var key = $"series|{string.Join('\u001e', series.Select(s => s.ComplaintType + '\u001f' + s.Borough))}|{range}|{forecastUntil}|{model}|{daily.Source.VersionKey}|{forecasts.Source.VersionKey}";
        return await cache.GetOrAdd<IReadOnlyList<SeriesFrame>>(key, () => mirror.Read(db => ReadSeries(db, daily.Sql, forecasts.Sql, series, range, forecastUntil, model)));
    }

    private static List<SeriesFrame> ReadSeries(DuckDBConnection db, string daily, string forecasts, IReadOnlyList<SeriesKey> series, DateRange range, DateOnly forecastUntil, string? model)
    {
        var selected = string.Join(", ", series.Select(s => $"({SqlText.Literal(s.ComplaintType)}, {SqlText.Literal(s.Borough)})"));
        var from = DbValues.DateLiteral(range.From);
        var to = DbValues.DateLiteral(range.To);
        var until = DbValues.DateLiteral(forecastUntil < range.To ? range.To : forecastUntil);
        var modelJoin = model is null
            ? "JOIN models AS m ON m.complaint_type = f.complaint_type AND m.borough = f.borough AND m.model = f.model"
            : $"WHERE f.model = {SqlText.Literal(model)}";
        var sql = $"""
            WITH sel(complaint_type, borough) AS (VALUES {selected}),
            counts AS (
                SELECT d.complaint_type, d.borough, d."date", d.requests,
                       avg(d.requests) OVER w AS baseline, min(d.requests) OVER w AS baseline_low, max(d.requests) OVER w AS baseline_high, count(*) OVER w AS baseline_weeks
                FROM {daily} AS d JOIN sel ON sel.complaint_type = d.complaint_type AND sel.borough = d.borough
                WHERE d."date" BETWEEN {from} - 28 AND {to}
                WINDOW w AS (PARTITION BY d.complaint_type, d.borough, dayofweek(d."date") ORDER BY d."date" ROWS BETWEEN 4 PRECEDING AND 1 PRECEDING)
            ),
            models AS (
                SELECT f.complaint_type, f.borough, arg_max(f.model, f.created_at) AS model
                FROM {forecasts} AS f JOIN sel ON sel.complaint_type = f.complaint_type AND sel.borough = f.borough
                GROUP BY ALL
            ),
            chosen AS (
                SELECT f.complaint_type, f.borough, f."date", f.forecast, f.lower, f.upper, f.model
                FROM {forecasts} AS f {modelJoin}
                {(model is null ? "WHERE" : "AND")} f."date" BETWEEN {from} AND {until}
            )
            SELECT coalesce(c.complaint_type, f.complaint_type), coalesce(c.borough, f.borough), coalesce(c."date", f."date"),
                   c.requests, f.forecast, f.lower, f.upper, c.baseline, c.baseline_low, c.baseline_high, c.baseline_weeks, f.model
            FROM (SELECT * FROM counts WHERE "date" BETWEEN {from} AND {to}) AS c
            FULL JOIN (SELECT f.* FROM chosen AS f JOIN sel ON sel.complaint_type = f.complaint_type AND sel.borough = f.borough) AS f
              ON f.complaint_type = c.complaint_type AND f.borough = c.borough AND f."date" = c."date"
            ORDER BY 1, 2, 3
            """;
        var rows = db.Query(sql, r =>
        {
            var forecast = DbValues.NullableDouble(r, 4);
            var baselineWeeks = DbValues.Long(r, 10);
            var point = forecast is not null
                ? new SeriesPoint(DbValues.Date(r, 2), DbValues.NullableLong(r, 3), forecast, DbValues.NullableDouble(r, 5), DbValues.NullableDouble(r, 6), ExpectedSource.Forecast)
                : baselineWeeks >= 4
                    ? new SeriesPoint(DbValues.Date(r, 2), DbValues.NullableLong(r, 3), DbValues.NullableDouble(r, 7), DbValues.NullableDouble(r, 8), DbValues.NullableDouble(r, 9), ExpectedSource.Baseline)
                    : new SeriesPoint(DbValues.Date(r, 2), DbValues.NullableLong(r, 3), null, null, null, ExpectedSource.None);
            return (Series: new SeriesKey(r.GetString(0), r.GetString(1)), Point: point, Model: DbValues.String(r, 11));
        });
        var bySeries = rows.GroupBy(r => r.Series).ToDictionary(g => g.Key, g => g.ToList());
        return [.. series.Select(s => bySeries.TryGetValue(s, out var points)
            ? new SeriesFrame(s, points.Select(p => p.Model).FirstOrDefault(m => m is not null), [.. points.Select(p => p.Point)])
            : new SeriesFrame(s, null, []))];
    }
}

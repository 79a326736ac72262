using System.Globalization;
using Nyc311.Anomalies.Incidents;
using Nyc311.Dashboard.Filters;
using Nyc311.Lake.Sql;
using Nyc311.Lake.Stats;

namespace Nyc311.Dashboard.Data;

/// <summary>How current the data is.</summary>
/// <param name="LastRunAt">When the last silver run reported (UTC), from <c>silver.quality_reports</c>.</param>
/// <param name="LastRunId">That run's id.</param>
/// <param name="GoldCommittedAt">When <c>gold.daily_counts</c> last changed (UTC).</param>
/// <param name="NewestRecord">The newest <c>created_date</c> in silver (New York wall clock), from the log's file statistics.</param>
/// <param name="LastDay">The last day of <c>gold.daily_counts</c>.</param>
internal sealed record Freshness(DateTimeOffset? LastRunAt, string? LastRunId, DateTimeOffset? GoldCommittedAt, DateTime? NewestRecord, DateOnly? LastDay);

/// <summary>A series that moved most against its expectation on one day.</summary>
internal sealed record Mover(SeriesKey Series, long Actual, double Expected, double? Upper, ExpectedSource Source)
{
    public double Excess => Actual - Expected;

    /// <summary>Actual over expected (null when nothing was expected).</summary>
    public double? Ratio => Expected > 0 ? Actual / Expected : null;
}

/// <summary>Everything the overview shows.</summary>
internal sealed record OverviewData(
    DataExtent Extent,
    SeriesFrame Recent,
    SeriesPoint? Latest,
    SeriesPoint? Previous,
    IReadOnlyList<(string Severity, int Open)> OpenBySeverity,
    IReadOnlyList<Incident> OpenIncidents,
    IReadOnlyList<Mover> Movers,
    Freshness Freshness,
    TableInfo Anomalies);

internal sealed partial class DashboardData
{
    /// <summary>Severities from the most to the least urgent.</summary>
    public static IReadOnlyList<string> Severities { get; } = ["critical", "high", "medium", "low"];

    public async Task<OverviewData> OverviewAsync(DashboardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var extent = await ExtentAsync();
        var last = extent.Last ?? Today;
        var range = new DateRange(last.AddDays(-27), last);
        var selection = filter.Series;
        var frames = await SeriesAsync(selection, range, last);
        var recent = frames.Count == 1 ? frames[0] : SeriesFrame.Sum(new SeriesKey(string.Join(", ", filter.TypesOrAll), string.Join(", ", filter.BoroughsOrAll)), frames);
        var byDay = recent.Points.ToDictionary(p => p.Date);
        var incidentList = await IncidentsAsync();
        var open = incidentList.Where(i => i.Status == IncidentStatus.Open).ToList();
        var bySeverity = Severities.Select(s => (s, open.Count(i => i.Severity == s))).ToList();
        var openIncidents = open.OrderBy(i => SeverityRank(i.Severity)).ThenByDescending(i => i.PeakDate).Take(6).ToList();
        var movers = extent.Last is { } day ? await MoversAsync(day, filter) : [];
        return new OverviewData(
            extent,
            recent,
            byDay.GetValueOrDefault(last),
            byDay.GetValueOrDefault(last.AddDays(-1)),
            bySeverity,
            openIncidents,
            movers,
            await FreshnessAsync(extent),
            Table(LakeTables.Anomalies));
    }

    public static int SeverityRank(string severity)
    {
        for (var i = 0; i < Severities.Count; i++)
        {
            if (Severities[i] == severity)
            {
                return i;
            }
        }

        return Severities.Count;
    }

    /// <summary>The series (a type in a borough, or a type citywide) furthest above expected on <paramref name="day"/>.</summary>
    public async Task<IReadOnlyList<Mover>> MoversAsync(DateOnly day, DashboardFilter filter, int count = 8)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var daily = await mirror.GetAsync(Mirrors.DailyCounts);
        var forecasts = await mirror.GetAsync(Mirrors.Forecasts);
        var boroughs = filter.Boroughs.Count == 0 ? "" : $"AND c.borough IN ({string.Join(", ", filter.Boroughs.Select(SqlText.Literal))})";
        var types = filter.Types.Count == 0 ? "" : $"AND c.complaint_type IN ({string.Join(", ", filter.Types.Select(SqlText.Literal))})";
        var key = $"movers|{day}|{filter.Key}|{count}|{daily.Source.VersionKey}|{forecasts.Source.VersionKey}";
        return await cache.GetOrAdd<IReadOnlyList<Mover>>(key, () => mirror.Read(db => db.Query(
            $"""
            WITH c AS (
                SELECT complaint_type, borough, requests FROM {daily.Sql} AS c
                WHERE "date" = {DbValues.DateLiteral(day)} AND complaint_type <> '(all)' {boroughs} {types}
            ),
            b AS (
                SELECT d.complaint_type, d.borough, avg(d.requests) AS expected, max(d.requests) AS upper, count(*) AS weeks
                FROM {daily.Sql} AS d
                WHERE d."date" IN ({string.Join(", ", Enumerable.Range(1, 4).Select(w => DbValues.DateLiteral(day.AddDays(-7 * w))))})
                GROUP BY ALL
            ),
            m AS (SELECT complaint_type, borough, arg_max(model, created_at) AS model FROM {forecasts.Sql} GROUP BY ALL),
            f AS (
                SELECT f.complaint_type, f.borough, f.forecast, f.upper
                FROM {forecasts.Sql} AS f JOIN m ON m.complaint_type = f.complaint_type AND m.borough = f.borough AND m.model = f.model
                WHERE f."date" = {DbValues.DateLiteral(day)}
            )
            SELECT c.complaint_type, c.borough, c.requests,
                   coalesce(f.forecast, b.expected) AS expected, coalesce(f.upper, b.upper) AS upper, f.forecast IS NOT NULL AS from_forecast
            FROM c
            LEFT JOIN f ON f.complaint_type = c.complaint_type AND f.borough = c.borough
            LEFT JOIN b ON b.complaint_type = c.complaint_type AND b.borough = c.borough AND b.weeks = 4
            WHERE coalesce(f.forecast, b.expected) IS NOT NULL
            ORDER BY c.requests - coalesce(f.forecast, b.expected) DESC, c.complaint_type, c.borough
            LIMIT {count}
            """,
            r => new Mover(
                new SeriesKey(r.GetString(0), r.GetString(1)),
                DbValues.Long(r, 2),
                DbValues.NullableDouble(r, 3) ?? 0,
                DbValues.NullableDouble(r, 4),
                r.GetBoolean(5) ? ExpectedSource.Forecast : ExpectedSource.Baseline))));
    }

    public async Task<Freshness> FreshnessAsync(DataExtent extent)
    {
        ArgumentNullException.ThrowIfNull(extent);
        var reports = await mirror.GetAsync(Mirrors.QualityReports);
        var silver = Table(LakeTables.Silver);
        var key = $"freshness|{reports.Source.VersionKey}|{silver.VersionKey}|{extent.DailyCounts.VersionKey}";
        return await cache.GetOrAdd(key, () =>
        {
            var lastRun = mirror.Read(db => db.Query($"SELECT reported_at, run_id FROM {reports.Sql} ORDER BY reported_at DESC LIMIT 1", r => (DbValues.Instant(r, 0), DbValues.String(r, 1)))).FirstOrDefault();
            return new Freshness(lastRun.Item1, lastRun.Item2, extent.DailyCounts.CommittedAt, NewestCreated(silver), extent.Last);
        });
    }

    /// <summary>The largest <c>created_date</c> the silver log's file statistics record (no data file is read).</summary>
    private DateTime? NewestCreated(TableInfo silver)
    {
        if (!silver.IsReady)
        {
            return null;
        }

        DateTime? newest = null;
        foreach (var file in lake.Open(silver).Snapshot.Files)
        {
            var value = FileStatistics.Parse(file.Stats)?.MaxValues?["created_date"]?.GetValue<string>();
            if (value is not null && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var created) && (newest is null || created > newest))
            {
                newest = DateTime.SpecifyKind(created, DateTimeKind.Unspecified);
            }
        }

        return newest;
    }
}

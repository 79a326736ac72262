using Nyc311.Dashboard.Filters;
using Nyc311.Lake.Sql;

namespace Nyc311.Dashboard.Data;

/// <summary>Time to close for one agency or complaint type over a range of weeks.</summary>
/// <param name="Name">The agency code or complaint type.</param>
/// <param name="Requests">Requests created in those weeks.</param>
/// <param name="Closed">Of those, requests closed.</param>
/// <param name="MedianHours">Weekly medians of hours to close, averaged with the closed requests as weights.</param>
/// <param name="P90Hours">Weekly 90th percentiles, averaged the same way.</param>
internal sealed record ResponseRow(string Name, long Requests, long Closed, double? MedianHours, double? P90Hours)
{
    public double ClosedShare => Requests == 0 ? 0 : (double)Closed / Requests;
}

/// <summary>One agency's median hours to close for the requests created in one ISO week.</summary>
internal sealed record ResponseWeek(DateOnly WeekStart, string Agency, double? MedianHours, long Requests);

/// <summary>The response times page.</summary>
internal sealed record ResponseTimesData(DateRange Range, IReadOnlyList<string> Agencies, IReadOnlyList<ResponseRow> ByAgency, IReadOnlyList<ResponseRow> ByType, IReadOnlyList<ResponseWeek> Weekly, TableInfo Source);

internal sealed partial class DashboardData
{
    /// <summary>Agencies drawn in the weekly chart.</summary>
    public const int WeeklyAgencies = 6;

    /// <summary>
    /// Time to close from <c>gold.time_to_close</c> for the weeks starting in the filter's range (or the week
    /// holding its first day), the chosen complaint types and, when given, one agency.
    /// </summary>
    public async Task<ResponseTimesData> ResponseTimesAsync(DashboardFilter filter, string? agency)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var extent = await ExtentAsync();
        var close = await mirror.GetAsync(Mirrors.TimeToClose);
        var range = filter.Resolve(extent.Last ?? await LastWeekAsync(close), Today);
        var key = $"response|{range}|{filter.Key}|{agency}|{close.Source.VersionKey}";
        return await cache.GetOrAdd(key, () => mirror.Read(db =>
        {
            var where = $"week_start BETWEEN {DbValues.DateLiteral(range.From.AddDays(-6))} AND {DbValues.DateLiteral(range.To)}"
                + (filter.Types.Count == 0 ? "" : $" AND complaint_type IN ({string.Join(", ", filter.Types.Select(SqlText.Literal))})");
            var agencyWhere = agency is null ? "" : $" AND agency = {SqlText.Literal(agency)}";
            var agencies = db.Query($"SELECT agency FROM {close.Sql} WHERE {where} AND agency IS NOT NULL GROUP BY 1 ORDER BY sum(requests) DESC", r => r.GetString(0));
            string Aggregate(string by) => $"""
                SELECT {by}, sum(requests), sum(requests_closed),
                       sum(median_hours_to_close * requests_closed) / nullif(sum(CASE WHEN median_hours_to_close IS NOT NULL THEN requests_closed END), 0),
                       sum(p90_hours_to_close * requests_closed) / nullif(sum(CASE WHEN p90_hours_to_close IS NOT NULL THEN requests_closed END), 0)
                FROM {close.Sql} WHERE {where}{agencyWhere} AND {by} IS NOT NULL
                GROUP BY 1 ORDER BY 2 DESC, 1
                """;
            ResponseRow Row(System.Data.Common.DbDataReader r) => new(r.GetString(0), DbValues.Long(r, 1), DbValues.Long(r, 2), DbValues.NullableDouble(r, 3), DbValues.NullableDouble(r, 4));
            var byAgency = db.Query(Aggregate("agency"), Row);
            var byType = db.Query(Aggregate("complaint_type") + " LIMIT 40", Row);
            var shown = (agency is null ? byAgency.Take(WeeklyAgencies).Select(a => a.Name) : [agency]).ToList();
            var weekly = shown.Count == 0 ? [] : db.Query(
                $"""
                SELECT week_start, agency, sum(median_hours_to_close * requests_closed) / nullif(sum(CASE WHEN median_hours_to_close IS NOT NULL THEN requests_closed END), 0), sum(requests)
                FROM {close.Sql} WHERE {where} AND agency IN ({string.Join(", ", shown.Select(SqlText.Literal))})
                GROUP BY 1, 2 ORDER BY 2, 1
                """,
                r => new ResponseWeek(DbValues.Date(r, 0), r.GetString(1), DbValues.NullableDouble(r, 2), DbValues.Long(r, 3)));
            return new ResponseTimesData(range, agencies, byAgency, byType, weekly, close.Source);
        }));
    }

    private async Task<DateOnly?> LastWeekAsync(Mirrored close)
    {
        var last = await cache.GetOrAdd($"last-week|{close.Source.VersionKey}", () =>
            new Box<DateOnly?>(mirror.Read(db => db.Query($"SELECT max(week_start) + 6 FROM {close.Sql}", r => DbValues.NullableDate(r, 0)).Single())));
        return last.Value;
    }
}

/// <summary>A value type kept in the reference-typed cache.</summary>
internal sealed record Box<T>(T Value);

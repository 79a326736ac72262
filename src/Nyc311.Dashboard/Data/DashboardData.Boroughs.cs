using Nyc311.Dashboard.Filters;
using Nyc311.Lake.Sql;

namespace Nyc311.Dashboard.Data;

/// <summary>One borough over a range: requests, what was expected, and its busiest complaint types.</summary>
internal sealed record BoroughRow(string Borough, long Actual, double? Expected, IReadOnlyList<(string ComplaintType, long Requests)> TopTypes)
{
    public double? Excess => Expected is { } e ? Actual - e : null;

    /// <summary>Excess as a share of expected (0.1 = 10% above).</summary>
    public double? ExcessShare => Expected is > 0 ? (Actual - Expected.Value) / Expected.Value : null;
}

/// <summary>The boroughs page: a row and a daily series per borough.</summary>
internal sealed record BoroughData(DateRange Range, IReadOnlyList<BoroughRow> Rows, IReadOnlyList<SeriesFrame> Daily, DataExtent Extent)
{
    public long Total => Rows.Sum(r => r.Actual);
}

internal sealed partial class DashboardData
{
    /// <summary>The five boroughs over the filter's range, for the chosen complaint types (all when none).</summary>
    public async Task<BoroughData> BoroughsAsync(DashboardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var extent = await ExtentAsync();
        var range = filter.Resolve(extent.Last, Today);
        var types = filter.TypesOrAll.Take(DashboardFilter.MaxSeries).ToList();
        var boroughs = Nyc311.Domain.Boroughs.All;
        var frames = await SeriesAsync([.. boroughs.SelectMany(b => types.Select(t => new SeriesKey(t, b)))], range, range.To);
        var daily = boroughs.Select(b =>
        {
            var parts = frames.Where(f => f.Series.Borough == b).ToList();
            return parts.Count == 1 ? parts[0] : SeriesFrame.Sum(new SeriesKey(string.Join(", ", types), b), parts);
        }).ToList();
        var top = await TopTypesAsync(range, filter);
        var rows = daily.Select(d => new BoroughRow(
            d.Series.Borough,
            d.TotalActual,
            d.Points.Any(p => p.Actual is not null && p.Expected is not null) ? d.TotalExpected : null,
            top.GetValueOrDefault(d.Series.Borough) ?? [])).ToList();
        return new BoroughData(range, rows, daily, extent);
    }

    private async Task<Dictionary<string, IReadOnlyList<(string, long)>>> TopTypesAsync(DateRange range, DashboardFilter filter)
    {
        var daily = await mirror.GetAsync(Mirrors.DailyCounts);
        var types = filter.Types.Count == 0 ? "" : $"AND complaint_type IN ({string.Join(", ", filter.Types.Select(SqlText.Literal))})";
        return await cache.GetOrAdd($"top-types|{range}|{filter.Key}|{daily.Source.VersionKey}", () => mirror.Read(db => db.Query(
            $"""
            SELECT borough, complaint_type, sum(requests) AS total FROM {daily.Sql}
            WHERE "date" BETWEEN {DbValues.DateLiteral(range.From)} AND {DbValues.DateLiteral(range.To)}
              AND complaint_type <> '(all)' AND borough <> '(all)' {types}
            GROUP BY borough, complaint_type
            QUALIFY row_number() OVER (PARTITION BY borough ORDER BY total DESC, complaint_type) <= 3
            ORDER BY borough, total DESC
            """,
            r => (Borough: r.GetString(0), Type: r.GetString(1), Total: DbValues.Long(r, 2)))
            .GroupBy(r => r.Borough)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<(string, long)>)[.. g.Select(r => (r.Type, r.Total))], StringComparer.Ordinal)));
    }
}

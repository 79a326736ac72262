using Nyc311.Dashboard.Filters;

namespace Nyc311.Dashboard.Data;

/// <summary>The trends page: the days shown and each chosen series over them, forecasts past the data included.</summary>
internal sealed record TrendsData(DataExtent Extent, DateRange Range, IReadOnlyList<SeriesFrame> Frames);

internal sealed partial class DashboardData
{
    /// <summary>How far past the data's end the trends page draws forecasts when its range reaches that end.</summary>
    public const int TrendForecastDays = 28;

    /// <summary>Open incidents whose pages are computed ahead (the overview lists six).</summary>
    private const int WarmIncidents = 12;

    /// <summary>The filter's series over its range (the last 90 days by default), compared with <paramref name="model"/> or each series' newest.</summary>
    public async Task<TrendsData> TrendsAsync(DashboardFilter filter, string? model)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var extent = await ExtentAsync();
        var range = filter.Resolve(extent.Last, Today);
        var until = extent.Last is { } last && range.To >= last ? range.To.AddDays(TrendForecastDays) : range.To;
        return new TrendsData(extent, range, await SeriesAsync(filter.Series, range, until, string.IsNullOrEmpty(model) ? null : model));
    }

    /// <summary>
    /// Computes what every page shows under its default filters (and each open incident's page), so that the first
    /// render after a new table version reads the cache instead of querying. The watcher calls it per new version.
    /// </summary>
    public async Task WarmAsync()
    {
        var filter = DashboardFilter.Default;
        await OverviewAsync(filter);
        await TrendsAsync(filter, null);
        await BoroughsAsync(filter);
        await ResponseTimesAsync(filter, null);
        await HealthAsync();
        foreach (var incident in (await IncidentsAsync()).Where(i => i.Status == Nyc311.Anomalies.Incidents.IncidentStatus.Open).Take(WarmIncidents))
        {
            await IncidentAsync(incident.IncidentId);
        }
    }
}

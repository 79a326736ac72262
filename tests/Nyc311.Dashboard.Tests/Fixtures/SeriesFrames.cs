using Nyc311.Dashboard.Data;
using Nyc311.Dashboard.Filters;

namespace Nyc311.Dashboard.Tests.Fixtures;

/// <summary>Small daily series for chart tests: a week (or <c>days</c>) from 2026-06-01, with a forecast and its range.</summary>
internal static class SeriesFrames
{
    public static readonly DateOnly Start = new(2026, 6, 1);

    /// <summary>Requests 100 to 140 against an expected 110.25 (95.5 to 125.75, no range on the fourth day), raised by <paramref name="offset"/>.</summary>
    public static SeriesFrame Daily(SeriesKey series, int offset = 0, int days = 7) => new(series, "lightgbm", [.. Enumerable.Range(0, days).Select(i =>
        new SeriesPoint(Start.AddDays(i), 100 + (i * 7 % 5 * 10) + offset, 110.25, i == 3 ? null : 95.5, i == 3 ? null : 125.75, ExpectedSource.Forecast))]);
}

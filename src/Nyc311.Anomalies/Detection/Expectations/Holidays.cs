using System.Collections.Concurrent;
using Nyc311.Domain;

namespace Nyc311.Anomalies.Detection.Expectations;

/// <summary>US and NYC holidays (observed dates included) as a fast lookup.</summary>
internal static class Holidays
{
    private static readonly ConcurrentDictionary<int, HashSet<DateOnly>> ByYear = new();

    public static bool IsHoliday(DateOnly date) =>
        ByYear.GetOrAdd(date.Year, year => [.. HolidayCalendar.For(year).Select(h => h.Date)]).Contains(date);
}

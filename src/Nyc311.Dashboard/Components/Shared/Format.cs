using System.Globalization;

namespace Nyc311.Dashboard.Components.Shared;

/// <summary>How numbers, days and times read on the pages (invariant culture, New York clock).</summary>
internal static class Format
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Count(double? value) => value is { } v && double.IsFinite(v) ? Math.Round(v).ToString("N0", CultureInfo.InvariantCulture) : "–";

    /// <summary>A signed count: "+1,240" or "-35".</summary>
    public static string Signed(double? value) => value is { } v && double.IsFinite(v) ? (v >= 0.5 ? "+" : "") + Math.Round(v).ToString("N0", CultureInfo.InvariantCulture) : "–";

    /// <summary>A share as a signed percentage: 0.125 as "+12.5%".</summary>
    public static string SignedPercent(double? share) => share is { } s && double.IsFinite(s) ? (s >= 0 ? "+" : "") + (s * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "–";

    public static string Percent(double? share) => share is { } s && double.IsFinite(s) ? (s * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "–";

    public static string Hours(double? hours) => hours switch
    {
        null => "–",
        { } h when !double.IsFinite(h) => "–",
        < 1 => (hours.Value * 60).ToString("0", CultureInfo.InvariantCulture) + " min",
        < 48 => hours.Value.ToString("0.0", CultureInfo.InvariantCulture) + " h",
        _ => (hours.Value / 24).ToString("0.0", CultureInfo.InvariantCulture) + " d",
    };

    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "–";

    /// <summary>"Wed 2026-08-05".</summary>
    public static string DayWithWeekday(DateOnly day) => day.ToString("ddd yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An instant as New York wall-clock time, "2026-08-05 14:32".</summary>
    public static string Instant(DateTimeOffset? instant) =>
        instant is { } i ? TimeZoneInfo.ConvertTime(i, NewYork).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "–";

    /// <summary>An instant's New York time of day, "14:32:05".</summary>
    public static string Clock(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, NewYork).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    public static string WallClock(DateTime? time) => time?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "–";

    /// <summary>How long ago, roughly: "just now", "12 min ago", "5 h ago", "3 days ago".</summary>
    public static string Ago(DateTimeOffset? then, DateTimeOffset now)
    {
        if (then is not { } t)
        {
            return "never";
        }

        var age = now - t;
        return age.TotalMinutes switch
        {
            < 1 => "just now",
            < 90 => $"{age.TotalMinutes:0} min ago",
            < 48 * 60 => $"{age.TotalHours:0} h ago",
            _ => $"{age.TotalDays:0} days ago",
        };
    }

    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KiB",
        < 1024L * 1024 * 1024 => (bytes / 1024.0 / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " MiB",
        _ => (bytes / 1024.0 / 1024 / 1024).ToString("0.00", CultureInfo.InvariantCulture) + " GiB",
    };

    /// <summary>A metric value with sensible precision.</summary>
    public static string Metric(double value) => Math.Abs(value) switch
    {
        >= 1000 => value.ToString("N0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.000", CultureInfo.InvariantCulture),
    };
}

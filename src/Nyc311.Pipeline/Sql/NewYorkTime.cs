namespace Nyc311.Pipeline.Sql;

/// <summary>Conversion of instants to the New York wall clock in which 311 publishes its timestamps.</summary>
internal static class NewYorkTime
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    /// <summary>The New York wall-clock time (Kind Unspecified) of an instant.</summary>
    public static DateTime WallClock(DateTimeOffset instant) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, Zone).DateTime, DateTimeKind.Unspecified);
}

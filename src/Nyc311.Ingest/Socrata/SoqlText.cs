using System.Globalization;

namespace Nyc311.Ingest.Socrata;

/// <summary>SoQL literals and clauses the client sends.</summary>
internal static class SoqlText
{
    /// <summary>All system fields (<c>:id</c>, <c>:created_at</c>, <c>:updated_at</c>) and all data fields.</summary>
    public const string SelectAll = ":*, *";

    /// <summary>
    /// Pages are ordered by the row id: an update never moves a row, and the filters only ever gain
    /// rows while we page (updates push <c>:updated_at</c> up; <c>created_date</c> never changes),
    /// so a shifted offset can repeat a row but never skip one.
    /// </summary>
    public const string StableOrder = ":id";

    /// <summary>A floating-timestamp literal for midnight of a day: <c>'2024-01-01T00:00:00'</c>.</summary>
    public static string Midnight(DateOnly day) =>
        "'" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00'";

    /// <summary>
    /// A timestamp literal for an instant, written in UTC without a zone suffix
    /// (<c>'2024-01-05T11:34:56.789'</c>), which Socrata reads as UTC for fixed timestamps such as <c>:updated_at</c>.
    /// </summary>
    public static string Instant(DateTimeOffset instant) =>
        "'" + instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + "'";

    /// <summary><c>created_date &gt;= since AND created_date &lt; until</c>: a half-open range of New York days.</summary>
    public static string CreatedBetween(DateOnly since, DateOnly until) =>
        $"created_date >= {Midnight(since)} AND created_date < {Midnight(until)}";

    /// <summary><c>:updated_at &gt; after</c>.</summary>
    public static string UpdatedAfter(DateTimeOffset after) => $":updated_at > {Instant(after)}";
}

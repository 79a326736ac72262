using System.Data.Common;
using System.Globalization;
using System.Numerics;

namespace Nyc311.Dashboard.Data;

/// <summary>Reads DuckDB values whatever CLR type the driver hands out for them.</summary>
internal static class DbValues
{
    public static DateOnly Date(DbDataReader reader, int ordinal) => ToDate(reader.GetValue(ordinal));

    public static DateOnly? NullableDate(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : ToDate(reader.GetValue(ordinal));

    public static double? NullableDouble(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetValue(ordinal) switch
    {
        BigInteger big => (double)big,
        var value => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };

    public static long Long(DbDataReader reader, int ordinal) => NullableLong(reader, ordinal) ?? 0;

    /// <summary>An integer, whatever width DuckDB gave it (sums of BIGINT are HUGEINT).</summary>
    public static long? NullableLong(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetValue(ordinal) switch
    {
        BigInteger big => (long)big,
        var value => Convert.ToInt64(value, CultureInfo.InvariantCulture),
    };

    public static string? String(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Convert.ToString(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static DateTimeOffset? Instant(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : ToInstant(reader.GetValue(ordinal));

    /// <summary>A wall-clock timestamp (<c>TIMESTAMP</c>, New York local for 311 times), never shifted.</summary>
    public static DateTime? WallClock(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTime.SpecifyKind(Convert.ToDateTime(reader.GetValue(ordinal), CultureInfo.InvariantCulture), DateTimeKind.Unspecified);

    /// <summary>Any value as display text (null as an empty string); instants in UTC ISO form.</summary>
    public static string Text(object? value) => value switch
    {
        null or DBNull => "",
        DateTimeOffset instant => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateTime wall => wall.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    public static DateOnly ToDate(object value) => value switch
    {
        DateOnly d => d,
        DateTime dt => DateOnly.FromDateTime(dt),
        _ => DateOnly.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture),
    };

    public static DateTimeOffset ToInstant(object value) => value switch
    {
        DateTimeOffset dto => dto,
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        _ => DateTimeOffset.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture),
    };

    /// <summary>A DuckDB DATE literal.</summary>
    public static string DateLiteral(DateOnly day) => $"DATE '{day:yyyy-MM-dd}'";
}

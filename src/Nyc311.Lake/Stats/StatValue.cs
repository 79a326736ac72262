using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Nyc311.Lake.Schema;

namespace Nyc311.Lake.Stats;

/// <summary>
/// Converts literals, partition-value strings and stats JSON values of one Delta type into
/// comparable CLR values, and compares them the way Delta does (strings by code point).
/// </summary>
internal static class StatValue
{
    /// <summary>A comparable value for a predicate literal, or a clear error when it does not fit the column.</summary>
    public static object FromLiteral(object literal, DeltaType type, string column) =>
        Coerce(literal, type) ?? throw new LakeException($"value '{literal}' does not fit column '{column}' of type {type.SimpleString}");

    /// <summary>A comparable value from a partition value string (null or empty means null).</summary>
    public static object? FromPartitionValue(string? text, DeltaType type) =>
        string.IsNullOrEmpty(text) ? null : Coerce(text, type);

    /// <summary>A comparable value from a stats JSON node, or null when it cannot be read.</summary>
    public static object? FromJson(JsonNode? node, DeltaType type)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        if (value.TryGetValue<string>(out var s))
        {
            return Coerce(s, type);
        }

        if (value.TryGetValue<decimal>(out var m))
        {
            return Coerce(m, type);
        }

        return value.TryGetValue<double>(out var d) ? Coerce(d, type) : null;
    }

    public static int Compare(object a, object b) => (a, b) switch
    {
        (string x, string y) => CompareCodePoints(x, y),
        (decimal x, decimal y) => x.CompareTo(y),
        (double x, double y) => x.CompareTo(y),
        (bool x, bool y) => x.CompareTo(y),
        (DateOnly x, DateOnly y) => x.CompareTo(y),
        (long x, long y) => x.CompareTo(y),
        _ => throw new LakeException($"cannot compare {a.GetType().Name} with {b.GetType().Name}"),
    };

    /// <summary>UTF-8 byte order, which is code-point order: how Parquet and Spark order strings.</summary>
    public static int CompareCodePoints(string a, string b)
    {
        var ea = a.EnumerateRunes();
        var eb = b.EnumerateRunes();
        while (true)
        {
            var hasA = ea.MoveNext();
            var hasB = eb.MoveNext();
            if (!hasA || !hasB)
            {
                return hasA.CompareTo(hasB);
            }

            var c = ea.Current.Value.CompareTo(eb.Current.Value);
            if (c != 0)
            {
                return c;
            }
        }
    }

    /// <summary>Microseconds since the epoch for a timestamp literal or stats string.</summary>
    private static long? TimestampMicros(object value, bool adjustToUtc) => value switch
    {
        DateTimeOffset dto => (dto.UtcTicks - DateTime.UnixEpoch.Ticks) / 10,
        DateTime dt => (dt.Ticks - DateTime.UnixEpoch.Ticks) / 10,
        string s when adjustToUtc && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var dto) =>
            (dto.UtcTicks - DateTime.UnixEpoch.Ticks) / 10,
        string s when !adjustToUtc && DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt) =>
            (dt.Ticks - DateTime.UnixEpoch.Ticks) / 10,
        _ => null,
    };

    private static object? Coerce(object value, DeltaType type)
    {
        switch (type)
        {
            case PrimitiveType { Name: "string" }:
                return value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture);
            case PrimitiveType { Name: "long" or "integer" or "short" or "byte" }:
            case DecimalType:
                return value switch
                {
                    string s => decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
                    double d => (decimal)d,
                    float f => (decimal)f,
                    IConvertible c => c.ToDecimal(CultureInfo.InvariantCulture),
                    _ => null,
                };
            case PrimitiveType { Name: "double" or "float" } floating:
                double? number = value switch
                {
                    string s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
                    IConvertible c => c.ToDouble(CultureInfo.InvariantCulture),
                    _ => null,
                };

                // DuckDB compares a FLOAT column with a literal in float precision, and float stats hold the
                // shortest text of a float ("1.1"): so literals and stats of float columns are compared as floats.
                return floating.Name == "float" && number is { } wide ? (double)(float)wide : number;
            case PrimitiveType { Name: "boolean" }:
                return value switch
                {
                    bool b => b,
                    string s => bool.TryParse(s, out var b) ? b : null,
                    _ => null,
                };
            case PrimitiveType { Name: "date" }:
                return value switch
                {
                    DateOnly d => d,
                    DateTime dt => DateOnly.FromDateTime(dt),
                    string s => DateOnly.TryParse(s.Length >= 10 ? s[..10] : s, CultureInfo.InvariantCulture, out var d) ? d : null,
                    _ => null,
                };
            case PrimitiveType { Name: "timestamp" }:
                return TimestampMicros(value, adjustToUtc: true);
            case PrimitiveType { Name: "timestamp_ntz" }:
                return TimestampMicros(value, adjustToUtc: false);
            default:
                return null;
        }
    }

    /// <summary>Renders a literal as DuckDB SQL for a column type.</summary>
    public static string ToSql(object literal, DeltaType type, string column) =>
        ToSqlFromComparable(FromLiteral(literal, type, column), type);

    /// <summary>Renders a comparable value (as produced by this class) as a DuckDB literal of the column type.</summary>
    public static string ToSqlFromComparable(object value, DeltaType type) =>
        (type, value) switch
        {
            (PrimitiveType { Name: "string" }, string s) => Sql.SqlText.Literal(s),
            (PrimitiveType { Name: "date" }, DateOnly d) => $"DATE '{d:yyyy-MM-dd}'",
            (PrimitiveType { Name: "timestamp" }, long micros) => $"TIMESTAMPTZ '{FromMicros(micros):yyyy-MM-dd HH:mm:ss.ffffff}+00'",
            (PrimitiveType { Name: "timestamp_ntz" }, long micros) => $"TIMESTAMP '{FromMicros(micros):yyyy-MM-dd HH:mm:ss.ffffff}'",
            (PrimitiveType { Name: "boolean" }, bool b) => b ? "TRUE" : "FALSE",
            // An explicit FLOAT: DuckDB compares a FLOAT column with a long decimal literal in neither float nor exact precision.
            (PrimitiveType { Name: "float" }, double f) => $"CAST('{((float)f).ToString("R", CultureInfo.InvariantCulture)}' AS FLOAT)",
            (PrimitiveType { Name: "double" }, double d) => d.ToString("R", CultureInfo.InvariantCulture),
            (_, decimal d) => d.ToString(CultureInfo.InvariantCulture),
            _ => throw new LakeException($"cannot render value '{value}' as {type.SimpleString}"),
        };

    private static DateTime FromMicros(long micros) => DateTime.UnixEpoch.AddTicks(micros * 10);

    /// <summary>Widens a timestamp maximum: Delta truncates stats timestamps down to milliseconds.</summary>
    public static object WidenMaximum(object max, DeltaType type) =>
        type is PrimitiveType { Name: "timestamp" or "timestamp_ntz" } && max is long micros ? micros + 999 : max;

    /// <summary>Describes a value for error messages and commit parameters.</summary>
    public static string Describe(object value) => value switch
    {
        string s => "'" + s + "'",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => new StringBuilder().Append(value).ToString(),
    };
}

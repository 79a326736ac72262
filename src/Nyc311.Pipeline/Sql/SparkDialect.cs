using System.Globalization;
using System.Text;

namespace Nyc311.Pipeline.Sql;

/// <summary>
/// Spark SQL 3.5+ / Databricks SQL, for the same statements run as Databricks SQL tasks on the same Delta tables.
/// Requires the session time zone UTC (<c>spark.sql.session.timeZone=UTC</c>); works with ANSI mode on or off.
/// </summary>
public sealed class SparkDialect : ISqlDialect
{
    private SparkDialect()
    {
    }

    /// <summary>The one instance.</summary>
    public static SparkDialect Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "spark";

    /// <inheritdoc />
    public string QuoteIdentifier(string identifier) => '`' + identifier.Replace("`", "``", StringComparison.Ordinal) + '`';

    /// <inheritdoc />
    // Spark string literals use backslash escapes; a doubled quote would end the literal.
    public string StringLiteral(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
    }

    /// <inheritdoc />
    public string DateLiteral(DateOnly day) => $"DATE '{day:yyyy-MM-dd}'";

    /// <inheritdoc />
    public string LocalTimestampLiteral(DateTime localTime) => $"TIMESTAMP_NTZ '{localTime:yyyy-MM-dd HH:mm:ss}'";

    /// <inheritdoc />
    public string TypeName(SqlType type) => type switch
    {
        SqlType.String => "STRING",
        SqlType.Int => "INT",
        SqlType.BigInt => "BIGINT",
        SqlType.Double => "DOUBLE",
        SqlType.Boolean => "BOOLEAN",
        SqlType.Date => "DATE",
        SqlType.LocalTimestamp => "TIMESTAMP_NTZ",
        SqlType.Instant => "TIMESTAMP",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown SQL type."),
    };

    /// <inheritdoc />
    public string Null(SqlType type) => $"CAST(NULL AS {TypeName(type)})";

    /// <inheritdoc />
    public string CastOrNull(string expression, SqlType type) => $"TRY_CAST({expression} AS {TypeName(type)})";

    /// <inheritdoc />
    // try_to_timestamp yields the session's default timestamp type; in a UTC session the cast keeps the wall clock.
    public string TryParseLocalTimestamp(string text, TimestampFormat format) =>
        $"CAST(try_to_timestamp({text}, {StringLiteral(Pattern(format))}) AS TIMESTAMP_NTZ)";

    /// <inheritdoc />
    public string TryParseInstant(string text) => $"TRY_CAST({text} AS TIMESTAMP)";

    /// <inheritdoc />
    public string RegexMatches(string text, string pattern) => $"({text} RLIKE {StringLiteral(pattern)})";

    /// <inheritdoc />
    public string CollapseWhitespace(string text) =>
        $"regexp_replace({text}, {StringLiteral(@"\s+")}, ' ')";

    /// <inheritdoc />
    public string RegexExtract(string text, string pattern, int group) =>
        $"regexp_extract({text}, {StringLiteral(pattern)}, {group.ToString(CultureInfo.InvariantCulture)})";

    /// <inheritdoc />
    public string JsonExtractString(string json, string path) => $"get_json_object({json}, {StringLiteral(path)})";

    /// <inheritdoc />
    // Unlike DuckDB, to_json leaves out members whose value is NULL.
    public string JsonObject(IReadOnlyList<KeyValuePair<string, string>> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var text = new StringBuilder("to_json(named_struct(");
        for (var i = 0; i < members.Count; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ")
                .Append(StringLiteral(members[i].Key)).Append(", ").Append(members[i].Value);
        }

        return text.Append("))").ToString();
    }

    /// <inheritdoc />
    public string MonthStart(string day) => $"trunc({day}, 'MM')";

    /// <inheritdoc />
    public string WeekStart(string day) => $"trunc({day}, 'WEEK')";

    /// <inheritdoc />
    public string IsoDayOfWeek(string day) => $"(weekday({day}) + 1)";

    /// <inheritdoc />
    public string Hour(string timestamp) => $"hour({timestamp})";

    /// <inheritdoc />
    public string AddDays(string day, string days) => $"date_add({day}, CAST({days} AS INT))";

    /// <inheritdoc />
    public string AddSeconds(string localTimestamp, long seconds) =>
        $"({localTimestamp} + INTERVAL '{seconds.ToString(CultureInfo.InvariantCulture)}' SECOND)";

    /// <inheritdoc />
    // The zone-less value becomes an instant in the UTC session with the same wall clock; to_utc_timestamp then
    // reads that wall clock as New York time.
    public string ElapsedHoursInNewYork(string startLocal, string endLocal) =>
        $"CAST(unix_micros(to_utc_timestamp(CAST({endLocal} AS TIMESTAMP), 'America/New_York')) - unix_micros(to_utc_timestamp(CAST({startLocal} AS TIMESTAMP), 'America/New_York')) AS DOUBLE) / 3600000000";

    /// <inheritdoc />
    public string NewYorkNow() => "CAST(from_utc_timestamp(current_timestamp(), 'America/New_York') AS TIMESTAMP_NTZ)";

    /// <inheritdoc />
    public string Percentile(string expression, double fraction) =>
        $"percentile({expression}, {fraction.ToString("R", CultureInfo.InvariantCulture)})";

    /// <inheritdoc />
    public string DateSequence(string first, string last) =>
        $"explode(sequence(CAST({first} AS DATE), CAST({last} AS DATE), INTERVAL 1 DAY))";

    /// <inheritdoc />
    public string InlineTable(string tableAlias, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows) =>
        $"VALUES {SqlText.Rows(rows)} AS {tableAlias}({string.Join(", ", columns.Select(QuoteIdentifier))})";

    private static string Pattern(TimestampFormat format) => format switch
    {
        TimestampFormat.PortalCsv => "MM/dd/yyyy hh:mm:ss a",
        TimestampFormat.SocrataFloating => "yyyy-MM-dd'T'HH:mm:ss.SSS",
        TimestampFormat.IsoSeconds => "yyyy-MM-dd'T'HH:mm:ss",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown timestamp format."),
    };
}

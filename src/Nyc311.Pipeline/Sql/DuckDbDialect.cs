using System.Globalization;
using System.Text;

namespace Nyc311.Pipeline.Sql;

/// <summary>DuckDB SQL (1.x, with its built-in json and icu extensions), as run by the embedded engine.</summary>
public sealed class DuckDbDialect : ISqlDialect
{
    private DuckDbDialect()
    {
    }

    /// <summary>The one instance.</summary>
    public static DuckDbDialect Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "duckdb";

    /// <inheritdoc />
    public string QuoteIdentifier(string identifier) => '"' + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + '"';

    /// <inheritdoc />
    public string StringLiteral(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    /// <inheritdoc />
    public string DateLiteral(DateOnly day) => $"DATE '{day:yyyy-MM-dd}'";

    /// <inheritdoc />
    public string LocalTimestampLiteral(DateTime localTime) => $"TIMESTAMP '{localTime:yyyy-MM-dd HH:mm:ss}'";

    /// <inheritdoc />
    public string TypeName(SqlType type) => type switch
    {
        SqlType.String => "VARCHAR",
        SqlType.Int => "INTEGER",
        SqlType.BigInt => "BIGINT",
        SqlType.Double => "DOUBLE",
        SqlType.Boolean => "BOOLEAN",
        SqlType.Date => "DATE",
        SqlType.LocalTimestamp => "TIMESTAMP",
        SqlType.Instant => "TIMESTAMPTZ",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown SQL type."),
    };

    /// <inheritdoc />
    public string Null(SqlType type) => $"CAST(NULL AS {TypeName(type)})";

    /// <inheritdoc />
    public string CastOrNull(string expression, SqlType type) => $"TRY_CAST({expression} AS {TypeName(type)})";

    /// <inheritdoc />
    public string TryParseLocalTimestamp(string text, TimestampFormat format) =>
        $"try_strptime({text}, {StringLiteral(Pattern(format))})";

    /// <inheritdoc />
    public string TryParseInstant(string text) => $"TRY_CAST({text} AS TIMESTAMPTZ)";

    /// <inheritdoc />
    public string RegexMatches(string text, string pattern) => $"regexp_matches({text}, {StringLiteral(pattern)})";

    /// <inheritdoc />
    /// <remarks>
    /// Most values hold single spaces only; testing for what a regex would change (two spaces, or a
    /// tab, line feed, vertical tab, form feed or carriage return) with plain substring searches is
    /// several times cheaper than running the regex replacement on every value.
    /// </remarks>
    public string CollapseWhitespace(string text) =>
        $"CASE WHEN contains({text}, '  ') OR contains({text}, chr(9)) OR contains({text}, chr(10)) OR contains({text}, chr(11)) " +
        $"OR contains({text}, chr(12)) OR contains({text}, chr(13)) THEN regexp_replace({text}, {StringLiteral(@"\s+")}, ' ', 'g') ELSE {text} END";

    /// <inheritdoc />
    public string RegexExtract(string text, string pattern, int group) =>
        $"regexp_extract({text}, {StringLiteral(pattern)}, {group.ToString(CultureInfo.InvariantCulture)})";

    /// <inheritdoc />
    // json_extract_string fails on text that is not JSON (the CSV's "(lat, lon)"); Spark returns NULL there.
    public string JsonExtractString(string json, string path) =>
        $"CASE WHEN json_valid({json}) THEN json_extract_string({json}, {StringLiteral(path)}) END";

    /// <inheritdoc />
    public string JsonObject(IReadOnlyList<KeyValuePair<string, string>> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var text = new StringBuilder("CAST(to_json(struct_pack(");
        for (var i = 0; i < members.Count; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ")
                .Append(QuoteIdentifier(members[i].Key)).Append(" := ").Append(members[i].Value);
        }

        return text.Append(")) AS VARCHAR)").ToString();
    }

    /// <inheritdoc />
    public string MonthStart(string day) => $"CAST(date_trunc('month', {day}) AS DATE)";

    /// <inheritdoc />
    public string WeekStart(string day) => $"CAST(date_trunc('week', {day}) AS DATE)";

    /// <inheritdoc />
    public string IsoDayOfWeek(string day) => $"CAST(isodow({day}) AS INTEGER)";

    /// <inheritdoc />
    public string Hour(string timestamp) => $"CAST(hour({timestamp}) AS INTEGER)";

    /// <inheritdoc />
    public string AddDays(string day, string days) => $"CAST({day} + CAST({days} AS INTEGER) AS DATE)";

    /// <inheritdoc />
    public string AddSeconds(string localTimestamp, long seconds) =>
        $"({localTimestamp} + INTERVAL {seconds.ToString(CultureInfo.InvariantCulture)} SECOND)";

    /// <inheritdoc />
    public string ElapsedHoursInNewYork(string startLocal, string endLocal) =>
        $"CAST(epoch_us(timezone('America/New_York', {endLocal})) - epoch_us(timezone('America/New_York', {startLocal})) AS DOUBLE) / 3600000000";

    /// <inheritdoc />
    public string NewYorkNow() => "timezone('America/New_York', current_timestamp)";

    /// <inheritdoc />
    public string Percentile(string expression, double fraction) =>
        $"quantile_cont({expression}, {fraction.ToString("R", CultureInfo.InvariantCulture)})";

    /// <inheritdoc />
    public string DateSequence(string first, string last) =>
        $"CAST(unnest(generate_series(CAST({first} AS DATE), CAST({last} AS DATE), INTERVAL 1 DAY)) AS DATE)";

    /// <inheritdoc />
    public string InlineTable(string tableAlias, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows) =>
        $"(VALUES {SqlText.Rows(rows)}) AS {tableAlias}({string.Join(", ", columns.Select(QuoteIdentifier))})";

    private static string Pattern(TimestampFormat format) => format switch
    {
        TimestampFormat.PortalCsv => "%m/%d/%Y %I:%M:%S %p",
        TimestampFormat.SocrataFloating => "%Y-%m-%dT%H:%M:%S.%g",
        TimestampFormat.IsoSeconds => "%Y-%m-%dT%H:%M:%S",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown timestamp format."),
    };
}

namespace Nyc311.Pipeline.Sql;

/// <summary>
/// Everything in which DuckDB SQL and Spark SQL differ for these transforms, in one place.
/// Each member returns SQL text (an expression unless stated) built from the SQL expressions it is given;
/// the statements themselves are written once in the portable subset both engines share.
/// </summary>
/// <remarks>
/// Both engines must run with the session time zone UTC (every DuckDB connection here does; on Spark set
/// <c>spark.sql.session.timeZone=UTC</c>), because converting New York wall-clock times to instants goes
/// through the session zone on Spark.
/// </remarks>
public interface ISqlDialect
{
    /// <summary>The dialect's name as the command line spells it: <c>duckdb</c> or <c>spark</c>.</summary>
    string Name { get; }

    /// <summary>An identifier quoted so that keywords such as <c>date</c> can be column names.</summary>
    string QuoteIdentifier(string identifier);

    /// <summary>A string literal holding <paramref name="value"/> exactly (quotes and backslashes escaped).</summary>
    string StringLiteral(string value);

    /// <summary>A <c>DATE</c> literal.</summary>
    string DateLiteral(DateOnly day);

    /// <summary>A New York wall-clock (zone-less) timestamp literal, to the second.</summary>
    string LocalTimestampLiteral(DateTime localTime);

    /// <summary>The engine's name for <paramref name="type"/>.</summary>
    string TypeName(SqlType type);

    /// <summary>A typed <c>NULL</c>.</summary>
    string Null(SqlType type);

    /// <summary>
    /// <paramref name="expression"/> converted to <paramref name="type"/>, or <c>NULL</c> where it does not convert.
    /// Only use it on text already checked by a pattern: the engines round or truncate differently otherwise.
    /// </summary>
    string CastOrNull(string expression, SqlType type);

    /// <summary>
    /// The text parsed as a New York wall-clock timestamp in <paramref name="format"/> (result type
    /// <see cref="SqlType.LocalTimestamp"/>), or <c>NULL</c> when it does not match.
    /// </summary>
    string TryParseLocalTimestamp(string text, TimestampFormat format);

    /// <summary>
    /// ISO 8601 text with an offset (<c>2022-05-02T09:12:47.123Z</c>) as an <see cref="SqlType.Instant"/>,
    /// or <c>NULL</c>; text without an offset is read as UTC.
    /// </summary>
    string TryParseInstant(string text);

    /// <summary>True when <paramref name="text"/> contains a match of <paramref name="pattern"/> (anchor it for a full match).</summary>
    string RegexMatches(string text, string pattern);

    /// <summary>Every run of whitespace in <paramref name="text"/> replaced by one space (not trimmed).</summary>
    string CollapseWhitespace(string text);

    /// <summary>Capture group <paramref name="group"/> of the first match, or the empty string when none.</summary>
    string RegexExtract(string text, string pattern, int group);

    /// <summary>The value at a JSON path (<c>$.a</c>, <c>$.a[1]</c>) as text, or <c>NULL</c> when absent or when the text is not JSON.</summary>
    string JsonExtractString(string json, string path);

    /// <summary>A JSON object with the given members, as text (members are (key, SQL expression) pairs).</summary>
    string JsonObject(IReadOnlyList<KeyValuePair<string, string>> members);

    /// <summary>The first day of the month of a date, as a <c>DATE</c>.</summary>
    string MonthStart(string day);

    /// <summary>The Monday of the ISO week of a date, as a <c>DATE</c>.</summary>
    string WeekStart(string day);

    /// <summary>The ISO day of week of a date, 1 = Monday to 7 = Sunday, as an <c>INTEGER</c>.</summary>
    string IsoDayOfWeek(string day);

    /// <summary>The hour of day (0-23) of a timestamp, as an <c>INTEGER</c>.</summary>
    string Hour(string timestamp);

    /// <summary>A date plus a whole number of days (the number is a SQL expression), as a <c>DATE</c>.</summary>
    string AddDays(string day, string days);

    /// <summary>A local timestamp plus a whole number of seconds.</summary>
    string AddSeconds(string localTimestamp, long seconds);

    /// <summary>
    /// The time elapsed between two New York wall-clock times in hours (a <c>DOUBLE</c>), across daylight-saving
    /// changes: 01:30 to 03:30 on the spring-forward day is 1 hour.
    /// </summary>
    string ElapsedHoursInNewYork(string startLocal, string endLocal);

    /// <summary>The engine's current time as a New York wall-clock timestamp (for statements exported without a fixed as-of time).</summary>
    string NewYorkNow();

    /// <summary>The exact percentile of a numeric expression with linear interpolation between ranks (a <c>DOUBLE</c>).</summary>
    string Percentile(string expression, double fraction);

    /// <summary>
    /// A select-list expression that expands one input row into one row per day from
    /// <paramref name="first"/> to <paramref name="last"/> inclusive (<c>DATE</c> values).
    /// </summary>
    string DateSequence(string first, string last);

    /// <summary>
    /// A table expression for the FROM clause: literal rows (each a list of SQL literals) under
    /// <paramref name="tableAlias"/> with the given column names.
    /// </summary>
    string InlineTable(string tableAlias, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows);
}

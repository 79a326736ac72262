using Nyc311.Pipeline.Sql;

namespace Nyc311.Pipeline.Tests.Sql;

/// <summary>The Spark rendering: no Spark engine here, so the spellings themselves are checked.</summary>
public sealed class SparkDialectTests
{
    private static readonly ISqlDialect S = SqlDialects.Spark;

    [Fact]
    public void String_literals_escape_quotes_and_backslashes_with_backslashes()
    {
        S.StringLiteral(@"O'Brien \d").ShouldBe(@"'O\'Brien \\d'");
    }

    [Fact]
    public void Identifiers_are_quoted_with_backticks()
    {
        S.QuoteIdentifier("date").ShouldBe("`date`");
    }

    [Theory]
    [InlineData(SqlType.String, "STRING")]
    [InlineData(SqlType.Int, "INT")]
    [InlineData(SqlType.LocalTimestamp, "TIMESTAMP_NTZ")]
    [InlineData(SqlType.Instant, "TIMESTAMP")]
    public void Types_have_their_Spark_names(SqlType type, string name)
    {
        S.TypeName(type).ShouldBe(name);
    }

    [Fact]
    public void Timestamps_parse_with_java_patterns_into_zone_less_timestamps()
    {
        S.TryParseLocalTimestamp("x", TimestampFormat.PortalCsv).ShouldBe("CAST(try_to_timestamp(x, 'MM/dd/yyyy hh:mm:ss a') AS TIMESTAMP_NTZ)");
        S.TryParseLocalTimestamp("x", TimestampFormat.SocrataFloating).ShouldBe("CAST(try_to_timestamp(x, 'yyyy-MM-dd\\'T\\'HH:mm:ss.SSS') AS TIMESTAMP_NTZ)");
        S.LocalTimestampLiteral(new DateTime(2026, 8, 10, 21, 0, 0)).ShouldBe("TIMESTAMP_NTZ '2026-08-10 21:00:00'");
    }

    [Fact]
    public void Regex_patterns_are_escaped_for_Spark_string_literals()
    {
        S.CollapseWhitespace("x").ShouldBe(@"regexp_replace(x, '\\s+', ' ')");
        S.RegexMatches("x", "^[0-9]{5}$").ShouldBe("(x RLIKE '^[0-9]{5}$')");
    }

    [Fact]
    public void Json_uses_named_struct_and_get_json_object()
    {
        S.JsonObject([new("a", "x"), new("b", "y")]).ShouldBe("to_json(named_struct('a', x, 'b', y))");
        S.JsonExtractString("j", "$.coordinates[1]").ShouldBe("get_json_object(j, '$.coordinates[1]')");
    }

    [Fact]
    public void Calendar_functions_use_Spark_spellings()
    {
        S.MonthStart("d").ShouldBe("trunc(d, 'MM')");
        S.WeekStart("d").ShouldBe("trunc(d, 'WEEK')");
        S.IsoDayOfWeek("d").ShouldBe("(weekday(d) + 1)");
        S.AddDays("d", "1").ShouldBe("date_add(d, CAST(1 AS INT))");
        S.DateSequence("a", "b").ShouldBe("explode(sequence(CAST(a AS DATE), CAST(b AS DATE), INTERVAL 1 DAY))");
        S.Percentile("h", 0.9).ShouldBe("percentile(h, 0.9)");
        S.ElapsedHoursInNewYork("a", "b").ShouldContain("to_utc_timestamp(CAST(b AS TIMESTAMP), 'America/New_York')");
    }

    [Fact]
    public void Inline_tables_use_the_bare_values_clause()
    {
        S.InlineTable("t", ["a", "b"], [["1", "'x'"]]).ShouldBe("VALUES (1, 'x') AS t(`a`, `b`)");
    }

    [Theory]
    [InlineData("spark", "spark")]
    [InlineData(" DuckDB ", "duckdb")]
    public void Dialects_are_found_by_name(string name, string found)
    {
        SqlDialects.Find(name)!.Name.ShouldBe(found);
    }

    [Fact]
    public void An_unknown_dialect_name_finds_nothing()
    {
        SqlDialects.Find("postgres").ShouldBeNull();
    }
}

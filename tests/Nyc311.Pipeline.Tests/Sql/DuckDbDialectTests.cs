using System.Globalization;
using CsCheck;
using Nyc311.Pipeline.Sql;
using Nyc311.Pipeline.Tests.Support;

namespace Nyc311.Pipeline.Tests.Sql;

/// <summary>The DuckDB rendering of each dialect member, executed on DuckDB.</summary>
public sealed class DuckDbDialectTests : IDisposable
{
    private static readonly ISqlDialect D = SqlDialects.DuckDb;
    private readonly TestDuckDb db = new(withReferenceTables: false);

    [Theory]
    [InlineData("O'Brien")]
    [InlineData(@"C:\temp\")]
    [InlineData("\"quoted\" and ''doubled''")]
    public void String_literals_hold_any_text_exactly(string text)
    {
        db.Scalar<string>($"SELECT {D.StringLiteral(text)}").ShouldBe(text);
    }

    [Theory]
    [InlineData("05/01/2022 12:00:03 AM", TimestampFormat.PortalCsv, "2022-05-01 00:00:03")]
    [InlineData("05/01/2022 12:00:03 PM", TimestampFormat.PortalCsv, "2022-05-01 12:00:03")]
    [InlineData("12/31/2021 11:59:59 PM", TimestampFormat.PortalCsv, "2021-12-31 23:59:59")]
    [InlineData("2022-05-01T00:00:03.000", TimestampFormat.SocrataFloating, "2022-05-01 00:00:03")]
    [InlineData("2026-08-10T00:00:00", TimestampFormat.IsoSeconds, "2026-08-10 00:00:00")]
    public void Each_timestamp_format_parses_to_the_same_wall_clock_time(string text, TimestampFormat format, string expected)
    {
        db.Scalar<DateTime>($"SELECT {D.TryParseLocalTimestamp(D.StringLiteral(text), format)}")
            .ShouldBe(DateTime.ParseExact(expected, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("02/30/2022 12:00:00 AM", TimestampFormat.PortalCsv)]
    [InlineData("2022-05-01T00:00:03.000", TimestampFormat.PortalCsv)]
    [InlineData("05/01/2022 12:00:03 AM", TimestampFormat.SocrataFloating)]
    [InlineData("2022-05-01T25:00:00", TimestampFormat.IsoSeconds)]
    public void Text_that_does_not_match_its_format_parses_to_null(string text, TimestampFormat format)
    {
        db.Query($"SELECT {D.TryParseLocalTimestamp(D.StringLiteral(text), format)} AS t").Single()["t"].ShouldBeNull();
    }

    [Fact]
    public void Any_wall_clock_second_survives_formatting_and_parsing_in_both_published_formats()
    {
        var seconds = Gen.Long[0, (long)(new DateTime(2031, 1, 1) - new DateTime(2010, 1, 1)).TotalSeconds];
        seconds.Array[1, 50].Sample(
            offsets =>
            {
                var times = offsets.Select(s => new DateTime(2010, 1, 1).AddSeconds(s)).ToList();
                var csv = string.Join(", ", times.Select(t => D.StringLiteral(t.ToString("MM/dd/yyyy hh:mm:ss tt", CultureInfo.InvariantCulture))));
                var api = string.Join(", ", times.Select(t => D.StringLiteral(t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture))));

                var fromCsv = db.Query($"SELECT {D.TryParseLocalTimestamp("x", TimestampFormat.PortalCsv)} AS t FROM unnest([{csv}]) AS u(x)");
                var fromApi = db.Query($"SELECT {D.TryParseLocalTimestamp("x", TimestampFormat.SocrataFloating)} AS t FROM unnest([{api}]) AS u(x)");

                fromCsv.Select(r => r.Get<DateTime>("t")).ShouldBe(times);
                fromApi.Select(r => r.Get<DateTime>("t")).ShouldBe(times);
            },
            iter: 20,
            threads: 1);
    }

    [Fact]
    public void Instants_with_an_offset_parse_to_UTC()
    {
        db.Scalar<DateTime>($"SELECT {D.TryParseInstant("'2022-05-02T09:12:47.123Z'")}").ShouldBe(new DateTime(2022, 5, 2, 9, 12, 47, 123, DateTimeKind.Utc));
        db.Scalar<DateTime>($"SELECT {D.TryParseInstant("'2022-05-02T05:12:47-04:00'")}").ShouldBe(new DateTime(2022, 5, 2, 9, 12, 47, DateTimeKind.Utc));
    }

    [Theory]
    [InlineData("2022-03-13 01:30:00", "2022-03-13 03:30:00", 1)]
    [InlineData("2022-11-05 12:00:00", "2022-11-06 12:00:00", 25)]
    [InlineData("2022-05-01 00:00:09", "2022-05-01 00:07:46", 457d / 3600)]
    public void Elapsed_hours_count_real_time_in_New_York(string start, string end, double hours)
    {
        db.Scalar<double>($"SELECT {D.ElapsedHoursInNewYork($"TIMESTAMP '{start}'", $"TIMESTAMP '{end}'")}").ShouldBe(hours, 1e-12);
    }

    [Theory]
    [InlineData("2024-03-10", "2024-03-04", "2024-03-01", 7)]
    [InlineData("2024-03-11", "2024-03-11", "2024-03-01", 1)]
    [InlineData("2021-01-01", "2020-12-28", "2021-01-01", 5)]
    public void Weeks_start_on_Monday_months_on_the_first_and_days_count_from_Monday(string day, string weekStart, string monthStart, int isoDay)
    {
        var row = db.Query($"SELECT {D.WeekStart($"DATE '{day}'")} AS w, {D.MonthStart($"DATE '{day}'")} AS m, {D.IsoDayOfWeek($"DATE '{day}'")} AS d").Single();

        row.Get<DateOnly>("w").ShouldBe(DateOnly.Parse(weekStart, CultureInfo.InvariantCulture));
        row.Get<DateOnly>("m").ShouldBe(DateOnly.Parse(monthStart, CultureInfo.InvariantCulture));
        row.Get<int>("d").ShouldBe(isoDay);
    }

    [Fact]
    public void Percentiles_interpolate_linearly_between_ranks()
    {
        var row = db.Query($"SELECT {D.Percentile("x", 0.5)} AS median, {D.Percentile("x", 0.9)} AS p90 FROM (VALUES (1.0::DOUBLE), (2.0), (3.0), (4.0)) AS t(x)").Single();

        row.Get<double>("median").ShouldBe(2.5);
        row.Get<double>("p90").ShouldBe(3.7, 1e-12);
    }

    [Fact]
    public void Json_paths_read_both_location_shapes_and_give_null_for_text_that_is_not_json()
    {
        var row = db.Query($"""
            SELECT {D.JsonExtractString("'{\"type\":\"Point\",\"coordinates\":[-73.8, 40.8]}'", "$.coordinates[1]")} AS geo,
                   {D.JsonExtractString("'{\"latitude\":\"40.1\"}'", "$.latitude")} AS obj,
                   {D.JsonExtractString("'(40.8, -73.9)'", "$.latitude")} AS paren
            """).Single();

        row.Get<string>("geo").ShouldBe("40.8");
        row.Get<string>("obj").ShouldBe("40.1");
        row["paren"].ShouldBeNull();
    }

    [Fact]
    public void Date_sequences_expand_to_one_row_per_day()
    {
        var days = db.Query($"SELECT {D.DateSequence("DATE '2024-02-28'", "DATE '2024-03-01'")} AS d").Select(r => r.Get<DateOnly>("d"));

        days.ShouldBe([new DateOnly(2024, 2, 28), new DateOnly(2024, 2, 29), new DateOnly(2024, 3, 1)]);
    }

    [Fact]
    public void Regex_helpers_match_replace_and_extract()
    {
        var row = db.Query($"""
            SELECT {D.RegexMatches("'10001'", "^[0-9]{5}$")} AS zip,
                   {D.CollapseWhitespace("'a \t  b'")} AS collapsed,
                   {D.CollapseWhitespace("'one space only'")} AS untouched,
                   {D.CollapseWhitespace("'line' || chr(10) || 'break'")} AS newline,
                   {D.RegexExtract("'(40.5, -73.9)'", @"^\(\s*([-+]?[0-9.]+)\s*,\s*([-+]?[0-9.]+)\s*\)$", 2)} AS lon
            """).Single();

        row.Get<bool>("zip").ShouldBeTrue();
        row.Get<string>("collapsed").ShouldBe("a b");
        row.Get<string>("untouched").ShouldBe("one space only");
        row.Get<string>("newline").ShouldBe("line break");
        row.Get<string>("lon").ShouldBe("-73.9");
    }

    [Fact]
    public void Adding_days_and_seconds_moves_dates_and_times()
    {
        db.Scalar<DateOnly>($"SELECT {D.AddDays("DATE '2024-02-28'", "2")}").ShouldBe(new DateOnly(2024, 3, 1));
        db.Scalar<DateTime>($"SELECT {D.AddSeconds(D.LocalTimestampLiteral(new DateTime(2024, 1, 1, 23, 0, 0)), 3600)}").ShouldBe(new DateTime(2024, 1, 2, 0, 0, 0));
    }

    [Fact]
    public void Json_objects_keep_keys_text_and_nulls()
    {
        db.Scalar<string>($"SELECT {D.JsonObject([new("a b", "'x'"), new("n", D.Null(SqlType.String)), new("k", "3")])}")
            .ShouldBe("""{"a b":"x","n":null,"k":3}""");
    }

    public void Dispose() => db.Dispose();
}

using Nyc311.Domain;
using Nyc311.Pipeline.Reference;
using Nyc311.Pipeline.Sql;
using Nyc311.Pipeline.Tests.Support;

namespace Nyc311.Pipeline.Tests.Reference;

public sealed class ReferenceDataTests
{
    [Fact]
    public void The_zip_table_holds_every_bundled_zip_once_with_its_borough_in_311_spelling()
    {
        var zips = ReferenceData.ZipBoroughs;

        zips.Count.ShouldBe(251);
        zips.Select(z => z.Zip).ShouldBeUnique();
        zips.ShouldAllBe(z => z.Zip.Length == 5 && z.Zip.All(char.IsAsciiDigit));
        zips.CountBy(z => z.Borough).OrderByDescending(c => c.Value).ShouldBe(
        [
            new(Boroughs.Manhattan, 105),
            new(Boroughs.Queens, 69),
            new(Boroughs.Brooklyn, 39),
            new(Boroughs.Bronx, 25),
            new(Boroughs.StatenIsland, 13),
        ]);
    }

    [Theory]
    [InlineData("10463", Boroughs.Bronx)]
    [InlineData("11370", Boroughs.Queens)]
    [InlineData("11249", Boroughs.Brooklyn)]
    [InlineData("10301", Boroughs.StatenIsland)]
    public void Cross_borough_and_added_zips_have_the_documented_borough(string zip, string borough)
    {
        ReferenceData.ZipBoroughs.Single(z => z.Zip == zip).Borough.ShouldBe(borough);
    }

    [Fact]
    public void Complaint_type_spellings_are_keyed_by_their_upper_case_form()
    {
        var types = ReferenceData.ComplaintTypes;

        types.Count.ShouldBe(57);
        types.Select(t => t.Key).ShouldBeUnique();
        types.ShouldAllBe(t => t.Key == ReferenceData.ComplaintTypeKey(t.ComplaintType));
        types.ShouldContain(new ComplaintTypeSpelling("NOISE - RESIDENTIAL", "Noise - Residential"));
        types.ShouldContain(new ComplaintTypeSpelling("HEAT/HOT WATER", "HEAT/HOT WATER"));
    }

    [Fact]
    public void Every_complaint_type_of_the_real_csv_export_is_a_known_spelling()
    {
        var header = EmbeddedCsv.Fields(File.ReadLines(Bronze.RealCsv).First());
        var column = header.IndexOf("Complaint Type");
        var real = File.ReadLines(Bronze.RealCsv).Skip(1).Select(line => EmbeddedCsv.Fields(line)[column]).Distinct();

        real.ShouldAllBe(name => ReferenceData.ComplaintTypes.Any(t => t.ComplaintType == name));
    }

    [Fact]
    public void Holidays_have_one_row_per_day_with_observed_days_named()
    {
        var days = ReferenceData.Holidays(2021, 2022);

        days.Select(h => h.Date).ShouldBeUnique();
        days.Single(h => h.Date == new DateOnly(2021, 12, 31)).Name.ShouldBe("New Year's Day (observed)");
        days.Single(h => h.Date == new DateOnly(2022, 12, 26)).ShouldBe(new HolidayDay(new DateOnly(2022, 12, 26), "Christmas Day (observed)", true, true));
        days.Single(h => h.Date == new DateOnly(2022, 2, 12)).ShouldBe(new HolidayDay(new DateOnly(2022, 2, 12), "Lincoln's Birthday", false, true));
        days.ShouldAllBe(h => h.Date.Year >= 2021 && h.Date.Year <= 2022);
    }

    [Fact]
    public void A_reversed_year_range_is_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => ReferenceData.Holidays(2023, 2022));
    }

    [Fact]
    public void Reference_tables_load_into_DuckDB_under_their_names()
    {
        using var db = new TestDuckDb(withReferenceTables: false);
        var tables = ReferenceData.Tables(2022, 2022);

        DuckDbReferenceLoader.CreateTables(db.Connection, tables);

        foreach (var table in tables)
        {
            db.Scalar<long>($"SELECT COUNT(*) FROM {table.Name}").ShouldBe(table.Rows.Count);
            db.Describe($"SELECT * FROM {table.Name}").Select(c => c.Name).ShouldBe(table.Columns.Select(c => c.Name));
        }

        db.Scalar<string>("SELECT holiday_name FROM silver.holidays WHERE \"date\" = DATE '2022-07-04'").ShouldBe("Independence Day");
        db.Scalar<bool>("SELECT is_us_holiday FROM silver.holidays WHERE \"date\" = DATE '2022-11-08'").ShouldBeFalse();
    }

    [Fact]
    public void Reference_tables_render_for_Spark_as_a_values_clause_with_typed_columns()
    {
        var text = ReferenceSql.Select(SqlDialects.Spark, ReferenceData.HolidaysTable(2022, 2022));

        text.ShouldStartWith("SELECT\n    CAST(v.`date` AS DATE) AS `date`,");
        text.ShouldContain("FROM VALUES (DATE '2022-01-01', 'New Year\\'s Day', TRUE, TRUE),");
        text.ShouldContain("(DATE '2022-01-17', 'Martin Luther King Jr. Day', TRUE, TRUE),");
        text.ShouldContain("'Washington\\'s Birthday'");
    }

    [Fact]
    public void Quoted_csv_fields_may_hold_commas_and_doubled_quotes()
    {
        EmbeddedCsv.Fields("a,\"b, c\",\"d \"\"e\"\"\",").ShouldBe(["a", "b, c", "d \"e\"", ""]);
    }
}

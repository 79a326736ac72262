using Nyc311.Pipeline.Sql;
using Nyc311.Pipeline.Tests.Support;

namespace Nyc311.Pipeline.Tests.Sql;

/// <summary>Hand-made records, one per case, through silver once for the class.</summary>
public sealed class StandardizationRecords : IDisposable
{
    public StandardizationRecords()
    {
        Bronze.CreateTable(Db);
        Bronze.Insert(Db, BronzeBatch.Api("standardization", new DateTimeOffset(2023, 1, 2, 0, 0, 0, TimeSpan.Zero)),
        [
            Records.Valid("1001").With("borough", "Unspecified").With("park_borough", "Unspecified").With("incident_zip", "11201"),
            Records.Valid("1002").With("borough", "").With("incident_zip", "N/A").With("park_borough", "queens"),
            Records.Valid("1003").With("borough", " staten  island "),
            Records.Valid("1004").With("borough", null).With("incident_zip", "10463-1234"),
            Records.Valid("1005").With("complaint_type", "NOISE  - residential").With("descriptor", "  Loud   Music/Party ").With("agency", " nypd "),
            Records.Valid("1006").With("complaint_type", "heat/hot water"),
            Records.Valid("1007").With("complaint_type", " Some   New\tType "),
            Records.Valid("1008").With("latitude", null).With("longitude", null).With("location", "(40.7128, -74.0060)"),
            Records.Valid("1009").With("latitude", null).With("longitude", null).With("location", """{"type": "Point", "coordinates": [-73.95, 40.78]}"""),
            Records.Valid("1010").With("latitude", null).With("longitude", null).With("location", """{"latitude": "40.65", "longitude": "-73.95", "human_address": "{}"}"""),
            Records.Valid("1011").With("created_date", "07/04/2022 09:15:00 PM").With("closed_date", "07/05/2022 09:15:00 AM"),
            Records.Valid("1012").With("created_date", "2022-11-08T08:00:00.000").With("closed_date", null),
            Records.Valid("1013").With("created_date", "2022-12-26T08:00:00").With("closed_date", null),
            Records.Valid("1014").With("created_date", "2022-03-13T01:30:00.000").With("closed_date", "2022-03-13T03:30:00.000"),
            Records.Valid("1015").With("created_date", "2022-11-05T12:00:00.000").With("closed_date", "2022-11-06T12:00:00.000"),
            Records.Valid("1016").With("bbl", "12345").With("x_coordinate_state_plane", "987654").With("y_coordinate_state_plane", "n/a"),
            Records.Valid("1017").With("latitude", "40.70").With("longitude", null).With("location", null),
        ]);
        SilverRun.Run(Db);
    }

    public TestDuckDb Db { get; } = new();

    public void Dispose() => Db.Dispose();
}

public sealed class SilverStandardizationTests(StandardizationRecords records) : IClassFixture<StandardizationRecords>
{
    private readonly TestDuckDb db = records.Db;

    [Theory]
    [InlineData(1001, "BROOKLYN", "zip")]
    [InlineData(1002, "QUEENS", "park_borough")]
    [InlineData(1003, "STATEN ISLAND", "reported")]
    [InlineData(1004, "BRONX", "zip")]
    public void A_missing_borough_is_recovered_from_the_ZIP_code_or_the_park_borough(long key, string borough, string source)
    {
        var row = SilverRun.SilverRow(db, key);

        row.Get<string>("borough").ShouldBe(borough);
        row.Get<string>("borough_source").ShouldBe(source);
    }

    [Fact]
    public void A_ZIP_plus_four_keeps_its_five_digits_and_a_non_ZIP_is_null_with_a_warning()
    {
        SilverRun.SilverRow(db, 1004).Get<string>("incident_zip").ShouldBe("10463");

        var notZip = SilverRun.SilverRow(db, 1002);
        notZip["incident_zip"].ShouldBeNull();
        notZip.Get<string>("dq_warnings").ShouldBe("DQ013");
        SilverRun.SilverRow(db, 1004)["dq_warnings"].ShouldBeNull();
    }

    [Theory]
    [InlineData(1005, "Noise - Residential")]
    [InlineData(1006, "HEAT/HOT WATER")]
    [InlineData(1007, "Some New Type")]
    public void Complaint_types_take_the_portal_spelling_whatever_their_case_and_spacing(long key, string complaintType)
    {
        SilverRun.SilverRow(db, key).Get<string>("complaint_type").ShouldBe(complaintType);
    }

    [Fact]
    public void Descriptors_collapse_whitespace_and_agency_codes_are_upper_case()
    {
        var row = SilverRun.SilverRow(db, 1005);

        row.Get<string>("descriptor").ShouldBe("Loud Music/Party");
        row.Get<string>("agency").ShouldBe("NYPD");
    }

    [Theory]
    [InlineData(1008, 40.7128, -74.0060)]
    [InlineData(1009, 40.78, -73.95)]
    [InlineData(1010, 40.65, -73.95)]
    public void Without_latitude_fields_the_coordinates_come_from_the_location_in_any_of_its_shapes(long key, double latitude, double longitude)
    {
        var row = SilverRun.SilverRow(db, key);

        row.Get<double>("latitude").ShouldBe(latitude);
        row.Get<double>("longitude").ShouldBe(longitude);
    }

    [Fact]
    public void A_latitude_without_a_longitude_leaves_both_coordinates_null()
    {
        var row = SilverRun.SilverRow(db, 1017);

        row["latitude"].ShouldBeNull();
        row["longitude"].ShouldBeNull();
    }

    [Fact]
    public void A_csv_timestamp_in_the_evening_keeps_its_wall_clock_hour_and_gets_its_holiday()
    {
        var row = SilverRun.SilverRow(db, 1011);

        row.Get<DateTime>("created_date").ShouldBe(new DateTime(2022, 7, 4, 21, 15, 0));
        row.Get<int>("created_hour").ShouldBe(21);
        row.Get<int>("created_day_of_week").ShouldBe(1);
        row.Get<string>("holiday_name").ShouldBe("Independence Day");
        row.Get<bool>("is_us_holiday").ShouldBeTrue();
        row.Get<bool>("is_nyc_holiday").ShouldBeTrue();
        row.Get<double>("hours_to_close").ShouldBe(12d);
    }

    [Fact]
    public void Election_Day_is_a_city_holiday_but_not_a_federal_one()
    {
        var row = SilverRun.SilverRow(db, 1012);

        row.Get<string>("holiday_name").ShouldBe("Election Day");
        row.Get<bool>("is_us_holiday").ShouldBeFalse();
        row.Get<bool>("is_nyc_holiday").ShouldBeTrue();
    }

    [Fact]
    public void An_observed_holiday_is_named_as_observed()
    {
        var row = SilverRun.SilverRow(db, 1013);

        row.Get<DateTime>("created_date").ShouldBe(new DateTime(2022, 12, 26, 8, 0, 0));
        row.Get<string>("holiday_name").ShouldBe("Christmas Day (observed)");
        row.Get<bool>("is_us_holiday").ShouldBeTrue();
    }

    [Theory]
    [InlineData(1014, 1d)]
    [InlineData(1015, 25d)]
    public void Hours_to_close_count_elapsed_time_across_daylight_saving_changes(long key, double hours)
    {
        SilverRun.SilverRow(db, key).Get<double>("hours_to_close").ShouldBe(hours, 1e-12);
    }

    [Fact]
    public void Identifiers_and_coordinates_that_are_not_numbers_become_null()
    {
        var row = SilverRun.SilverRow(db, 1016);

        row["bbl"].ShouldBeNull();
        row.Get<double>("x_coordinate_state_plane").ShouldBe(987654d);
        row["y_coordinate_state_plane"].ShouldBeNull();
    }

    [Fact]
    public void Every_hand_made_record_is_accepted()
    {
        db.Scalar<long>($"SELECT COUNT(*) FROM {PipelineRelations.Silver}").ShouldBe(17);
        db.Scalar<long>($"SELECT COUNT(*) FROM {PipelineRelations.Quarantine}").ShouldBe(0);
    }
}

using Nyc311.Pipeline.Quality;
using Nyc311.Pipeline.Sql;
using Nyc311.Pipeline.Tests.Support;

namespace Nyc311.Pipeline.Tests.Sql;

/// <summary>The 924 real CSV-export records and the four real API records, through silver once for the whole class.</summary>
public sealed class RealDataSilver : IDisposable
{
    public static readonly DateTimeOffset IngestedAt = new(2022, 5, 2, 6, 0, 0, TimeSpan.Zero);

    public RealDataSilver()
    {
        Bronze.CreateTable(Db);
        Bronze.LoadCsv(Db, Bronze.RealCsv, new BronzeBatch("csv-2022-05-01", "csv", IngestedAt, "nyc311_rows_2022-05-01.csv"));
        Bronze.Insert(Db, BronzeBatch.Api("api-fixtures", IngestedAt.AddDays(1)),
        [
            Bronze.ReadApiFixture("seththeeke__nyc311-normal-with-bbl.json"),
            Bronze.ReadApiFixture("seththeeke__nyc311-structurally-no-bbl-intersection.json"),
            Bronze.ReadApiFixture("seththeeke__nyc311-unfamiliar-agency.json"),
            Bronze.ReadApiFixture("seththeeke__nyc311-boundary-created-date.json"),
        ]);
        SilverRun.Run(Db);
    }

    public TestDuckDb Db { get; } = new();

    public void Dispose() => Db.Dispose();
}

public sealed class SilverRealDataTests(RealDataSilver data) : IClassFixture<RealDataSilver>
{
    private static readonly DateTimeOffset IngestedAt = RealDataSilver.IngestedAt;
    private readonly TestDuckDb db = data.Db;

    [Fact]
    public void Every_real_record_is_accepted_once()
    {
        var summary = db.Query(QualitySql.Summary(SqlDialects.DuckDb, PipelineRelations.Checked)).Single();

        summary.Get<long>("rows_in").ShouldBe(928);
        summary.Get<long>("rows_rejected").ShouldBe(0);
        summary.Get<long>("rows_superseded").ShouldBe(0);
        summary.Get<long>("rows_out").ShouldBe(928);
        db.Scalar<long>($"SELECT COUNT(*) FROM {PipelineRelations.Silver}").ShouldBe(928);
    }

    [Fact]
    public void A_csv_export_row_is_typed_in_New_York_wall_clock_time()
    {
        var row = SilverRun.SilverRow(db, 54049402);

        row.Get<DateTime>("created_date").ShouldBe(new DateTime(2022, 5, 1, 0, 0, 3));
        row["closed_date"].ShouldBeNull();
        row["hours_to_close"].ShouldBeNull();
        row.Get<string>("agency").ShouldBe("NYPD");
        row.Get<string>("complaint_type").ShouldBe("Noise - Residential");
        row.Get<string>("descriptor").ShouldBe("Loud Music/Party");
        row.Get<string>("incident_zip").ShouldBe("10452");
        row.Get<string>("incident_address").ShouldBe("1006 GERARD AVENUE");
        row.Get<string>("cross_street_1").ShouldBe("EAST  164 STREET");
        row.Get<string>("bbl").ShouldBe("2024770001");
        row.Get<string>("borough").ShouldBe("BRONX");
        row.Get<string>("borough_source").ShouldBe("reported");
        row.Get<string>("park_borough").ShouldBe("BRONX");
        row.Get<string>("community_board").ShouldBe("04 BRONX");
        row.Get<double>("x_coordinate_state_plane").ShouldBe(1005536d);
        row.Get<double>("y_coordinate_state_plane").ShouldBe(241916d);
        row.Get<double>("latitude").ShouldBe(40.83065331987539);
        row.Get<double>("longitude").ShouldBe(-73.92308231033165);
        row["park_facility_name"].ShouldBe("Unspecified");
        row["landmark"].ShouldBe("GERARD AVENUE");
        row["vehicle_type"].ShouldBeNull();
        row.Get<string>("status").ShouldBe("In Progress");
        row.Get<string>("open_data_channel_type").ShouldBe("ONLINE");
    }

    [Fact]
    public void Derived_calendar_columns_follow_the_created_day_in_New_York()
    {
        var row = SilverRun.SilverRow(db, 54049402);

        row.Get<DateOnly>("created_day").ShouldBe(new DateOnly(2022, 5, 1));
        row.Get<DateOnly>("created_month").ShouldBe(new DateOnly(2022, 5, 1));
        row.Get<int>("created_day_of_week").ShouldBe(7);
        row.Get<bool>("created_is_weekend").ShouldBeTrue();
        row.Get<int>("created_hour").ShouldBe(0);
        row["holiday_name"].ShouldBeNull();
        row.Get<bool>("is_us_holiday").ShouldBeFalse();
        row.Get<bool>("is_nyc_holiday").ShouldBeFalse();
    }

    [Fact]
    public void Hours_to_close_are_the_elapsed_time_between_created_and_closed()
    {
        // 05/01/2022 12:00:09 AM to 12:07:46 AM: 457 seconds.
        var row = SilverRun.SilverRow(db, 54046813);

        row.Get<DateTime>("closed_date").ShouldBe(new DateTime(2022, 5, 1, 0, 7, 46));
        row.Get<DateTime>("resolution_action_updated_date").ShouldBe(new DateTime(2022, 5, 1, 0, 7, 53));
        row.Get<double>("hours_to_close").ShouldBe(457d / 3600, 1e-12);
    }

    [Fact]
    public void Every_silver_row_traces_back_to_its_bronze_line()
    {
        var row = SilverRun.SilverRow(db, 54049402);

        row.Get<string>("_batch_id").ShouldBe("csv-2022-05-01");
        row.Get<string>("_source").ShouldBe("csv");
        row.Get<string>("_source_file").ShouldBe("nyc311_rows_2022-05-01.csv");
        row.Get<long>("_source_line").ShouldBe(2);
        row.Get<long>("_record_number").ShouldBe(0);
        row.Get<DateTime>("_ingested_at").ShouldBe(IngestedAt.UtcDateTime);
        row["socrata_updated_at"].ShouldBeNull();
    }

    [Fact]
    public void An_api_record_keeps_its_floating_timestamps_and_prefers_the_latitude_fields_to_the_GeoJSON_location()
    {
        var row = SilverRun.SilverRow(db, 69860415);

        row.Get<DateTime>("created_date").ShouldBe(new DateTime(2026, 7, 27, 21, 3, 35));
        row.Get<DateTime>("closed_date").ShouldBe(new DateTime(2026, 7, 28, 0, 48, 28));
        row.Get<double>("hours_to_close").ShouldBe((3 * 3600 + 44 * 60 + 53) / 3600d, 1e-12);
        row.Get<double>("latitude").ShouldBe(40.8534000790689);
        row.Get<double>("longitude").ShouldBe(-73.86483648294009);
        row.Get<DateOnly>("created_day").ShouldBe(new DateOnly(2026, 7, 27));
        row.Get<int>("created_day_of_week").ShouldBe(1);
        row.Get<bool>("created_is_weekend").ShouldBeFalse();
        row.Get<int>("created_hour").ShouldBe(21);
        row.Get<string>("_source").ShouldBe("api");
        row["_source_file"].ShouldBeNull();
    }

    [Fact]
    public void Sparse_api_records_are_accepted_with_nulls_for_what_they_lack()
    {
        var doitt = SilverRun.SilverRow(db, 70011999);
        doitt.Get<string>("agency").ShouldBe("DOITT");
        doitt.Get<string>("complaint_type").ShouldBe("Municipal Parking Facility");
        doitt.Get<string>("borough").ShouldBe("MANHATTAN");
        doitt["latitude"].ShouldBeNull();
        doitt["incident_zip"].ShouldBeNull();

        var intersection = SilverRun.SilverRow(db, 69860394);
        intersection["bbl"].ShouldBeNull();
        intersection.Get<string>("address_type").ShouldBe("INTERSECTION");
        intersection.Get<string>("intersection_street_2").ShouldBe("BROADWAY");
    }

    [Fact]
    public void A_midnight_record_falls_in_hour_zero_of_its_own_day()
    {
        var row = SilverRun.SilverRow(db, 70013777);

        row.Get<DateTime>("created_date").ShouldBe(new DateTime(2026, 8, 10, 0, 0, 0));
        row.Get<DateOnly>("created_day").ShouldBe(new DateOnly(2026, 8, 10));
        row.Get<int>("created_hour").ShouldBe(0);
        row.Get<DateOnly>("created_month").ShouldBe(new DateOnly(2026, 8, 1));
    }
}

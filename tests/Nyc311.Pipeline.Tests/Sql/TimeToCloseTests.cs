using Nyc311.Pipeline.Sql;
using Nyc311.Pipeline.Tests.Support;

namespace Nyc311.Pipeline.Tests.Sql;

public sealed class TimeToCloseTests : IDisposable
{
    private static readonly ISqlDialect D = SqlDialects.DuckDb;

    // The ISO week of Monday 2024-03-04 runs to Sunday 2024-03-10.
    private static readonly Request[] Requests =
    [
        new(1, new DateTime(2024, 3, 4, 8, 0, 0), "Noise - Residential", "BROOKLYN", "NYPD", 1),
        new(2, new DateTime(2024, 3, 5, 8, 0, 0), "Noise - Residential", "QUEENS", "NYPD", 2),
        new(3, new DateTime(2024, 3, 6, 8, 0, 0), "Noise - Residential", "BROOKLYN", "NYPD", 3),
        new(4, new DateTime(2024, 3, 10, 23, 0, 0), "Noise - Residential", "BRONX", "NYPD", 4),
        new(5, new DateTime(2024, 3, 10, 23, 30, 0), "Noise - Residential", "BRONX", "NYPD"),
        new(6, new DateTime(2024, 3, 7, 8, 0, 0), "HEAT/HOT WATER", "BRONX", "HPD", 10),
        new(7, new DateTime(2024, 3, 11, 0, 0, 0), "Noise - Residential", "BRONX", "NYPD", 0.5),
    ];

    private readonly TestDuckDb db = new(withReferenceTables: false);

    public TimeToCloseTests()
    {
        GoldData.CreateSilver(db, "silver.service_requests", Requests);
    }

    [Fact]
    public void Median_and_90th_percentile_are_exact_over_the_closed_requests_of_the_created_week()
    {
        GoldData.CreateDates(db, "staging.touched_dates", [new DateOnly(2024, 3, 6)]);

        var rows = db.Query($"{GoldSql.TimeToClose(D, "silver.service_requests", "staging.touched_dates")} ORDER BY agency");

        rows.Count.ShouldBe(2);
        var hpd = rows[0];
        hpd.Get<DateOnly>("week_start").ShouldBe(new DateOnly(2024, 3, 4));
        hpd.Get<string>("agency").ShouldBe("HPD");
        hpd.Get<long>("requests").ShouldBe(1);
        hpd.Get<double>("median_hours_to_close").ShouldBe(10d);
        hpd.Get<double>("p90_hours_to_close").ShouldBe(10d);
        var nypd = rows[1];
        nypd.Get<string>("complaint_type").ShouldBe("Noise - Residential");
        nypd.Get<long>("requests").ShouldBe(5);
        nypd.Get<long>("requests_closed").ShouldBe(4);
        nypd.Get<double>("median_hours_to_close").ShouldBe(2.5, 1e-12);
        nypd.Get<double>("p90_hours_to_close").ShouldBe(3.7, 1e-12);
    }

    [Fact]
    public void Touched_days_map_to_the_Monday_of_their_ISO_week()
    {
        GoldData.CreateDates(db, "staging.touched_dates", [new DateOnly(2024, 3, 10), new DateOnly(2024, 3, 11), new DateOnly(2024, 3, 4)]);

        var weeks = db.Query(GoldSql.TouchedWeeks(D, "staging.touched_dates")).Select(r => r.Get<DateOnly>("week_start"));

        weeks.Order().ShouldBe([new DateOnly(2024, 3, 4), new DateOnly(2024, 3, 11)]);
    }

    [Fact]
    public void Recomputing_touched_weeks_equals_the_full_recompute_of_those_weeks()
    {
        GoldData.CreateDates(db, "staging.all_days", Requests.Select(r => r.Day));
        GoldData.CreateDates(db, "staging.touched_dates", [new DateOnly(2024, 3, 11)]);

        var full = db.Query($"SELECT * FROM ({GoldSql.TimeToClose(D, "silver.service_requests", "staging.all_days")}) WHERE week_start = DATE '2024-03-11'");
        var partial = db.Query(GoldSql.TimeToClose(D, "silver.service_requests", "staging.touched_dates"));

        partial.Select(r => r.ToString()).ShouldBe(full.Select(r => r.ToString()));
        partial.Single().Get<double>("median_hours_to_close").ShouldBe(0.5);
    }

    public void Dispose() => db.Dispose();
}

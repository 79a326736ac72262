using Nyc311.Pipeline.Sql;
using Nyc311.Pipeline.Tests.Support;

namespace Nyc311.Pipeline.Tests.Sql;

public sealed class HourlyPatternsTests : IDisposable
{
    private static readonly ISqlDialect D = SqlDialects.DuckDb;

    private static readonly Request[] Requests =
    [
        new(1, new DateTime(2024, 3, 4, 9, 10, 0), "Noise", "BROOKLYN"),
        new(2, new DateTime(2024, 3, 4, 9, 50, 0), "Noise", "QUEENS"),
        new(3, new DateTime(2024, 3, 4, 9, 30, 0), "HEAT", "BRONX"),
        new(4, new DateTime(2024, 3, 11, 9, 5, 0), "Noise", "BRONX"),
        new(5, new DateTime(2024, 3, 5, 23, 59, 0), "Noise", "BRONX"),
    ];

    private readonly TestDuckDb db = new(withReferenceTables: false);

    public HourlyPatternsTests()
    {
        GoldData.CreateSilver(db, "silver.service_requests", Requests);
    }

    [Fact]
    public void Hourly_counts_of_a_touched_day_have_a_row_per_type_and_one_for_all_types()
    {
        GoldData.CreateDates(db, "staging.touched_dates", [new DateOnly(2024, 3, 4)]);

        var rows = db.Query($"{GoldSql.HourlyPatterns(D, "silver.service_requests", "staging.touched_dates")} ORDER BY complaint_type")
            .Select(r => $"{r.Get<DateOnly>("date"):yyyy-MM-dd} {r.Get<int>("day_of_week")} {r.Get<int>("hour")} {r["complaint_type"]} {r.Get<long>("requests")}");

        rows.ShouldBe(["2024-03-04 1 9 (all) 3", "2024-03-04 1 9 HEAT 1", "2024-03-04 1 9 Noise 2"]);
    }

    [Fact]
    public void The_profile_averages_each_hour_over_the_days_with_that_weekday()
    {
        GoldData.CreateDates(db, "staging.touched_dates", Requests.Select(r => r.Day));
        db.Create("gold.hourly_patterns", GoldSql.HourlyPatterns(D, "silver.service_requests", "staging.touched_dates"));

        var rows = db.Query($"{GoldSql.HourlyProfile(D, "gold.hourly_patterns")} ORDER BY day_of_week, \"hour\", complaint_type")
            .Select(r => $"{r.Get<int>("day_of_week")} {r.Get<int>("hour")} {r["complaint_type"]} {r.Get<long>("days")} {r.Get<long>("requests")} {r.Get<double>("mean_requests")}");

        rows.ShouldBe(["1 9 (all) 2 4 2", "1 9 HEAT 2 1 0.5", "1 9 Noise 2 3 1.5", "2 23 (all) 1 1 1", "2 23 Noise 1 1 1"]);
    }

    public void Dispose() => db.Dispose();
}

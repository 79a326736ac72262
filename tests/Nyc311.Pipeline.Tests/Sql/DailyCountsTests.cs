using Nyc311.Pipeline.Sql;
using Nyc311.Pipeline.Tests.Support;

namespace Nyc311.Pipeline.Tests.Sql;

public sealed class DailyCountsTests : IDisposable
{
    private const string Noise = "Noise - Residential", Heat = "HEAT/HOT WATER";
    private static readonly ISqlDialect D = SqlDialects.DuckDb;

    private static readonly Request[] March =
    [
        new(1, new DateTime(2024, 3, 1, 9, 0, 0), Noise, "BROOKLYN"),
        new(2, new DateTime(2024, 3, 1, 23, 59, 59), Noise, "BROOKLYN"),
        new(3, new DateTime(2024, 3, 1, 0, 0, 0), Heat, "BRONX"),
        new(4, new DateTime(2024, 3, 3, 12, 0, 0), Noise, "BROOKLYN"),
        new(5, new DateTime(2024, 3, 3, 13, 0, 0), Noise, "QUEENS"),
    ];

    private readonly TestDuckDb db = new(withReferenceTables: false);

    [Fact]
    public void Counts_have_rollups_and_zero_days_from_each_series_first_day_to_the_end_of_the_data()
    {
        GoldData.CreateSilver(db, "silver.service_requests", March);

        string[] expected =
        [
            $"2024-03-01|(all)|(all)|3", $"2024-03-01|(all)|BRONX|1", $"2024-03-01|(all)|BROOKLYN|2",
            $"2024-03-01|{Heat}|(all)|1", $"2024-03-01|{Heat}|BRONX|1", $"2024-03-01|{Noise}|(all)|2", $"2024-03-01|{Noise}|BROOKLYN|2",
            $"2024-03-02|(all)|(all)|0", $"2024-03-02|(all)|BRONX|0", $"2024-03-02|(all)|BROOKLYN|0",
            $"2024-03-02|{Heat}|(all)|0", $"2024-03-02|{Heat}|BRONX|0", $"2024-03-02|{Noise}|(all)|0", $"2024-03-02|{Noise}|BROOKLYN|0",
            $"2024-03-03|(all)|(all)|2", $"2024-03-03|(all)|BRONX|0", $"2024-03-03|(all)|BROOKLYN|1", $"2024-03-03|(all)|QUEENS|1",
            $"2024-03-03|{Heat}|(all)|0", $"2024-03-03|{Heat}|BRONX|0", $"2024-03-03|{Noise}|(all)|2", $"2024-03-03|{Noise}|BROOKLYN|1", $"2024-03-03|{Noise}|QUEENS|1",
        ];
        GoldData.FullDailyCounts(db, "silver.service_requests").ShouldBe(expected.Order(StringComparer.Ordinal));
        GoldData.ExpectedDailyCounts(March).ShouldBe(expected.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Counts_for_some_days_equal_the_full_recompute_restricted_to_those_days()
    {
        GoldData.CreateSilver(db, "silver.service_requests", March);
        db.Create("gold.daily_series", GoldSql.DailySeries(D, "silver.service_requests"));
        GoldData.CreateDates(db, "staging.days", [new DateOnly(2024, 3, 2), new DateOnly(2024, 3, 3)]);

        var partial = GoldData.DailyCounts(db, GoldSql.DailyCounts(D, "silver.service_requests", "staging.days", "gold.daily_series"));

        partial.ShouldBe(GoldData.FullDailyCounts(db, "silver.service_requests").Where(l => !l.StartsWith("2024-03-01", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("backfill of a new series", 6, 2024, 3, 1, "Rodent", "MANHATTAN", "2024-03-01,2024-03-02,2024-03-03")]
    [InlineData("a later day", 6, 2024, 3, 6, Noise, "BROOKLYN", "2024-03-04,2024-03-05,2024-03-06")]
    [InlineData("a day inside every series", 6, 2024, 3, 2, Noise, "BROOKLYN", "2024-03-02")]
    [InlineData("an earlier first day of a series", 6, 2024, 3, 2, Noise, "QUEENS", "2024-03-02")]
    public void The_days_to_rewrite_include_the_days_zero_filling_moves(string why, long key, int year, int month, int day, string type, string borough, string days)
    {
        _ = why;
        var added = new Request(key, new DateTime(year, month, day, 8, 0, 0), type, borough);
        GoldData.CreateSilver(db, "staging.silver_before", March);
        GoldData.CreateSilver(db, "silver.service_requests", [.. March, added]);
        db.Create("staging.daily_series_before", GoldSql.DailySeries(D, "staging.silver_before"));
        db.Create("gold.daily_series", GoldSql.DailySeries(D, "silver.service_requests"));
        GoldData.CreateDates(db, "staging.touched_dates", [added.Day]);

        var rewrite = db.Query($"{GoldSql.DailyCountsDates(D, "staging.touched_dates", "staging.daily_series_before", "gold.daily_series")} ORDER BY 1")
            .Select(r => r.Get<DateOnly>("date").ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        string.Join(",", rewrite).ShouldBe(days);
    }

    [Fact]
    public void On_the_first_run_every_day_of_the_data_is_rewritten()
    {
        GoldData.CreateSilver(db, "staging.silver_before", []);
        GoldData.CreateSilver(db, "silver.service_requests", March);
        db.Create("staging.daily_series_before", GoldSql.DailySeries(D, "staging.silver_before"));
        db.Create("gold.daily_series", GoldSql.DailySeries(D, "silver.service_requests"));
        GoldData.CreateDates(db, "staging.touched_dates", March.Select(r => r.Day));

        var rewrite = db.Query(GoldSql.DailyCountsDates(D, "staging.touched_dates", "staging.daily_series_before", "gold.daily_series"));

        rewrite.Select(r => r.Get<DateOnly>("date")).Order().ShouldBe([new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 2), new DateOnly(2024, 3, 3)]);
    }

    [Fact]
    public void All_dates_span_the_first_to_the_last_day_of_any_series()
    {
        GoldData.CreateSilver(db, "silver.service_requests", March);

        var days = db.Query(GoldSql.AllDates(D, $"({GoldSql.DailySeries(D, "silver.service_requests")})")).Select(r => r.Get<DateOnly>("date"));

        days.Order().ShouldBe([new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 2), new DateOnly(2024, 3, 3)]);
    }

    public void Dispose() => db.Dispose();
}

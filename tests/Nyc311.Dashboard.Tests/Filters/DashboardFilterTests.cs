using Nyc311.Dashboard.Filters;

namespace Nyc311.Dashboard.Tests.Filters;

public sealed class DashboardFilterTests
{
    [Fact]
    public void A_filter_read_from_the_address_writes_the_same_address_back()
    {
        var filter = DashboardFilter.Parse("2026-05-01", "2026-06-10", ["Noise - Residential", "Rodent & Mice"], ["staten island", "BROOKLYN"]);

        filter.Problems.ShouldBeEmpty();
        filter.Boroughs.ShouldBe(["BROOKLYN", "STATEN ISLAND"]);
        var query = filter.QueryString();
        query.ShouldBe("?from=2026-05-01&to=2026-06-10&type=Noise%20-%20Residential&type=Rodent%20%26%20Mice&borough=BROOKLYN&borough=STATEN%20ISLAND");

        var values = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query);
        var again = DashboardFilter.Parse(values["from"], values["to"], values["type"], values["borough"]);
        again.QueryString().ShouldBe(query);
        again.Key.ShouldBe(filter.Key);
    }

    [Fact]
    public void Unusable_values_are_left_out_and_named_rather_than_failing()
    {
        var filter = DashboardFilter.Parse("yesterday", "2026-06-10", ["", "(all)", "Rodent", "Rodent"], ["Narnia", "queens"]);

        filter.From.ShouldBeNull();
        filter.To.ShouldBe(new DateOnly(2026, 6, 10));
        filter.Types.ShouldBe(["Rodent"]);
        filter.Boroughs.ShouldBe(["QUEENS"]);
        filter.Problems.ShouldBe([
            "'from' value 'yesterday' is not a date (YYYY-MM-DD): ignored",
            "'Narnia' is not a borough (choose from Manhattan, Bronx, Brooklyn, Queens, Staten Island)",
        ]);
    }

    [Fact]
    public void Dates_in_the_wrong_order_are_swapped_and_said_so()
    {
        var filter = DashboardFilter.Parse("2026-06-10", "2026-05-01", null, null);
        (filter.From, filter.To).ShouldBe((new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 10)));
        filter.Problems.Single().ShouldContain("were swapped");
    }

    [Fact]
    public void Without_dates_the_range_is_the_last_ninety_days_of_the_data_or_up_to_today_before_any_data()
    {
        var filter = DashboardFilter.Default;
        filter.Resolve(new DateOnly(2026, 6, 10), new DateOnly(2026, 6, 11)).ShouldBe(new DateRange(new DateOnly(2026, 3, 13), new DateOnly(2026, 6, 10)));
        filter.Resolve(null, new DateOnly(2026, 6, 11)).To.ShouldBe(new DateOnly(2026, 6, 11));
        filter.Series.ShouldBe([SeriesKey.Citywide]);
    }

    [Fact]
    public void Every_chosen_type_is_drawn_in_every_chosen_borough_up_to_a_limit()
    {
        var types = Enumerable.Range(1, 7).Select(i => $"Type {i}").ToList();
        var filter = DashboardFilter.Parse(null, null, types, ["QUEENS", "BRONX"]);

        filter.Series.Count.ShouldBe(DashboardFilter.MaxSeries);
        filter.SeriesLeftOut.ShouldBe(14 - DashboardFilter.MaxSeries);
        filter.Series[0].ShouldBe(new SeriesKey("Type 1", "BRONX"));
        filter.Series[1].ShouldBe(new SeriesKey("Type 1", "QUEENS"));
    }
}

namespace Nyc311.Domain.Tests;

public class HolidayCalendarTests
{
    [Theory]
    [InlineData(2024, 11, 28, "Thanksgiving")]
    [InlineData(2024, 11, 5, "Election Day")]
    [InlineData(2024, 5, 27, "Memorial Day")]
    [InlineData(2024, 1, 15, "Martin Luther King Jr. Day")]
    [InlineData(2025, 10, 13, "Columbus Day")]
    [InlineData(2023, 2, 20, "Washington's Birthday")]
    public void Floating_holidays_fall_on_their_rule_day(int year, int month, int day, string name)
    {
        HolidayCalendar.On(new DateOnly(year, month, day))!.Name.ShouldBe(name);
    }

    [Fact]
    public void A_holiday_on_a_Sunday_is_observed_on_Monday()
    {
        // July 4, 2021 was a Sunday.
        var observed = HolidayCalendar.For(2021).Single(h => h.Name == "Independence Day" && h.IsObserved);
        observed.Date.ShouldBe(new DateOnly(2021, 7, 5));
    }

    [Fact]
    public void New_Year_on_a_Saturday_is_observed_on_the_last_day_of_the_previous_year()
    {
        // January 1, 2022 was a Saturday.
        HolidayCalendar.On(new DateOnly(2021, 12, 31))!.Name.ShouldBe("New Year's Day");
    }

    [Fact]
    public void Juneteenth_exists_only_from_2021()
    {
        HolidayCalendar.For(2020).ShouldNotContain(h => h.Name.StartsWith("Juneteenth", StringComparison.Ordinal));
        HolidayCalendar.For(2021).ShouldContain(h => h.Name.StartsWith("Juneteenth", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("brooklyn", Boroughs.Brooklyn)]
    [InlineData("  Staten   Island ", Boroughs.StatenIsland)]
    [InlineData("Unspecified", null)]
    [InlineData("", null)]
    [InlineData("KINGS", Boroughs.Brooklyn)]
    public void Boroughs_normalize_case_spacing_and_county_names(string raw, string? expected)
    {
        Boroughs.Normalize(raw).ShouldBe(expected);
    }

    [Fact]
    public void Csv_headers_map_to_api_names_and_unknown_headers_to_snake_case()
    {
        ServiceRequestFields.CsvExport.Count.ShouldBe(41);
        ServiceRequestFields.ApiNameForCsvHeader("X Coordinate (State Plane)").ShouldBe("x_coordinate_state_plane");
        ServiceRequestFields.ApiNameForCsvHeader("Some New Column").ShouldBe("some_new_column");
    }
}

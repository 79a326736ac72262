namespace Nyc311.Forecasting.Tests.Prophet;

/// <summary>
/// REFERENCE.md D4 (playoffs and superbowls, holidays_prior_scale 10) and the damped run of the current
/// docs (holidays_prior_scale 0.05; see the README beside the data for why REFERENCE.md's D5 is not used).
/// </summary>
public class HolidayEffectTests
{
    // Rows printed by the docs: (index, date, is a superbowl).
    public static TheoryData<int, string, bool> PrintedRows => new()
    {
        { 2190, "2014-02-02", true },
        { 2191, "2014-02-03", true },
        { 2532, "2015-01-11", false },
        { 2533, "2015-01-12", false },
        { 2901, "2016-01-17", false },
        { 2902, "2016-01-18", false },
        { 2908, "2016-01-24", false },
        { 2909, "2016-01-25", false },
        { 2922, "2016-02-07", true },
        { 2923, "2016-02-08", true },
    };

    [Theory]
    [MemberData(nameof(PrintedRows))]
    public void Effects_match_the_current_docs_run_A(int index, string date, bool superbowl)
    {
        var dayAfter = IsDayAfter(index);
        Check(PeytonFits.Holidays.Forecast, index, date, dayAfter ? 1.901742 : 1.223965, superbowl ? (dayAfter ? 1.460471 : 1.201517) : 0);
    }

    [Theory]
    [MemberData(nameof(PrintedRows))]
    public void Effects_match_the_older_docs_run_B(int index, string date, bool superbowl)
    {
        var dayAfter = IsDayAfter(index);
        Check(PeytonFits.Holidays.Forecast, index, date, dayAfter ? 1.900465 : 1.220308, superbowl ? (dayAfter ? 1.444581 : 1.204992) : 0);
    }

    [Theory]
    [MemberData(nameof(PrintedRows))]
    public void A_prior_scale_of_0_05_damps_the_effects_as_the_current_docs_show(int index, string date, bool superbowl)
    {
        var dayAfter = IsDayAfter(index);
        Check(PeytonFits.DampedHolidays.Forecast, index, date, dayAfter ? 1.852077 : 1.206086, superbowl ? (dayAfter ? 0.992634 : 0.964914) : 0);
    }

    [Fact]
    public void Holiday_components_add_up_to_the_holidays_column_and_sit_among_the_additive_terms()
    {
        var f = PeytonFits.Holidays.Forecast;
        f.Columns.Select(c => c.Name).Where(n => !n.EndsWith("_lower", StringComparison.Ordinal) && !n.EndsWith("_upper", StringComparison.Ordinal)).ShouldBe(
            ["trend", "additive_terms", "holidays", "playoff", "superbowl", "weekly", "yearly", "multiplicative_terms", "yhat"]);
        for (var i = 2180; i < 2200; i++)
        {
            f["holidays"][i].ShouldBe(f["playoff"][i] + f["superbowl"][i], 1e-12);
            f["additive_terms"][i].ShouldBe(f["holidays"][i] + f["weekly"][i] + f["yearly"][i], 1e-12);
        }
    }

    [Fact]
    public void Holiday_effects_apply_only_inside_their_windows()
    {
        var f = PeytonFits.Holidays.Forecast;
        var windows = PeytonFits.PlayoffsAndSuperbowls
            .SelectMany(h => new[] { h.Date, h.Date.AddDays(1) })
            .Select(d => d.ToDateTime(TimeOnly.MinValue))
            .ToHashSet();
        for (var i = 0; i < f.Dates.Count; i++)
        {
            if (!windows.Contains(f.Dates[i]))
            {
                f["holidays"][i].ShouldBe(0.0);
            }
        }
    }

    private static bool IsDayAfter(int index) => index is 2191 or 2533 or 2902 or 2909 or 2923;

    private static void Check(Forecast forecast, int index, string date, double playoff, double superbowl)
    {
        forecast.Dates[index].ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).ShouldBe(date);

        // Components of a MAP fit: REFERENCE.md's 2%. The superbowl, fitted from three occurrences, is the least
        // identified effect (runs A and B differ by 1.1% on it), so it gets 3%.
        forecast["playoff"][index].ShouldBe(playoff, 0.02 * playoff);
        forecast["superbowl"][index].ShouldBe(superbowl, 0.03 * superbowl);
    }
}

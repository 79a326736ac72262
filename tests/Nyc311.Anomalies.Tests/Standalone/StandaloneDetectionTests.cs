using System.Globalization;
using System.Text;
using Nyc311.Anomalies.Standalone;
using Nyc311.Anomalies.Tests.Support;
using Nyc311.Simulation;

namespace Nyc311.Anomalies.Tests.Standalone;

public sealed class StandaloneDetectionTests
{
    private static string RealTotalsCsv(DateOnly from, DateOnly to)
    {
        var text = new StringBuilder("ds,y\n");
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            text.Append(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd},{CalibrationFacts.DailyTotals.PublishedOn(day)}\n");
        }

        return text.ToString();
    }

    [Fact]
    public void Partial_days_of_the_real_citywide_totals_are_data_problems_not_drops()
    {
        var rows = StandaloneCsv.Read(new StringReader(RealTotalsCsv(new(2023, 6, 1), new(2023, 12, 31))), "totals.csv");

        var days = StandaloneDetection.Run(rows, new DateOnly(2023, 9, 1), new AnomalyOptions());

        days.Count.ShouldBe(122);
        days.Where(d => d.Kind == "data_problem").Select(d => d.Ds).ShouldBe([new(2023, 9, 15), new(2023, 9, 23), new(2023, 11, 27)]);
        days.Where(d => d.Kind == "data_problem").ShouldAllBe(d => !d.Anomaly);
        var thanksgiving = days.Single(d => d.Ds == new DateOnly(2023, 11, 23));
        thanksgiving.Kind.ShouldNotBe("data_problem");
        thanksgiving.Anomaly.ShouldBeFalse();
        days.Where(d => d.Kind is "" && double.IsFinite(d.Expected)).Count().ShouldBeGreaterThan(100);
    }

    [Fact]
    public void Each_day_is_judged_as_it_would_have_been_that_morning()
    {
        var csv = RealTotalsCsv(new(2024, 1, 1), new(2024, 6, 30));
        var all = StandaloneDetection.Run(StandaloneCsv.Read(new StringReader(csv), "in.csv"), new DateOnly(2024, 5, 1), new AnomalyOptions());
        foreach (var cut in new[] { new DateOnly(2024, 5, 10), new DateOnly(2024, 6, 2) })
        {
            var truncated = string.Join('\n', csv.Split('\n').TakeWhile(l => !l.StartsWith(cut.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal)));
            var morning = StandaloneDetection.Run(StandaloneCsv.Read(new StringReader(truncated), "in.csv"), new DateOnly(2024, 5, 1), new AnomalyOptions());
            morning.Single(d => d.Ds == cut).ShouldBe(all.Single(d => d.Ds == cut));
        }
    }

    [Fact]
    public void Several_series_a_spike_and_the_output_columns()
    {
        var start = new DateOnly(2025, 1, 6);
        var a = SyntheticSeries.Poisson(start, 70, 40, seed: 1);
        var b = SyntheticSeries.Poisson(start, 70, 200, seed: 2);
        a[65] = 400;
        var csv = new StringBuilder("series,ds,y\n");
        for (var i = 0; i < 70; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"\"trees, Queens\",{start.AddDays(i):yyyy-MM-dd},{a[i]}\nnoise,{start.AddDays(i):yyyy-MM-dd},{(i == 40 ? "" : b[i])}\n");
        }

        var days = StandaloneDetection.Run(StandaloneCsv.Read(new StringReader(csv.ToString()), "in.csv"), start.AddDays(35), new AnomalyOptions { Detector = "count_forecast" });
        var spike = days.Single(d => d.Series == "trees, Queens" && d.Ds == start.AddDays(65));
        spike.Anomaly.ShouldBeTrue();
        spike.Kind.ShouldBe("spike");
        spike.PValue.ShouldBeLessThan(1e-6);
        days.Single(d => d.Series == "noise" && d.Ds == start.AddDays(40)).Kind.ShouldBe("data_problem");

        using var output = new StringWriter();
        StandaloneCsv.Write(output, days.Take(2), includeSeries: true);
        var lines = output.ToString().Split('\n');
        lines[0].ShouldBe("series,ds,y,expected,lower,upper,p_value,anomaly,kind");
        lines[1].ShouldStartWith("\"trees, Queens\",2025-02-10,");
    }

    [Theory]
    [InlineData("ds,value\n2025-01-01,3\n", "missing column 'y'")]
    [InlineData("ds,y\n2025-01-01,3\n2025-13-01,4\n", "line 3: ds '2025-13-01' is not a date")]
    [InlineData("ds,y\n2025-01-01,-3\n", "line 2: y -3 is negative")]
    [InlineData("ds,y\n2025-01-01,3\n2025-01-01,4\n", "line 3: day 2025-01-01 appears twice")]
    [InlineData("ds,y\n", "no rows")]
    public void Unusable_input_names_the_line_and_the_problem(string csv, string message)
    {
        var error = Should.Throw<AnomalyInputException>(() => StandaloneDetection.Run(StandaloneCsv.Read(new StringReader(csv), "in.csv"), new DateOnly(2025, 1, 1), new AnomalyOptions()));
        error.Message.ShouldContain(message);
        error.Message.ShouldStartWith("in.csv");
    }

    [Fact]
    public void Parsing_one_row_is_a_value_with_a_reason()
    {
        StandaloneCsv.ParseRow(["2025-01-01", "x"], 7, 0, 1, -1).ShouldSatisfyAllConditions(
            r => r.IsValid.ShouldBeFalse(),
            r => r.Reason.ShouldBe("y 'x' is not a number"));
        StandaloneCsv.ParseRow(["2025-01-01T00:00:00", ""], 8, 0, 1, -1).Row.ShouldBe(new SeriesRow(new(2025, 1, 1), null, "y", 8));
    }
}

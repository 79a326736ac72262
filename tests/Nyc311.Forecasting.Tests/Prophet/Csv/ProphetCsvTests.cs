using CsCheck;
using Nyc311.Forecasting.Prophet;
using Nyc311.Forecasting.Prophet.Csv;

namespace Nyc311.Forecasting.Tests.Prophet.Csv;

public sealed class ProphetCsvTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("prophet-csv-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Reads_the_air_passengers_file_with_bare_carriage_returns()
    {
        var data = ProphetCsv.ReadSeries(TestData.PathOf("example_air_passengers.csv"));
        data.Count.ShouldBe(144);
        data.Dates[0].ShouldBe(new DateTime(1949, 1, 1));
        data.Dates[^1].ShouldBe(new DateTime(1960, 12, 1));
        data.Values!.Min().ShouldBe(104);
        data.Values!.Max().ShouldBe(622);
    }

    [Fact]
    public void Reads_the_quoted_header_of_the_Peyton_Manning_file()
    {
        var data = TestData.Peyton;
        data.Count.ShouldBe(2905);
        data.Dates[0].ShouldBe(new DateTime(2007, 12, 10));
        data.Values!.Max().ShouldBe(12.846746888829);
    }

    [Fact]
    public void Reads_timestamps_of_sub_daily_data()
    {
        var data = TestData.SubDaily;
        data.Count.ShouldBe(863);
        data.Dates[0].ShouldBe(new DateTime(2017, 1, 1, 0, 5, 0));
    }

    [Theory]
    [InlineData("dt,y\n2020-01-01,1\n", null, "missing column 'ds'")]
    [InlineData("ds,value\n2020-01-01,1\n", 1, "missing column 'y'")]
    [InlineData("ds,y\n2020-01-01,1\n2020-01-02,x\n2020-01-03,4\n", 3, "column 'y' is not a number: 'x'")]
    [InlineData("ds,y\r\n2020-01-01,1\r\n2020-13-45,2\r\n", 3, "column 'ds' is not a date: '2020-13-45'")]
    [InlineData("ds,y\r2020-01-01,1\r2020-01-02\r", 3, "expected at least 2 fields, found 1")]
    [InlineData("ds,y\n2020-01-01T00:00:00+02:00,1\n", 2, "time zone")]
    [InlineData("ds,y\n2020-01-01,inf\n", 2, "infinite")]
    [InlineData("ds,y\n2020-01-01,1\n2020-01-02,\n", null, "1 non-null rows; at least 2 are needed")]
    [InlineData("", null, "the file is empty")]
    [InlineData("ds,y\n\"2020-01-01,1\n", 2, "quoted field is not closed")]
    public void Bad_input_names_the_file_the_line_and_the_problem(string text, int? line, string problem)
    {
        var error = Should.Throw<ForecastInputException>(() => ProphetCsv.ReadSeries(new StringReader(text), "series.csv"));
        error.InputName.ShouldBe("series.csv");
        error.Message.ShouldStartWith("series.csv");
        error.Problem.ShouldContain(problem);
        if (line is { } expected)
        {
            error.Line.ShouldBe(expected);
            error.Message.ShouldContain($"line {expected}");
        }
    }

    [Fact]
    public void A_missing_file_is_reported_by_name()
    {
        var error = Should.Throw<ForecastInputException>(() => ProphetCsv.ReadSeries(Path.Combine(_folder, "absent.csv")));
        error.Message.ShouldContain("absent.csv");
    }

    [Fact]
    public void Missing_values_are_kept_as_NaN_and_cap_and_floor_are_read()
    {
        var data = ProphetCsv.ReadSeries(new StringReader("ds,y,cap,floor\n2020-01-01,1,10,0\n2020-01-02,NA,10,0\n2020-01-03,3,11,1\n"), "s.csv");
        double.IsNaN(data.Values![1]).ShouldBeTrue();
        data.Cap.ShouldBe([10.0, 10.0, 11.0]);
        data.Floor.ShouldBe([0.0, 0.0, 1.0]);
    }

    [Fact]
    public void Reads_Prophets_holidays_columns()
    {
        const string text = "holiday,ds,lower_window,upper_window,prior_scale\nplayoff,2008-01-13,0,1,\nsuperbowl,2010-02-07,-1.0,1.0,0.5\nbare,2011-01-01,,,\n";
        var holidays = ProphetCsv.ReadHolidays(new StringReader(text), "holidays.csv");
        holidays.ShouldBe(
        [
            new ProphetHoliday("playoff", new DateOnly(2008, 1, 13), 0, 1),
            new ProphetHoliday("superbowl", new DateOnly(2010, 2, 7), -1, 1, 0.5),
            new ProphetHoliday("bare", new DateOnly(2011, 1, 1)),
        ]);
    }

    [Theory]
    [InlineData("holiday,date\nx,2020-01-01\n", "missing column 'ds'")]
    [InlineData("holiday,ds,lower_window\nx,2020-01-01,1\n", "lower_window must be 0 or less")]
    [InlineData("holiday,ds,upper_window\nx,2020-01-01,1.5\n", "not a whole number")]
    [InlineData("holiday,ds,prior_scale\nx,2020-01-01,-1\n", "prior_scale must be positive")]
    [InlineData("holiday,ds\n,2020-01-01\n", "column 'holiday' is empty")]
    public void Bad_holiday_rows_are_reported(string text, string problem)
    {
        Should.Throw<ForecastInputException>(() => ProphetCsv.ReadHolidays(new StringReader(text), "h.csv")).Problem.ShouldContain(problem);
    }

    [Fact]
    public void Dates_written_by_the_forecast_writer_read_back_unchanged()
    {
        Gen.Select(Gen.Int[0, 60_000], Gen.Int[0, 86_399], Gen.Bool).Sample((day, second, withTime) =>
        {
            var date = new DateTime(1900, 1, 1).AddDays(day).AddSeconds(withTime ? second : 0);
            var text = $"ds,y\n{date:yyyy-MM-dd HH:mm:ss},1.5\n{date.AddDays(1):yyyy-MM-dd},2\n";
            var data = ProphetCsv.ReadSeries(new StringReader(text), "p.csv");
            data.Dates[0].ShouldBe(date);
        });
    }

    [Fact]
    public void Numbers_round_trip_through_the_writer()
    {
        Gen.Double.Where(double.IsFinite).Array[1, 5].Sample(values =>
        {
            var dates = values.Select((_, i) => new DateTime(2020, 1, 1).AddDays(i)).ToArray();
            var forecast = new Forecast(dates, [new("yhat_lower", values), new("yhat_upper", values), new("yhat", values)], dates.Length);
            var writer = new StringWriter();
            ProphetCsv.WriteForecast(forecast, writer);
            var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            lines[0].ShouldBe("ds,yhat_lower,yhat_upper,yhat");
            for (var i = 0; i < values.Length; i++)
            {
                double.Parse(lines[i + 1].Split(',')[3], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(values[i]);
            }
        });
    }

    [Fact]
    public void A_job_reads_fits_and_writes_history_plus_future_with_Prophets_columns()
    {
        var output = Path.Combine(_folder, "forecast.csv");
        var holidays = Path.Combine(_folder, "holidays.csv");
        File.WriteAllText(holidays, "holiday,ds,lower_window,upper_window\nnew_year,1950-01-01,0,0\nnew_year,1955-01-01,0,0\n");
        var (model, forecast) = ProphetCsv.Run(new ProphetCsvJob
        {
            InputPath = TestData.PathOf("example_air_passengers.csv"),
            OutputPath = output,
            HolidaysPath = holidays,
            Periods = 12,
            Options = new ProphetOptions { SeasonalityMode = SeasonalityMode.Multiplicative, UncertaintySamples = 200 },
        });

        model.Options.Holidays.Count.ShouldBe(2);
        forecast.Dates.Count.ShouldBe(156);
        forecast.Dates[^1].ShouldBe(new DateTime(1961, 12, 1));
        var lines = File.ReadAllLines(output);
        lines.Length.ShouldBe(157);
        var header = lines[0].Split(',');
        header.Take(6).ShouldBe(["ds", "trend", "yhat_lower", "yhat_upper", "trend_lower", "trend_upper"]);
        header.ShouldContain("yearly");
        header.ShouldContain("new_year");
        header.ShouldContain("multiplicative_terms");
        header[^1].ShouldBe("yhat");
        lines[1].ShouldStartWith("1949-01-01,");
        lines[^1].ShouldStartWith("1961-12-01,");
    }

    [Theory]
    [InlineData("auto", null)]
    [InlineData("D", 1.0)]
    [InlineData("W", 7.0)]
    [InlineData("5min", 5.0 / 1440)]
    public void Frequencies_parse_like_pandas_aliases(string text, double? days)
    {
        var frequency = ProphetCsv.ParseFrequency(text);
        if (days is null)
        {
            frequency.ShouldBeNull();
        }
        else
        {
            frequency!.Step.TotalDays.ShouldBe(days.Value, 1e-12);
        }

        ProphetCsv.ParseFrequency("MS").ShouldBe(SeriesFrequency.MonthStart);
        Should.Throw<ForecastOptionsException>(() => ProphetCsv.ParseFrequency("fortnight"));
    }

    [Fact]
    public void Modes_and_seasonality_switches_parse_from_command_line_text()
    {
        ProphetCsv.ParseMode("Multiplicative").ShouldBe(SeasonalityMode.Multiplicative);
        Should.Throw<ForecastOptionsException>(() => ProphetCsv.ParseMode("both")).Message.ShouldContain("seasonality-mode");
        SeasonalitySetting.Parse("auto").ShouldBe(SeasonalitySetting.Auto);
        SeasonalitySetting.Parse("TRUE").ShouldBe(SeasonalitySetting.Enabled);
        SeasonalitySetting.Parse("false").ShouldBe(SeasonalitySetting.Disabled);
        SeasonalitySetting.Parse("7").ShouldBe(SeasonalitySetting.WithOrder(7));
        Should.Throw<ForecastOptionsException>(() => SeasonalitySetting.Parse("yes", "yearly")).Message.ShouldContain("yearly");
    }
}

using System.Globalization;
using Nyc311.Lake;
using Nyc311.Lake.Catalog;
using Nyc311.Lake.Operations;
using Nyc311.Lake.Schema;
using Nyc311.Lake.Sql;
using Nyc311.Testing;

namespace Nyc311.Cli.Tests.Commands;

public sealed class ForecastCommandTests : IDisposable
{
    private static readonly string Citywide = RepositoryPaths.Combine("src", "Nyc311.Simulation", "Data", "calibration", "nyc311_daily_citywide_2010-01-01_2026-08-05__nik-pi_311Forecasting.csv");
    private static readonly string AirPassengers = RepositoryPaths.Combine("tests", "Nyc311.Forecasting.Tests", "Data", "prophet", "example_air_passengers.csv");

    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Prophet_mode_writes_Prophets_columns_for_Prophets_example_file()
    {
        var output = _cli.Folder.Combine("air.csv");

        var result = await _cli.RunAsync("forecast", "--input", AirPassengers, "--model", "prophet", "--periods", "12", "--freq", "MS", "--seasonality-mode", "multiplicative", "--output", output);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("written to");
        var lines = File.ReadAllLines(output);
        lines[0].Split(',').ShouldBe(["ds", "trend", "yhat_lower", "yhat_upper", "trend_lower", "trend_upper", "multiplicative_terms", "multiplicative_terms_lower", "multiplicative_terms_upper", "yearly", "yearly_lower", "yearly_upper", "additive_terms", "additive_terms_lower", "additive_terms_upper", "yhat"]);
        lines.Length.ShouldBe(1 + 144 + 12);
        lines[^1].ShouldStartWith("1961-12-01,");
    }

    [Fact]
    public async Task Prophet_mode_takes_holidays_seasonality_and_prior_options_and_prints_to_standard_output()
    {
        var input = _cli.Folder.Combine("citywide.csv");
        File.WriteAllLines(input, ["ds,y", .. File.ReadAllLines(Citywide).Skip(1).TakeLast(200)]);
        var holidays = _cli.Folder.Combine("holidays.csv");
        File.WriteAllLines(holidays, ["holiday,ds,lower_window,upper_window", "memorial_day,2026-05-25,-1,0", "independence_day,2026-07-04,0,1"]);

        var result = await _cli.RunAsync(
            "forecast", "--input", input, "--model", "prophet", "--periods", "14", "--holidays", holidays, "--yearly", "false", "--weekly", "4", "--daily", "auto",
            "--changepoint-prior-scale", "0.1", "--seasonality-prior-scale", "5", "--holidays-prior-scale", "2", "--interval-width", "0.9", "--seed", "3",
            "--uncertainty-samples", "200", "--future-only", "--clamp-at-zero");

        result.ExitCode.ShouldBe(0, result.Error);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        header.ShouldContain("memorial_day");
        header.ShouldContain("independence_day");
        header.ShouldContain("holidays");
        header.ShouldContain("weekly");
        header.ShouldNotContain("yearly");
        lines.Length.ShouldBe(1 + 14);
        lines[1].ShouldStartWith("2026-08-06,");
    }

    [Theory]
    [InlineData("forecast", "--input", "x.csv", "--model", "lightgbm")]
    [InlineData("forecast", "--periods", "5")]
    [InlineData("train", "--param", "lightgbm")]
    [InlineData("train", "--mlflow-uri", "ftp://example")]
    public async Task Arguments_that_do_not_fit_are_usage_errors(params string[] args)
    {
        var result = await _cli.RunAsync(args);

        result.ExitCode.ShouldBe(2);
        result.Error.Trim().Split('\n').ShouldHaveSingleItem().ShouldStartWith("error: ");
    }

    [Fact]
    public async Task A_file_that_is_not_a_series_is_one_line_error()
    {
        var input = _cli.Folder.Combine("bad.csv");
        File.WriteAllLines(input, ["date,value", "2026-01-01,3"]);

        var result = await _cli.RunAsync("forecast", "--input", input, "--model", "prophet");

        result.ExitCode.ShouldBe(1);
        result.Error.Trim().ShouldBe("error: bad.csv, line 1: missing column 'ds'");
    }

    [Fact]
    public async Task Train_then_forecast_on_a_small_lake_write_gold_forecasts_and_register_a_champion()
    {
        WriteGold(days: 100);

        var none = await _cli.RunAsync("forecast");
        none.ExitCode.ShouldBe(1);
        none.Error.ShouldContain("nyc311 train");

        var train = await _cli.RunAsync("train", "--models", "seasonal_naive,moving_average", "--horizon", "7", "--cutoffs", "2", "--tuning-trials", "2", "--param", "moving_average.window=14");
        train.ExitCode.ShouldBe(0, train.Error);
        train.Output.ShouldContain("registered version 1 as champion");
        train.Output.ShouldContain("seasonal_naive");
        Count("SELECT count(*) FROM gold.forecasts").ShouldBe(3 * 7);

        var forecast = await _cli.RunAsync("forecast", "--borough", "BRONX");
        forecast.ExitCode.ShouldBe(0, forecast.Error);
        forecast.Output.ShouldContain("champion version 1");
        Count("SELECT count(*) FROM gold.forecasts").ShouldBe(3 * 7);
        Count("SELECT count(DISTINCT run_id) FROM gold.forecasts").ShouldBe(2);
        Directory.Exists(Path.Combine(_cli.Lake, "_mlruns")).ShouldBeTrue();
        File.Exists(Path.Combine(_cli.Lake, "_registry", "models", "nyc311-daily-requests", "aliases", "champion")).ShouldBeTrue();
    }

    private long Count(string sql)
    {
        using var db = new LakeCatalog(new LakeOptions { Root = _cli.Lake }).OpenQueryConnection(readOnly: true);
        return Convert.ToInt64(db.Scalar(sql), CultureInfo.InvariantCulture);
    }

    /// <summary>gold.daily_counts with three series (two boroughs and their rollup) of <paramref name="days"/> days to 2026-08-05.</summary>
    private void WriteGold(int days)
    {
        using var db = LakeDuckDb.Open();
        var schema = new StructType(
            new StructField("date", DeltaType.Date),
            new StructField("complaint_type", DeltaType.String),
            new StructField("borough", DeltaType.String),
            new StructField("requests", DeltaType.Long));
        DeltaTable.Create(Path.Combine(_cli.Lake, "gold", "daily_counts"), schema, new CreateTableOptions { PartitionColumns = ["date"] }).Append(db, $"""
            WITH days AS (SELECT DATE '2026-08-05' - CAST(i AS INTEGER) AS "date", i FROM range(0, {days}) r(i)),
            boroughs AS (SELECT * FROM (VALUES ('BRONX', 40), ('QUEENS', 70)) b(borough, level)),
            counts AS (
                SELECT "date", 'Noise - Residential' AS complaint_type, borough,
                       CAST(level * (CASE WHEN dayofweek("date") IN (0, 6) THEN 1.5 ELSE 1 END) + (i * 7 % 11) AS BIGINT) AS requests
                FROM days, boroughs)
            SELECT * FROM counts
            UNION ALL SELECT "date", complaint_type, '(all)', sum(requests) FROM counts GROUP BY ALL
            """);
    }
}

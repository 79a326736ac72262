namespace Nyc311.Cli.Tests.Commands;

public sealed class SqlAndSimulateCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Sql_export_renders_the_pipeline_for_spark_with_spark_spellings()
    {
        var result = await _cli.RunAsync("sql", "export", "--dialect", "spark");
        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("silver/01_checked");
        result.Output.ShouldContain("try_to_timestamp");
        result.Output.ShouldContain("gold.daily_counts");
    }

    [Fact]
    public async Task Sql_export_writes_one_file_per_statement()
    {
        var folder = _cli.Folder.Combine("sql");
        var result = await _cli.RunAsync("sql", "export", "--dialect", "duckdb", "--output", folder);
        result.ExitCode.ShouldBe(0, result.Error);
        Directory.GetFiles(folder, "*.sql", SearchOption.AllDirectories).Length.ShouldBeGreaterThan(5);
    }

    [Fact]
    public async Task Simulate_writes_one_file_per_day_in_the_portal_format()
    {
        var folder = _cli.Folder.Combine("sim");
        var result = await _cli.RunAsync("simulate", "--from", "2024-07-03", "--to", "2024-07-04", "--output", folder);

        result.ExitCode.ShouldBe(0, result.Error);
        Directory.GetFiles(folder).Select(Path.GetFileName).Order().ShouldBe(["311_2024-07-03.csv", "311_2024-07-04.csv"]);
        (await File.ReadAllLinesAsync(Path.Combine(folder, "311_2024-07-03.csv"), TestContext.Current.CancellationToken))[0].ShouldStartWith("Unique Key,Created Date,Closed Date,Agency");
    }

    [Fact]
    public async Task Simulate_outside_the_calibrated_range_is_a_clear_error()
    {
        var result = await _cli.RunAsync("simulate", "--from", "2030-01-01", "--to", "2030-01-02", "--output", _cli.Folder.Combine("sim"));
        result.ExitCode.ShouldBe(1);
        result.Error.ShouldStartWith("error: ");
        result.Error.Trim().Split('\n').Length.ShouldBe(1);
    }
}

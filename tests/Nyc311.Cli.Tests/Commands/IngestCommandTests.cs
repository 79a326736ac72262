using Nyc311.Testing.Socrata;

namespace Nyc311.Cli.Tests.Commands;

public sealed class IngestCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task A_file_lands_in_bronze_with_a_summary_and_a_second_time_is_skipped()
    {
        var first = await _cli.RunAsync("ingest", "--file", SocrataSampleData.CsvExportPath);
        first.ExitCode.ShouldBe(0, first.Error);
        first.Output.ShouldContain("924 rows read, 924 landed in 1 batches");

        var again = await _cli.RunAsync("ingest", "--file", SocrataSampleData.CsvExportPath);
        again.Output.ShouldContain("0 rows read, 0 landed");
        again.Output.ShouldContain("0 batches and 1 unchanged files already landed");
    }

    [Fact]
    public async Task A_backfill_reads_the_api_at_the_given_endpoint()
    {
        await using var server = await SocrataTestServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        server.Dataset("erm2-nwe9").Add(new SocrataGeneratedRecords(25) { FirstCreated = new DateTime(2024, 1, 1) }, new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero));

        var result = await _cli.RunAsync("ingest", "--since", "2024-01-01", "--until", "2024-01-01", "--endpoint", server.BaseUrl.ToString());

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("25 rows read, 25 landed");
        result.Output.ShouldContain("watermark 2024-02-01 00:00:00Z");
        server.Requests.ShouldAllBe(r => r.Where!.Contains("created_date", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new[] { "ingest" }, "choose one source")]
    [InlineData(new[] { "ingest", "--incremental", "--file", "x.csv" }, "choose one source")]
    [InlineData(new[] { "ingest", "--since", "2024-13-01", "--until", "2024-01-02" }, "--since")]
    [InlineData(new[] { "ingest", "--since", "2024-01-05", "--until", "2024-01-02" }, "before --since")]
    [InlineData(new[] { "ingest", "--file", "/no/such/file.csv" }, "does not exist")]
    public async Task Bad_arguments_are_one_line_usage_errors(string[] args, string expected)
    {
        var result = await _cli.RunAsync(args);
        result.ExitCode.ShouldBe(2);
        result.Error.Trim().Split('\n').Length.ShouldBe(1);
        result.Error.ShouldContain(expected);
    }

    [Fact]
    public async Task An_api_that_keeps_failing_ends_the_run_with_one_line_naming_dataset_and_status()
    {
        await using var server = await SocrataTestServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        server.Dataset("erm2-nwe9").Add(new SocrataGeneratedRecords(5) { FirstCreated = new DateTime(2024, 1, 1) });
        server.Faults.Enqueue(SocrataFault.ServerError(500), 20);
        var settings = new Dictionary<string, string?> { ["NYC311_Socrata__MaxRetries"] = "1", ["NYC311_Socrata__BaseDelay"] = "00:00:00.001", ["NYC311_Socrata__MaxDelay"] = "00:00:00.002" };

        var result = await _cli.RunAsync(settings, "ingest", "--since", "2024-01-01", "--until", "2024-01-01", "--endpoint", server.BaseUrl.ToString());

        result.ExitCode.ShouldBe(1);
        result.Error.Trim().Split('\n').Length.ShouldBe(1);
        result.Error.ShouldContain("erm2-nwe9");
        result.Error.ShouldContain("500");
    }
}

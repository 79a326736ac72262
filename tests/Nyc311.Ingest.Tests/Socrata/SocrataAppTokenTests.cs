using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nyc311.Ingest.Socrata;
using Nyc311.Ingest.Tests.Support;
using Nyc311.Testing.Socrata;

namespace Nyc311.Ingest.Tests.Socrata;

public sealed class SocrataAppTokenTests
{
    private const string Secret = "tok-7Hq2xZ9secret";
    private static readonly DateOnly Day = new(2024, 1, 1);

    [Fact]
    public async Task The_token_is_sent_as_the_X_App_Token_header_on_every_request()
    {
        await using var harness = await SocrataHarness.StartAsync(new SocrataTestServerOptions { RequiredAppToken = Secret });
        harness.Server.Dataset("erm2-nwe9").Add(new SocrataGeneratedRecords(15));

        var batches = await harness.Client(token: SocrataAppToken.FromValue(Secret)).ReadBackfillAsync(Day, Day.AddDays(1), cancellationToken: TestContext.Current.CancellationToken).ToListAsync();

        batches.Records().Count().ShouldBe(15);
        harness.Server.Requests.Count.ShouldBe(2);
        harness.Server.Requests.ShouldAllBe(r => r.AppToken == Secret && r.StatusCode == 200);
    }

    [Fact]
    public async Task A_refused_token_fails_at_once_with_an_error_that_does_not_show_it()
    {
        await using var harness = await SocrataHarness.StartAsync(new SocrataTestServerOptions { RequiredAppToken = "the-right-one" });
        harness.Server.Dataset("erm2-nwe9");

        var (_, error) = await harness.Client(token: SocrataAppToken.FromValue(Secret)).ReadBackfillAsync(Day, Day.AddDays(1), cancellationToken: TestContext.Current.CancellationToken).UntilFailureAsync();

        var denied = error.ShouldBeOfType<SocrataAccessDeniedException>();
        denied.StatusCode.ShouldBe(403);
        denied.TokenSent.ShouldBeTrue();
        denied.Attempts.ShouldBe(1);
        denied.Message.ShouldContain("NYC311_APP_TOKEN");
        denied.ToString().ShouldNotContain(Secret);
        harness.Server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_missing_token_is_named_in_the_error_when_the_server_wants_one()
    {
        await using var harness = await SocrataHarness.StartAsync(new SocrataTestServerOptions { RequiredAppToken = Secret });
        harness.Server.Dataset("erm2-nwe9");

        var (_, error) = await harness.Client().ReadBackfillAsync(Day, Day.AddDays(1), cancellationToken: TestContext.Current.CancellationToken).UntilFailureAsync();

        error.ShouldBeOfType<SocrataAccessDeniedException>().TokenSent.ShouldBeFalse();
        harness.Server.Requests.ShouldHaveSingleItem().AppToken.ShouldBeNull();
    }

    [Fact]
    public async Task The_token_never_appears_in_logs_or_errors_of_a_client_built_by_dependency_injection()
    {
        await using var server = await SocrataTestServer.StartAsync(new SocrataTestServerOptions { RequiredAppToken = Secret }, TestContext.Current.CancellationToken);
        server.Dataset("erm2-nwe9").Add(new SocrataGeneratedRecords(5));
        server.Faults.Enqueue(SocrataFault.ServerError(503), SocrataFault.TooManyRequests());
        var logs = new RecordingLoggerProvider();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Socrata:BaseUrl"] = server.BaseUrl.ToString(),
            ["Socrata:BaseDelay"] = "00:00:00.001",
            ["Socrata:MaxDelay"] = "00:00:00.005",
            ["Socrata:RequestsPerSecond"] = "1000",
        }).Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs))
            .AddSingleton(SocrataAppToken.FromValue(Secret))
            .AddSocrataClient(configuration);
        await using var provider = services.BuildServiceProvider();

        var batches = await provider.GetRequiredService<SocrataClient>().ReadBackfillAsync(Day, Day.AddDays(1), cancellationToken: TestContext.Current.CancellationToken).ToListAsync();
        server.Faults.Enqueue(SocrataFault.ServerError(500), 6);
        var (_, error) = await provider.GetRequiredService<SocrataClient>().ReadBackfillAsync(Day, Day.AddDays(1), cancellationToken: TestContext.Current.CancellationToken).UntilFailureAsync();

        batches.Records().Count().ShouldBe(5);
        server.Requests.ShouldAllBe(r => r.AppToken == Secret);
        logs.Lines.ShouldContain(l => l.Contains("X-App-Token", StringComparison.OrdinalIgnoreCase));
        logs.Lines.ShouldContain(l => l.Contains("retrying in", StringComparison.Ordinal));
        logs.Lines.ShouldAllBe(l => !l.Contains(Secret, StringComparison.Ordinal));
        error.ShouldBeOfType<SocrataUnavailableException>().ToString().ShouldNotContain(Secret);
    }

    [Fact]
    public void The_token_is_read_from_NYC311_APP_TOKEN_and_never_shown()
    {
        var token = SocrataAppToken.FromEnvironment(name => name == "NYC311_APP_TOKEN" ? Secret : null);

        token.IsPresent.ShouldBeTrue();
        token.ToString().ShouldNotContain(Secret);
        SocrataAppToken.FromEnvironment(_ => "  ").IsPresent.ShouldBeFalse();
        SocrataAppToken.FromEnvironment(_ => null).ShouldSatisfyAllConditions(t => t.IsPresent.ShouldBeFalse(), t => t.ToString().ShouldBe("SocrataAppToken(none)"));
    }
}

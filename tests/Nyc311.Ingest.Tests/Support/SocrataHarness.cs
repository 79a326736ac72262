using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nyc311.Ingest.Socrata;
using Nyc311.Testing.Socrata;

namespace Nyc311.Ingest.Tests.Support;

/// <summary>A loopback Socrata server and a client pointed at it, with test-sized settings: pages of 10, millisecond backoff.</summary>
internal sealed class SocrataHarness : IAsyncDisposable
{
    private readonly HttpClient http = new() { Timeout = Timeout.InfiniteTimeSpan };

    private SocrataHarness(SocrataTestServer server) => Server = server;

    public SocrataTestServer Server { get; }

    public static async Task<SocrataHarness> StartAsync(SocrataTestServerOptions? options = null) =>
        new(await SocrataTestServer.StartAsync(options, TestContext.Current.CancellationToken));

    public SocrataOptions Options(Action<SocrataOptions>? configure = null)
    {
        var options = new SocrataOptions
        {
            BaseUrl = Server.BaseUrl,
            PageSize = 10,
            MaxRetries = 3,
            BaseDelay = TimeSpan.FromMilliseconds(1),
            MaxDelay = TimeSpan.FromMilliseconds(5),
            RequestsPerSecond = 1000,
            // Long, so that a loaded machine never times out a test by accident; timeout tests set their own on a fake clock.
            Timeout = TimeSpan.FromHours(1),
        };
        configure?.Invoke(options);
        return options;
    }

    public SocrataClient Client(
        Action<SocrataOptions>? configure = null,
        SocrataAppToken? token = null,
        TimeProvider? time = null,
        ILogger<SocrataClient>? logger = null) =>
        new(http, Microsoft.Extensions.Options.Options.Create(Options(configure)), token ?? SocrataAppToken.None, time ?? TimeProvider.System, logger ?? NullLogger<SocrataClient>.Instance);

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await Server.DisposeAsync();
    }
}

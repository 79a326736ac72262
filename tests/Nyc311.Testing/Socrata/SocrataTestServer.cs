using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Nyc311.Testing.Socrata;

/// <summary>
/// A Socrata-speaking HTTP server on 127.0.0.1 (Kestrel, a free port) for tests: serves
/// <c>/resource/{dataset}.json</c> with the SoQL subset the ingestion client uses
/// (<c>$select</c>, <c>$where</c>, <c>$order</c>, <c>$limit</c>, <c>$offset</c>) from rows held in
/// memory, streams its answers, checks the app token when asked to, logs every request, and
/// answers with scheduled faults. Start it with <see cref="StartAsync"/>; dispose it to stop.
/// </summary>
public sealed partial class SocrataTestServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, SocrataTestDataset> datasets = new(StringComparer.Ordinal);
    private readonly Lock requestsGate = new();
    private readonly List<SocrataRequest> requests = [];
    private int requestCount;

    private SocrataTestServer(WebApplication app, SocrataTestServerOptions options)
    {
        this.app = app;
        Options = options;
    }

    /// <summary>The root URL (<c>http://127.0.0.1:port/</c>), to use as the client's base URL.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The settings the server was started with.</summary>
    public SocrataTestServerOptions Options { get; }

    /// <summary>Faults to serve to coming requests.</summary>
    public SocrataFaultSchedule Faults { get; } = new();

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<SocrataRequest> Requests
    {
        get
        {
            lock (requestsGate)
            {
                return [.. requests];
            }
        }
    }

    /// <summary>Starts a server on a free port of 127.0.0.1.</summary>
    public static async Task<SocrataTestServer> StartAsync(SocrataTestServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Testing",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        var app = builder.Build();

        var server = new SocrataTestServer(app, options ?? new SocrataTestServerOptions());
        app.MapGet("/resource/{file}", (RequestDelegate)server.HandleAsync);
        await app.StartAsync(cancellationToken);
        server.BaseUrl = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return server;
    }

    /// <summary>The dataset with this id, created empty on first use.</summary>
    public SocrataTestDataset Dataset(string id) =>
        datasets.GetOrAdd(id, static (key, clock) => new SocrataTestDataset(key, clock), Options.Clock);

    /// <summary>Stops the server; requests still waiting on a slow fault are cut off.</summary>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

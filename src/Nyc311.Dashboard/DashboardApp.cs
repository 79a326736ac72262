using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Nyc311.Anomalies.Incidents;
using Nyc311.Dashboard.Components;
using Nyc311.Dashboard.Data;
using Nyc311.Lake.Catalog;

namespace Nyc311.Dashboard;

/// <summary>
/// The dashboard as a web application: Blazor pages rendered interactively on the server, reading the lake
/// at <see cref="DashboardOptions.LakeRoot"/> and listening on 127.0.0.1 only.
/// </summary>
public static class DashboardApp
{
    /// <summary>
    /// Builds the application (not started): <c>await app.RunAsync()</c> serves until stopped, or
    /// <c>await app.StartAsync()</c> then <see cref="ListeningUri(WebApplication)"/> for the address when <see cref="DashboardOptions.Port"/> is 0.
    /// </summary>
    public static WebApplication Build(DashboardOptions options, string[]? args = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
            ApplicationName = typeof(DashboardApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = options.EnvironmentName,
        });

        // Static assets (the app's, Blazor's script, plotly.js) come from the build's manifest wherever the host
        // process is (the dashboard itself, the CLI, a test), in any environment; nothing is fetched from a CDN.
        builder.WebHost.UseStaticWebAssets();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        builder.Logging.ClearProviders();
        if (options.ConsoleLogging)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        }

        // Circuits live in this process only; keys need not outlive it.
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        AddDashboard(builder.Services, options);
        builder.Services.AddSingleton<PageWarmer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PageWarmer>());

        var app = builder.Build();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseAntiforgery();
        app.MapStaticAssets();
        // Ready once the data caches are warm and every page has been rendered once.
        app.MapGet("/healthz", async (LakeWatcher watcher, PageWarmer pages) =>
        {
            await watcher.Warm;
            await pages.Warm;
            return Results.Json(new { ready = true, checkedAt = watcher.CheckedAt, versions = watcher.Versions });
        });
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>The address a started application listens on (<c>http://127.0.0.1:PORT/</c>).</summary>
    public static Uri ListeningUri(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return ListeningUri(app.Services.GetRequiredService<IServer>())
            ?? throw new InvalidOperationException("the dashboard is not listening yet: start it first");
    }

    /// <summary>The address <paramref name="server"/> listens on (<c>http://127.0.0.1:PORT/</c>), or null before it listens.</summary>
    internal static Uri? ListeningUri(IServer server) =>
        server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() is { } address
            ? new Uri(address.EndsWith('/') ? address : address + "/")
            : null;

    /// <summary>Registers the dashboard's services: the lake, the in-memory copies, the caches and the watcher.</summary>
    internal static void AddDashboard(IServiceCollection services, DashboardOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(options.Time);
        services.AddSingleton(new LakeCatalog(options.EffectiveLake(), options.Time));
        services.AddSingleton<LakeState>();
        services.AddSingleton<TableMirror>();
        services.AddSingleton<QueryCache>();
        services.AddSingleton(sp => new IncidentStore(sp.GetRequiredService<LakeCatalog>(), options.Time));
        services.AddSingleton(sp => new ModelRegistryReader(sp.GetRequiredService<LakeCatalog>().Root));
        services.AddSingleton<DashboardData>();
        services.AddSingleton<LakeWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<LakeWatcher>());
    }
}

using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using Nyc311.Dashboard.Tests.Fixtures;

namespace Nyc311.Dashboard.Tests.EndToEnd;

/// <summary>The dashboard on 127.0.0.1 (a free port) over the test lake, and a headless chromium to look at it.</summary>
public sealed class DashboardSite(DashboardLake lake) : IAsyncLifetime
{
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public DashboardLake Lake => lake;

    public Uri BaseUri { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>Where screenshots and the first-render figures go: <c>screenshots/</c> beside the test assembly.</summary>
    public static string OutputFolder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async ValueTask InitializeAsync()
    {
        _app = DashboardApp.Build(new DashboardOptions { LakeRoot = lake.Root, Port = 0, ConsoleLogging = false, Actor = "e2e-test" });
        await _app.StartAsync();
        BaseUri = DashboardApp.ListeningUri(_app);
        using var http = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromMinutes(2) };
        (await http.GetFromJsonAsync<Health>("healthz"))!.Ready.ShouldBeTrue();
        (_playwright, Browser) = await Chromium.LaunchAsync();
    }

    /// <summary>A fresh page (own context) that records console errors, page errors and every URL it requests.</summary>
    public async Task<WatchedPage> OpenAsync(int width = 1440, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, BaseURL = BaseUri.ToString() });

        // Generous limits: the machine's two cores are shared with builds and other test runs.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return new WatchedPage(context, await context.NewPageAsync());
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private sealed record Health(bool Ready);
}

/// <summary>A browser page with what it logged and fetched.</summary>
public sealed class WatchedPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    internal WatchedPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Errors.Add($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => Errors.Add($"page error: {error}");
        page.RequestFailed += (_, request) => Errors.Add($"request failed: {request.Url} {request.Failure}");
        page.Request += (_, request) => Requests.Add(request.Url);
    }

    public IPage Page { get; }

    public List<string> Errors { get; } = [];

    public List<string> Requests { get; } = [];

    /// <summary>Goes to <paramref name="path"/> and waits until the page says its data is shown and its charts are drawn.</summary>
    public async Task<TimeSpan> OpenAsync(string path, string page)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Page.GotoAsync(path);
        await ReadyAsync(page);
        return watch.Elapsed;
    }

    /// <summary>Waits for the page's data and for every chart on it to be drawn.</summary>
    public async Task ReadyAsync(string page)
    {
        await Page.WaitForSelectorAsync($"[data-page='{page}'][data-loaded='true']", new PageWaitForSelectorOptions { Timeout = 90_000 });
        await Page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('[data-chart]')].every(c => c.querySelector('.main-svg'))",
            null,
            new PageWaitForFunctionOptions { Timeout = 90_000 });
    }

    /// <summary>
    /// Waits until the address holds <paramref name="text"/>. Blazor moves within the page with history.pushState,
    /// so this polls the address rather than waiting for a navigation to load.
    /// </summary>
    public async Task AddressContainsAsync(string text) =>
        await Page.WaitForFunctionAsync("text => location.href.includes(text)", text, new PageWaitForFunctionOptions { Timeout = 30_000 });

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}

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
        await context.AddInitScriptAsync(WatchedPage.FirstRenderScript);
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
            else if (message.Type == "warning")
            {
                Warnings.Add($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => Errors.Add($"page error: {error}");
        page.RequestFailed += (_, request) => Errors.Add($"request failed: {request.Url} {request.Failure}");
        page.Request += (_, request) => Requests.Add(request.Url);
    }

    public IPage Page { get; }

    public List<string> Errors { get; } = [];

    public List<string> Warnings { get; } = [];

    public List<string> Requests { get; } = [];

    /// <summary>
    /// Runs in every document before the app's scripts: notes, in the page's own clock, when a person would first see the
    /// page's data (its footer is there and it no longer says it is loading), every chart drawn (its sketch or the
    /// interactive chart), every chart drawn by plotly.js (hover and zoom work), and the circuit in charge (clicks work).
    /// Each is noted once the frame that shows it has been painted (an animation frame, then a task), not when it reaches
    /// the DOM. Times count from the navigation's start, or after <c>expect(page)</c> from the next click.
    /// </summary>
    internal const string FirstRenderScript = """
        (() => {
            const marks = {}, pending = new Set();
            let start = 0, expected = null, armed = false, generation = 0, fresh = true;
            const painted = key => {
                if (key in marks || pending.has(key)) return;
                pending.add(key);
                const seen = generation;
                requestAnimationFrame(() => setTimeout(() => {
                    if (seen === generation) { marks[key] ??= performance.now() - start; pending.delete(key); }
                }, 0));
            };
            const check = () => {
                if (armed) return;
                const page = document.querySelector(expected ? `[data-page='${expected}'][data-loaded='true']` : "[data-page][data-loaded='true']");
                if (page && page.querySelector('.page-foot')) {
                    painted('content');
                    const charts = [...page.querySelectorAll('[data-chart]')];
                    if (charts.every(c => c.querySelector('.main-svg') || c.querySelector('.sketch svg')?.getBoundingClientRect().height > 0)) painted('charts');
                    if (charts.every(c => c.querySelector('.main-svg'))) painted('plotly');
                }
                if (document.querySelector("[data-interactive='true']")) painted('interactive');
            };
            window.addEventListener('click', () => { if (armed) { armed = false; start = performance.now(); check(); } }, true);
            window.__firstRender = {
                expect(page) { expected = page; armed = true; fresh = false; generation++; pending.clear(); for (const k of Object.keys(marks)) delete marks[k]; },
                // Waits (10 s at most) for all four: a chart redrawn just as the page got ready is noted once drawn again.
                marks: () => new Promise(resolve => {
                    const until = performance.now() + 10000;
                    const wait = () => { check(); ['content', 'charts', 'plotly', 'interactive', ...(fresh ? ['paint'] : [])].every(k => k in marks) || performance.now() > until ? resolve(marks) : setTimeout(wait, 5); };
                    wait();
                }),
            };
            new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
            // The browser's own first contentful paint of a fresh load: when its first frame was on screen, which on a big
            // page can be well after the frame's animation callback (rasterizing takes the time).
            new PerformanceObserver(list => {
                for (const e of list.getEntries()) if (e.name === 'first-contentful-paint' && fresh) marks.paint ??= e.startTime;
            }).observe({ type: 'paint', buffered: true });
        })();
        """;

    /// <summary>Goes to <paramref name="path"/> (a fresh load) and waits until the page is ready; returns what the page noted of it.</summary>
    public async Task<FirstRender> OpenAsync(string path, string page)
    {
        // Only until the response starts: the page's own clock says when what appeared.
        await Page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await ReadyAsync(page);
        return await FirstRenderAsync();
    }

    /// <summary>Clicks the menu's link to <paramref name="path"/> and waits until the page is ready; times count from the click.</summary>
    public async Task<FirstRender> FollowMenuAsync(string path, string page)
    {
        await Page.EvaluateAsync("page => window.__firstRender.expect(page)", page);
        await Page.ClickAsync($"nav.nav a[href='{path}']");
        await ReadyAsync(page);
        return await FirstRenderAsync();
    }

    /// <summary>Waits for the page's data, for every chart on it to be drawn, and for the circuit to be in charge.</summary>
    public async Task ReadyAsync(string page)
    {
        await Page.WaitForSelectorAsync($"[data-page='{page}'][data-loaded='true']", new PageWaitForSelectorOptions { Timeout = 90_000 });
        await Page.WaitForFunctionAsync(
            "() => document.querySelector(\"[data-interactive='true']\") && [...document.querySelectorAll('[data-chart]')].every(c => c.querySelector('.main-svg'))",
            null,
            new PageWaitForFunctionOptions { Timeout = 90_000 });
    }

    private async Task<FirstRender> FirstRenderAsync()
    {
        var marks = await Page.EvaluateAsync<Dictionary<string, double>>("() => window.__firstRender.marks()");
        return new FirstRender(
            marks.GetValueOrDefault("content", double.NaN),
            marks.GetValueOrDefault("charts", double.NaN),
            marks.GetValueOrDefault("plotly", double.NaN),
            marks.GetValueOrDefault("interactive", double.NaN),
            marks.GetValueOrDefault("paint", double.NaN));
    }

    /// <summary>
    /// Waits until the address holds <paramref name="text"/>. Blazor moves within the page with history.pushState,
    /// so this polls the address rather than waiting for a navigation to load.
    /// </summary>
    public async Task AddressContainsAsync(string text) =>
        await Page.WaitForFunctionAsync("text => location.href.includes(text)", text, new PageWaitForFunctionOptions { Timeout = 30_000 });

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}

/// <summary>
/// When a page showed its data, had every chart drawn (sketched or interactive), had every chart drawn by plotly.js, and
/// became interactive, and (fresh loads only, else NaN) when the browser put its first frame on screen, in ms (from the
/// navigation or the click).
/// </summary>
public sealed record FirstRender(double Content, double Charts, double InteractiveCharts, double Interactive, double FirstPaint)
{
    /// <summary>When the person sees it all: data and charts, and no earlier than the first frame reached the screen.</summary>
    public double Shown => double.IsNaN(FirstPaint) ? Math.Max(Content, Charts) : Math.Max(Math.Max(Content, Charts), FirstPaint);
}

using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using Nyc311.Anomalies.Incidents;
using Nyc311.Dashboard.Tests.Fixtures;

namespace Nyc311.Dashboard.Tests.EndToEnd;

/// <summary>The dashboard in real chromium over a lake made by a small pipeline run.</summary>
[Collection(InChromium.Name)]
public sealed class DashboardPagesTests(DashboardSite site, ITestOutputHelper output) : IClassFixture<DashboardSite>
{
    private static readonly (string Path, string Page)[] Pages =
    [
        ("", "overview"), ("trends", "trends"), ("incidents", "incidents"), ("boroughs", "boroughs"), ("response-times", "response-times"), ("health", "health"),
    ];

    private static readonly string TwoYears = $"from={DashboardLake.HistoryStart:yyyy-MM-dd}";

    // The heaviest view: the trends of all five boroughs over the whole two years of gold.
    private static readonly string TwoYearsOfEveryBorough = $"trends?{TwoYears}&borough=MANHATTAN&borough=BRONX&borough=BROOKLYN&borough=QUEENS&borough=STATEN%20ISLAND";

    private string IncidentPath => $"incidents/{Uri.EscapeDataString(site.Lake.Incidents.CitywideSpike.IncidentId)}";

    [Fact]
    public async Task Every_page_loads_without_console_errors_fetches_nothing_off_the_machine_and_is_photographed()
    {
        await using var browser = await site.OpenAsync();
        var figures = new StringBuilder(
            "First render of each page over two years of gold (ms from the navigation's start until painted: the page's data, every chart as its sketch\n"
            + "or drawn by plotly.js; then every chart interactive, drawn by plotly.js, and the circuit in charge).\n"
            + "A browser that has never opened the dashboard, fresh loads in one tab (the first page also downloads and compiles plotly.js, 1.1 MB):\n");
        var pages = Pages.Select(p => (p.Path, p.Page, Label: p.Page))
            .Append((IncidentPath, "incident", "incident"))
            .Append((TwoYearsOfEveryBorough, "trends", "trends, 2 years, 5 boroughs"))
            .Append(($"boroughs?{TwoYears}", "boroughs", "boroughs, 2 years"));
        foreach (var (path, page, label) in pages)
        {
            var shown = await browser.OpenAsync(path, page);
            var serverLoad = await browser.Page.Locator(".page-foot").First.InnerTextAsync();
            figures.AppendLine(CultureInfo.InvariantCulture, $"  {label,-28} shown {shown.Shown,5:0} (first paint {shown.FirstPaint,5:0}, data {shown.Content,5:0}, charts {shown.Charts,5:0}), interactive charts {shown.InteractiveCharts,5:0}, circuit {shown.Interactive,5:0} ms; server: {serverLoad.Split('·')[0].Trim()}");
            await browser.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DashboardSite.OutputFolder, $"{label.Replace(", ", "-", StringComparison.Ordinal).Replace(' ', '-')}.png"), FullPage = true });
            (await browser.Page.Locator(".notice.bad").CountAsync()).ShouldBe(0, $"{page} shows an error");

            // plotly.js is loaded once, by the page's head, whatever the page draws.
            (await browser.Page.Locator("script[src*='_content/Plotly.Blazor/plotly']").CountAsync()).ShouldBe(1, $"{page} loads plotly.js more than once");
        }

        // A person keeps the dashboard open and moves between pages from the menu: one circuit, plotly.js loaded once.
        await browser.OpenAsync("", "overview");
        figures.AppendLine("Moving between pages from the menu (same connection, plotly.js loaded; ms from the click: data shown, every chart drawn):");
        foreach (var (path, page) in Pages.Skip(1).Append(Pages[0]))
        {
            var shown = await browser.FollowMenuAsync(path, page);
            var serverLoad = await browser.Page.Locator(".page-foot").First.InnerTextAsync();
            figures.AppendLine(CultureInfo.InvariantCulture, $"  {page,-28} shown {shown.Shown,5:0} (data {shown.Content,5:0}, charts {shown.Charts,5:0}), interactive charts {shown.InteractiveCharts,5:0} ms; server: {serverLoad.Split('·')[0].Trim()}");
        }

        Report(figures.ToString());
        browser.Errors.ShouldBeEmpty();
        browser.Warnings.ShouldBeEmpty();
        browser.Requests.Select(u => new Uri(u)).Where(u => u.Scheme is "http" or "https").ShouldAllBe(u => u.Host == "127.0.0.1");
        browser.Requests.ShouldContain(u => u.Contains("_content/Plotly.Blazor/plotly", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Charts_are_drawn_from_the_page_itself_and_kept_when_the_circuit_takes_over()
    {
        // Without the circuit (its script never arrives) the prerendered page still draws every chart.
        await using (var offline = await site.OpenAsync())
        {
            await offline.Page.RouteAsync("**/_framework/blazor.web*.js", route => route.AbortAsync());
            await offline.Page.GotoAsync("trends");
            await offline.Page.WaitForFunctionAsync("() => [...document.querySelectorAll('[data-chart]')].every(c => c.querySelector('.main-svg'))");
            (await offline.Page.Locator("[data-chart]").CountAsync()).ShouldBe(2);
            (await offline.Page.Locator("[data-interactive='true']").CountAsync()).ShouldBe(0);
            (await ChartValuesAsync(offline.Page, "trends-daily")).ShouldContain("citywide");
        }

        // With it, the charts drawn before the circuit are the ones still on the page once it is in charge: taken over, not drawn again.
        await using var browser = await site.OpenAsync();
        await browser.Page.AddInitScriptAsync("""
            new MutationObserver(() => window.__firstGraph ??= document.querySelector("[data-chart='trends-daily'] .js-plotly-plot"))
                .observe(document, { subtree: true, childList: true });
            """);
        await browser.OpenAsync("trends", "trends");
        (await browser.Page.EvaluateAsync<bool>("() => window.__firstGraph != null && window.__firstGraph === document.querySelector(\"[data-chart='trends-daily'] .js-plotly-plot\")"))
            .ShouldBeTrue("the chart drawn from the prerendered page was replaced when the circuit took over");
        (await browser.Page.Locator(".js-plotly-plot").CountAsync()).ShouldBe(2);
        browser.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_server_warms_every_style_and_script_a_page_fetches_and_each_is_served()
    {
        using var http = new HttpClient { BaseAddress = site.BaseUri };
        var assets = PageWarmer.AssetsOf(await http.GetStringAsync("trends", TestContext.Current.CancellationToken)).ToList();

        assets.ShouldContain(a => a.StartsWith("app.", StringComparison.Ordinal) && a.EndsWith(".css", StringComparison.Ordinal));
        assets.ShouldContain(a => a.StartsWith("charts.", StringComparison.Ordinal));
        assets.ShouldContain(a => a.StartsWith("_content/Plotly.Blazor/plotly-basic", StringComparison.Ordinal));
        assets.ShouldContain(a => a.StartsWith("_framework/blazor.web", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            using var response = await http.GetAsync(asset, TestContext.Current.CancellationToken);
            response.IsSuccessStatusCode.ShouldBeTrue(asset);
        }
    }

    [Fact]
    public async Task Every_chart_is_sketched_in_the_first_paint_and_the_interactive_chart_takes_its_place()
    {
        // Without plotly.js (its script never arrives) every chart still shows its sketch: marks, ticks and legend.
        await using (var offline = await site.OpenAsync())
        {
            await offline.Page.RouteAsync("**/_content/Plotly.Blazor/plotly*", route => route.AbortAsync());
            foreach (var (path, page) in Pages.Append((IncidentPath, "incident")))
            {
                await offline.Page.GotoAsync(path);
                await offline.Page.WaitForSelectorAsync($"[data-page='{page}'][data-loaded='true']");
                var sketches = await offline.Page.EvaluateAsync<SketchSeen[]>("""
                    () => [...document.querySelectorAll('[data-chart]')].map(c => ({
                        chart: c.dataset.chart,
                        visible: (c.querySelector('.sketch svg')?.getBoundingClientRect().height ?? 0) > 50,
                        marks: c.querySelectorAll('.sketch path').length,
                        ticks: c.querySelectorAll('.sketch .x-tick, .sketch .y-tick').length,
                        legend: [...c.querySelectorAll('.sketch-legend span')].map(li => li.textContent.trim()),
                    }))
                    """);
                foreach (var sketch in sketches)
                {
                    sketch.Visible.ShouldBeTrue($"{sketch.Chart} on {page} shows no sketch");
                    sketch.Marks.ShouldBeGreaterThan(1, $"{sketch.Chart} on {page} sketches nothing but its grid");
                    sketch.Ticks.ShouldBeGreaterThan(3, $"{sketch.Chart} on {page} has no axis labels");
                }

                await offline.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DashboardSite.OutputFolder, $"sketch-{page}.png"), FullPage = true });
                if (page == "trends")
                {
                    sketches.Single(s => s.Chart == "trends-daily").Legend.ShouldContain("All requests citywide");
                }
            }

            (await offline.Page.Locator(".js-plotly-plot .main-svg").CountAsync()).ShouldBe(0);
        }

        // With it, each sketch gives way to its interactive chart, which lists the same legend in the same order.
        await using var browser = await site.OpenAsync();
        var unlike = new List<string>();
        var views = Pages
            .Append((IncidentPath, "incident"))
            .Append((TwoYearsOfEveryBorough, "trends"))
            .Append(("trends?wall=1", "trends"))
            .Append(("response-times?wall=1", "response-times"));
        foreach (var (path, page) in views)
        {
            await browser.OpenAsync(path, page);
            var differences = await browser.Page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('[data-chart]')].flatMap(c => {
                    const sketch = c.querySelector('.sketch');
                    if (sketch && getComputedStyle(sketch).display !== 'none') return [`${c.dataset.chart}: sketch still shown`];
                    const drawn = [...c.querySelectorAll('.legend .traces .legendtext')].map(t => t.textContent);
                    const sketched = [...c.querySelectorAll('.sketch-legend span')].map(t => t.textContent.trim());
                    const differences = JSON.stringify(drawn) === JSON.stringify(sketched) ? [] : [`${c.dataset.chart}: legend ${JSON.stringify(drawn)}, sketched as ${JSON.stringify(sketched)}`];

                    // The plot area, shown for a moment, against where plotly.js drew its axes' box (its drag surface). Only on
                    // desk pages: on a wall the legend's rows grow with the type a little differently from plotly.js's.
                    if (document.querySelector('.shell.wall')) return differences;
                    sketch.style.display = 'flex';
                    const area = c.querySelector('.sketch-plot').getBoundingClientRect();
                    sketch.style.display = '';
                    const plot = c.querySelector('.nsewdrag').getBoundingClientRect();
                    const off = Math.max(...['left', 'top', 'right', 'bottom'].map(side => Math.abs(area[side] - plot[side])));
                    if (off > 4) differences.push(`${c.dataset.chart}: plot area ${JSON.stringify(plot)}, sketched at ${JSON.stringify(area)}`);
                    return differences;
                })
                """);
            unlike.AddRange(differences.Select(d => $"{path}: {d}"));
        }

        unlike.ShouldBeEmpty();

        browser.Errors.ShouldBeEmpty();
        browser.Warnings.ShouldBeEmpty();
    }

    // Filled by Playwright from the page's answer, which needs a parameterless constructor.
    private sealed class SketchSeen
    {
        public string Chart { get; set; } = "";

        public bool Visible { get; set; }

        public int Marks { get; set; }

        public int Ticks { get; set; }

        public string[] Legend { get; set; } = [];
    }

    [Theory]
    [InlineData("laptop", 1366, 768, "")]
    [InlineData("wall", 3840, 2160, "?wall=1")]
    public async Task The_layout_fits_a_laptop_screen_and_a_wall_display(string screen, int width, int height, string query)
    {
        await using var browser = await site.OpenAsync(width, height);
        foreach (var (path, page) in Pages)
        {
            await browser.OpenAsync(path + query, page);
            var overflow = await browser.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            overflow.ShouldBeLessThanOrEqualTo(0, $"{page} scrolls sideways on a {screen} screen ({width}x{height})");
            var spilled = await browser.Page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('nyc-plot')].filter(p => p.querySelector('.js-plotly-plot').getBoundingClientRect().height > p.getBoundingClientRect().height + 1).map(p => p.parentElement.dataset.chart)");
            spilled.ShouldBeEmpty($"charts taller than the space kept for them on {page} ({screen})");
            await browser.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DashboardSite.OutputFolder, $"{screen}-{page}.png") });
        }

        // Chart text grows with the wall's type (the figures are laid out for a desk page's 12 px).
        await browser.OpenAsync("trends" + query, "trends");
        var tickSize = await browser.Page.EvaluateAsync<double>("() => parseFloat(document.querySelector(\"[data-chart='trends-daily'] .xtick text\").style.fontSize)");
        if (screen == "wall")
        {
            tickSize.ShouldBeGreaterThan(16);
        }
        else
        {
            tickSize.ShouldBe(12);
        }

        await browser.OpenAsync(query, "overview");
        var shell = browser.Page.Locator(".shell");
        (await shell.GetAttributeAsync("class"))!.Contains("wall", StringComparison.Ordinal).ShouldBe(screen == "wall");
        (await browser.Page.Locator("[data-filters]").IsVisibleAsync()).ShouldBe(screen != "wall");
        browser.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Choosing_a_borough_redraws_the_trend_chart_and_stays_in_the_address()
    {
        await using var browser = await site.OpenAsync();
        await browser.OpenAsync("trends", "trends");
        var citywide = await ChartValuesAsync(browser.Page, "trends-daily");

        await browser.Page.ClickAsync("[data-borough='BROOKLYN']");
        await browser.AddressContainsAsync("borough=BROOKLYN");
        await browser.ReadyAsync("trends");
        await browser.Page.WaitForFunctionAsync("([name, before]) => JSON.stringify(document.querySelector(`[data-chart='${name}'] .js-plotly-plot`).data.map(t => [t.name, t.y])) !== before", new object[] { "trends-daily", citywide });
        var brooklyn = await ChartValuesAsync(browser.Page, "trends-daily");
        brooklyn.ShouldNotBe(citywide);
        brooklyn.ShouldContain("Brooklyn");

        await browser.Page.ClickAsync("[data-preset='4 weeks']");
        await browser.AddressContainsAsync("from=2026-07-07");
        await browser.ReadyAsync("trends");
        var shared = browser.Page.Url;

        // The address alone reproduces the view.
        await using var other = await site.OpenAsync();
        await other.OpenAsync(shared, "trends");
        (await ChartValuesAsync(other.Page, "trends-daily")).ShouldBe(await ChartValuesAsync(browser.Page, "trends-daily"));
        (await other.Page.InputValueAsync("[data-filter='from']")).ShouldBe("2026-07-07");
        browser.Errors.Concat(other.Errors).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_incident_dismissed_as_a_false_positive_stays_dismissed_after_a_reload()
    {
        var incident = site.Lake.Incidents.Drop;
        await using var browser = await site.OpenAsync();
        var path = $"incidents/{Uri.EscapeDataString(incident.IncidentId)}";
        await browser.OpenAsync(path, "incident");
        (await browser.Page.Locator("[data-section='facts'] [data-status]").GetAttributeAsync("data-status")).ShouldBe("open");

        await browser.Page.FillAsync("[data-action='note']", "intake outage in Queens, not a real drop");
        await browser.Page.ClickAsync("[data-action='dismiss']");
        await browser.Page.WaitForSelectorAsync("[data-section='facts'] [data-status='false_positive']");

        await browser.Page.ReloadAsync();
        await browser.ReadyAsync("incident");
        (await browser.Page.Locator("[data-section='facts'] [data-status]").GetAttributeAsync("data-status")).ShouldBe("false_positive");
        (await browser.Page.Locator("[data-table='feedback']").InnerTextAsync()).ShouldContain("intake outage in Queens");

        var stored = new IncidentStore(site.Lake.Catalog, TimeProvider.System);
        stored.Find(incident.IncidentId)!.Status.ShouldBe(IncidentStatus.FalsePositive);
        stored.Feedback().ShouldContain(f => f.IncidentId == incident.IncidentId && f.Label == IncidentLabel.FalsePositive && f.Actor == "e2e-test");

        await browser.OpenAsync("incidents?status=false_positive&from=2026-07-01", "incidents");
        (await browser.Page.Locator($"[data-incident='{incident.IncidentId}']").CountAsync()).ShouldBe(1);
        browser.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_incident_leads_to_its_silver_rows_their_bronze_batch_and_a_raw_record()
    {
        var incident = site.Lake.Incidents.BoroughSpike;
        await using var browser = await site.OpenAsync();
        await browser.OpenAsync($"incidents/{Uri.EscapeDataString(incident.IncidentId)}", "incident");
        var rows = browser.Page.Locator("[data-lineage-rows]");
        await rows.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        long.Parse((await rows.GetAttributeAsync("data-lineage-rows"))!, CultureInfo.InvariantCulture).ShouldBe((long)incident.Observed);
        (await browser.Page.Locator("[data-table='batches'] tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        (await browser.Page.Locator("[data-table='batches']").InnerTextAsync()).ShouldContain("csv");

        var first = browser.Page.Locator("[data-table='silver-rows'] tbody tr.clickable").First;
        var key = await first.GetAttributeAsync("data-row");
        await first.ClickAsync();
        var record = browser.Page.Locator($"[data-bronze-record='{key}']");
        await record.WaitForAsync();
        var text = await record.InnerTextAsync();
        text.ShouldContain(key!);
        text.ShouldContain("_batch_id");
        await browser.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DashboardSite.OutputFolder, "incident-lineage.png"), FullPage = true });
        browser.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_borough_map_is_coloured_by_volume_or_by_excess()
    {
        await using var browser = await site.OpenAsync();
        await browser.OpenAsync("boroughs", "boroughs");
        (await browser.Page.Locator("[data-map='volume'] path[data-borough]").CountAsync()).ShouldBe(5);
        var volume = await browser.Page.Locator("path[data-borough='BROOKLYN']").GetAttributeAsync("fill");

        await browser.Page.ClickAsync("[data-color='excess']");
        await browser.Page.WaitForSelectorAsync("[data-map='excess']");
        await browser.ReadyAsync("boroughs");
        (await browser.Page.Locator("path[data-borough='BROOKLYN']").GetAttributeAsync("fill")).ShouldNotBe(volume);
        await browser.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DashboardSite.OutputFolder, "boroughs-excess.png"), FullPage = true });
        browser.Errors.ShouldBeEmpty();
    }

    private static async Task<string> ChartValuesAsync(IPage page, string chart) =>
        await page.EvaluateAsync<string>($"() => JSON.stringify(document.querySelector(\"[data-chart='{chart}'] .js-plotly-plot\").data.map(t => [t.name, t.y]))");

    private void Report(string text)
    {
        output.WriteLine(text);
        TestContext.Current.SendDiagnosticMessage(text);
        File.WriteAllText(Path.Combine(DashboardSite.OutputFolder, "first-render.txt"), text + $"\nlake build: {string.Join(", ", site.Lake.Timings.Select(t => $"{t.Step} {t.Elapsed.TotalSeconds:0.0} s"))}\n");
    }
}

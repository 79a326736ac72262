using Microsoft.AspNetCore.Hosting.Server;
using Nyc311.Dashboard.Components.Layout;
using Nyc311.Dashboard.Data;

namespace Nyc311.Dashboard;

/// <summary>
/// Renders every page of the menu once, over loopback, as soon as the server listens and the watcher has warmed the
/// data caches, and fetches the styles and scripts the pages use. The first request for a page otherwise pays for
/// compiling the whole rendering path (near a second here), and the first static file about 200 ms; after this, the
/// first person to open the dashboard gets it as fast as everyone after.
/// </summary>
internal sealed partial class PageWarmer(IServer server, IHostApplicationLifetime lifetime, LakeWatcher watcher, ILogger<PageWarmer> logger) : BackgroundService
{
    private readonly TaskCompletionSource _warm = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when every page has been rendered once (or failed to be: the page then says why itself).</summary>
    public Task Warm => _warm.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            {
                await started.Task.WaitAsync(stoppingToken);
            }

            await watcher.Warm.WaitAsync(stoppingToken);
            if (DashboardApp.ListeningUri(server) is not { } address)
            {
                return;
            }

            // Asking for compressed answers, as browsers do, warms the compressed assets they are served.
            using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.All }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
            var assets = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (path, _) in DashboardPages.Menu)
            {
                using var response = await http.GetAsync(path, stoppingToken);
                if (!response.IsSuccessStatusCode)
                {
                    logger.LogWarning("warming page /{Path}: HTTP {Status}", path, (int)response.StatusCode);
                    continue;
                }

                assets.UnionWith(AssetsOf(await response.Content.ReadAsStringAsync(stoppingToken)));
            }

            foreach (var asset in assets)
            {
                using var response = await http.GetAsync(asset, stoppingToken);
                await response.Content.CopyToAsync(Stream.Null, stoppingToken);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
        {
            // Only a head start is lost: the page is compiled on its first real request instead.
            logger.LogWarning(e, "warming the pages failed");
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped before it finished.
        }
        finally
        {
            _warm.TrySetResult();
        }
    }

    /// <summary>
    /// What a page fetches from the dashboard itself: styles, scripts (also plotly.js, by its data-plotly address) and
    /// icons, as the relative paths App.razor writes.
    /// </summary>
    internal static IEnumerable<string> AssetsOf(string page) => LocalAsset().Matches(page).Select(m => m.Groups["path"].Value).Distinct(StringComparer.Ordinal);

    [System.Text.RegularExpressions.GeneratedRegex(@"(?:href|src|data-plotly)=""(?<path>[^"":]+\.(?:css|js|svg))""")]
    private static partial System.Text.RegularExpressions.Regex LocalAsset();
}

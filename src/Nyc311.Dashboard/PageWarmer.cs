using Microsoft.AspNetCore.Hosting.Server;
using Nyc311.Dashboard.Components.Layout;
using Nyc311.Dashboard.Data;

namespace Nyc311.Dashboard;

/// <summary>
/// Renders every page of the menu once, over loopback, as soon as the server listens and the watcher has warmed the
/// data caches. The first request for a page otherwise pays for compiling the whole rendering path (near a second
/// here); after this, the first person to open the dashboard gets it as fast as everyone after.
/// </summary>
internal sealed class PageWarmer(IServer server, IHostApplicationLifetime lifetime, LakeWatcher watcher, ILogger<PageWarmer> logger) : BackgroundService
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

            using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
            foreach (var (path, _) in DashboardPages.Menu)
            {
                using var response = await http.GetAsync(path, stoppingToken);
                if (!response.IsSuccessStatusCode)
                {
                    logger.LogWarning("warming page /{Path}: HTTP {Status}", path, (int)response.StatusCode);
                }
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
}

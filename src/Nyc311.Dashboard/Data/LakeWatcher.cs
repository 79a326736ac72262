namespace Nyc311.Dashboard.Data;

/// <summary>
/// Looks for new versions of the tables the pages read every <see cref="DashboardOptions.RefreshInterval"/>,
/// copies the changed ones into memory and computes each page's default view before anyone asks (so first renders
/// read the cache), then tells open pages to refresh.
/// </summary>
internal sealed class LakeWatcher(LakeState lake, TableMirror mirror, DashboardData data, DashboardOptions options, ILogger<LakeWatcher> logger) : BackgroundService
{
    private readonly TaskCompletionSource _warm = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Raised after new table versions were found and copied.</summary>
    public event Action? Changed;

    /// <summary>Raised after every look, changed or not.</summary>
    public event Action? Checked;

    /// <summary>When the tables were last looked at (UTC), or null before the first look finished.</summary>
    public DateTimeOffset? CheckedAt { get; private set; }

    /// <summary>The versions of the tables pages read, as of the last look.</summary>
    public string Versions { get; private set; } = "";

    public TimeSpan Interval => options.RefreshInterval;

    /// <summary>Completes when the first copies are made (pages render fast from then on).</summary>
    public Task Warm => _warm.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await CheckAsync();
        _warm.TrySetResult();
        using var timer = new PeriodicTimer(options.RefreshInterval, options.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CheckAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Looks once: copies changed tables and raises <see cref="Changed"/> when something changed.</summary>
    public async Task CheckAsync()
    {
        try
        {
            var versions = await Task.Run(() => string.Join('|', LakeTables.Read.Select(t => lake.Info(t).VersionKey)));
            var changed = versions != Versions;
            if (changed)
            {
                foreach (var spec in Mirrors.All)
                {
                    await mirror.GetAsync(spec);
                }

                await data.WarmAsync();
                Versions = versions;
            }

            CheckedAt = options.Time.GetUtcNow();
            Checked?.Invoke();
            if (changed)
            {
                Changed?.Invoke();
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A table caught mid-write or a vacuumed file: the pages say what failed; the next look retries.
            logger.LogWarning(e, "looking for new table versions failed");
        }
    }
}

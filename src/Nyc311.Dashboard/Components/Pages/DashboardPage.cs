using System.Diagnostics;
using Microsoft.AspNetCore.Components;
using Nyc311.Dashboard.Data;
using Nyc311.Dashboard.Filters;

namespace Nyc311.Dashboard.Components.Pages;

/// <summary>
/// What every page shares: the filters in the address, loading its data asynchronously (the page shows
/// progress meanwhile and an error box if it fails), and refreshing when the watcher finds new table versions.
/// </summary>
public abstract class DashboardPage : ComponentBase, IDisposable
{
    private int _generation;
    private bool _disposed;

    [Inject]
    internal DashboardData Data { get; set; } = default!;

    [Inject]
    internal LakeWatcher Watcher { get; set; } = default!;

    [Inject]
    internal NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "from")]
    public string? FromText { get; set; }

    [SupplyParameterFromQuery(Name = "to")]
    public string? ToText { get; set; }

    [SupplyParameterFromQuery(Name = "type")]
    public string[]? TypeValues { get; set; }

    [SupplyParameterFromQuery(Name = "borough")]
    public string[]? BoroughValues { get; set; }

    internal DashboardFilter Filter { get; private set; } = DashboardFilter.Default;

    /// <summary>True while the page's data is being loaded.</summary>
    protected bool Loading { get; private set; } = true;

    /// <summary>True once the data of the current address has been shown at least once.</summary>
    protected bool Loaded { get; private set; }

    /// <summary>Why the last load failed, or null.</summary>
    protected Exception? LoadError { get; private set; }

    /// <summary>How long the last load took, shown in the footer of the page.</summary>
    protected TimeSpan LoadTime { get; private set; }

    /// <summary>Loads the page's data for <see cref="Filter"/>; called on every change of the address and of the tables.</summary>
    protected abstract Task LoadAsync();

    protected override void OnInitialized() => Watcher.Changed += OnTablesChanged;

    protected override async Task OnParametersSetAsync()
    {
        Filter = DashboardFilter.Parse(FromText, ToText, TypeValues, BoroughValues);
        await ReloadAsync();
    }

    /// <summary>Loads again; a load overtaken by a newer one leaves the state to the newer one.</summary>
    protected async Task ReloadAsync()
    {
        var generation = ++_generation;
        Loading = true;
        var watch = Stopwatch.StartNew();
        try
        {
            await LoadAsync();
            if (generation == _generation)
            {
                LoadError = null;
                Loaded = true;
            }
        }
#pragma warning disable CA1031 // Any failure of a load is shown on the page instead of breaking the connection.
        catch (Exception e) when (generation == _generation)
#pragma warning restore CA1031
        {
            LoadError = e;
        }
        finally
        {
            if (generation == _generation)
            {
                Loading = false;
                LoadTime = watch.Elapsed;
            }
        }
    }

    private void OnTablesChanged() => _ = InvokeAsync(async () =>
    {
        if (!_disposed)
        {
            await ReloadAsync();
            StateHasChanged();
        }
    });

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            Watcher.Changed -= OnTablesChanged;
        }
    }
}

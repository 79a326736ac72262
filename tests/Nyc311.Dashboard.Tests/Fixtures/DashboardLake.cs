using Microsoft.Extensions.Logging.Abstractions;
using Nyc311.Ingest.Bronze;
using Nyc311.Lake;
using Nyc311.Lake.Catalog;
using Nyc311.Pipeline;
using Nyc311.Pipeline.Stages;
using Nyc311.Testing;

namespace Nyc311.Dashboard.Tests.Fixtures;

/// <summary>
/// A lake made the way production makes it: a three-day simulated run of the main job (bronze, silver, gold),
/// then two years of gold history before it, forecasts, incidents and a model registry written against
/// the shared table contracts (the jobs that write them are other rooms'). Built once per test assembly.
/// </summary>
public sealed class DashboardLake : IAsyncLifetime
{
    /// <summary>The simulated days the pipeline runs over.</summary>
    public static readonly DateOnly First = new(2026, 8, 1);

    public static readonly DateOnly Last = new(2026, 8, 3);

    /// <summary>The first day of the two years of gold history.</summary>
    public static readonly DateOnly HistoryStart = Last.AddYears(-2).AddDays(1);

    private readonly TempDirectory _folder = new("dashboard-lake");

    public string Root => _folder.Combine("lake");

    public LakeCatalog Catalog => new(new LakeOptions { Root = Root });

    /// <summary>The fixture incidents, by what they show.</summary>
    public FixtureIncidents Incidents { get; private set; } = default!;

    /// <summary>How long each part of the build took, for the test output.</summary>
    public IReadOnlyList<(string Step, TimeSpan Elapsed)> Timings { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        var timings = new List<(string, TimeSpan)>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var catalog = Catalog;
        var job = new MedallionJob(catalog, new PipelineOptions(), TimeProvider.System, new BronzeIngestion(catalog, TimeProvider.System, NullLogger<BronzeIngestion>.Instance), NullLogger<MedallionJob>.Instance);
        await job.RunAsync(new RunOptions { From = First, To = Last }, client: null);
        timings.Add(("pipeline run, 3 simulated days", watch.Elapsed));
        watch.Restart();
        GoldHistory.Write(catalog, HistoryStart, First.AddDays(-1));
        timings.Add(("two years of gold.daily_counts history", watch.Elapsed));
        watch.Restart();
        ForecastFixture.Write(catalog, Last);
        timings.Add(("gold.forecasts", watch.Elapsed));
        watch.Restart();
        Incidents = FixtureIncidents.Write(catalog);
        ModelRegistryFixture.Write(Root);
        timings.Add(("incidents and model registry", watch.Elapsed));
        Timings = timings;
    }

    public ValueTask DisposeAsync()
    {
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }
}

using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Nyc311.Ingest;
using Nyc311.Ingest.Bronze;
using Nyc311.Ingest.Socrata;
using Nyc311.Lake.Catalog;
using Nyc311.Lake.Sql;
using Nyc311.Simulation;

namespace Nyc311.Pipeline.Stages;

/// <summary>Where <c>nyc311 run</c> takes its records from.</summary>
public enum RunSource
{
    /// <summary>The calibrated simulator, through the file ingestion path (offline; the default).</summary>
    Simulator,

    /// <summary>The live NYC Open Data API, as the daily incremental load.</summary>
    Api,
}

/// <summary>What <c>nyc311 run</c> does.</summary>
public sealed record RunOptions
{
    /// <summary>The last real day the simulator is calibrated on.</summary>
    public static readonly DateOnly LastCalibratedDay = new(2026, 8, 5);

    public RunSource Source { get; init; } = RunSource.Simulator;

    /// <summary>First simulated day. Default: two years before <see cref="To"/>.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last simulated day. Default: the last day of the real series (2026-08-05).</summary>
    public DateOnly? To { get; init; }

    /// <summary>Simulator seed. Default 311.</summary>
    public int Seed { get; init; } = 311;

    /// <summary>Recompute gold for every day instead of only the days this run touched.</summary>
    public bool RebuildGold { get; init; }

    public DateOnly EffectiveTo => To ?? LastCalibratedDay;

    public DateOnly EffectiveFrom => From ?? EffectiveTo.AddYears(-2).AddDays(1);
}

/// <summary>A stage finished (or started, with a null <see cref="Elapsed"/>).</summary>
public sealed record StageProgress(string Stage, string Detail, TimeSpan? Elapsed = null);

/// <summary>The simulator's daily files a run ingests.</summary>
/// <param name="Folder">The landing folder.</param>
/// <param name="Files">Every day's file of the range, in date order.</param>
/// <param name="DaysGenerated">Days this run generated (the others were already there).</param>
/// <param name="RecordsGenerated">Records in the files this run generated.</param>
/// <param name="MissingDays">Days without a real full-day total, hence without a file.</param>
public sealed record LandingSummary(string Folder, IReadOnlyList<string> Files, int DaysGenerated, long RecordsGenerated, IReadOnlyList<DateOnly> MissingDays);

/// <summary>What a run did, stage by stage.</summary>
public sealed record RunReport(
    LandingSummary? Simulation,
    IngestReport Ingest,
    SilverResult Silver,
    GoldResult Gold,
    IReadOnlyList<(string Stage, TimeSpan Elapsed)> Timings);

/// <summary>
/// The main job: ingest (the simulator's files offline, or the API's incremental load), then silver,
/// then gold, each stage idempotent, so running the same day twice leaves identical tables.
/// </summary>
public sealed class MedallionJob(LakeCatalog catalog, PipelineOptions options, TimeProvider time, BronzeIngestion ingestion, ILogger<MedallionJob> logger)
{
    /// <summary>Where the simulator's files land before ingestion: <c>_landing/simulator/seed-N</c> under the lake root (hidden from the catalog).</summary>
    public string LandingFolder(int seed) => Path.Combine(catalog.Root, "_landing", "simulator", $"seed-{seed}");

    public async Task<RunReport> RunAsync(RunOptions run, SocrataClient? client, IProgress<StageProgress>? stages = null, IProgress<IngestProgress>? ingestProgress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var timings = new List<(string, TimeSpan)>();
        var runId = $"run-{time.GetUtcNow():yyyyMMddTHHmmssZ}";

        LandingSummary? simulation = null;
        IngestReport ingest;
        var watch = Stopwatch.StartNew();
        if (run.Source == RunSource.Simulator)
        {
            stages?.Report(new StageProgress("simulate", $"{run.EffectiveFrom:yyyy-MM-dd}..{run.EffectiveTo:yyyy-MM-dd}, seed {run.Seed}"));
            simulation = Simulate(run, cancellationToken);
            timings.Add(("simulate", watch.Elapsed));
            stages?.Report(new StageProgress("simulate", $"{simulation.Files.Count} daily files ({simulation.DaysGenerated} generated now, {simulation.RecordsGenerated:N0} records)", watch.Elapsed));
            watch.Restart();
            stages?.Report(new StageProgress("ingest", "simulator files into bronze"));
            ingest = await ingestion.IngestFilesAsync(simulation.Files, progress: ingestProgress, cancellationToken: cancellationToken);
        }
        else
        {
            if (client is null)
            {
                throw new PipelineException("the API source needs a Socrata client");
            }

            stages?.Report(new StageProgress("ingest", "incremental load from the API"));
            ingest = await ingestion.IncrementalAsync(client, ingestProgress, cancellationToken);
        }

        timings.Add(("ingest", watch.Elapsed));
        stages?.Report(new StageProgress("ingest", $"{ingest.RowsLanded:N0} rows landed, {ingest.BatchesSkipped:N0} batches and {ingest.FilesSkipped:N0} unchanged files already landed", watch.Elapsed));

        using var db = LakeDuckDb.Open();
        watch.Restart();
        stages?.Report(new StageProgress("silver", "type, check, deduplicate, merge"));
        var silver = new SilverStage(catalog, options, time).Run(db, runId);
        timings.Add(("silver", watch.Elapsed));
        stages?.Report(new StageProgress("silver", silver.UpToDate ? "up to date" : $"{silver.RowsIn:N0} rows in, {silver.RowsOut:N0} out, {silver.RowsRejected:N0} quarantined", watch.Elapsed));

        watch.Restart();
        stages?.Report(new StageProgress("gold", run.RebuildGold ? "rebuild every day" : "recompute the touched days"));
        var gold = silver.UpToDate && !run.RebuildGold ? new GoldResult(0, 0, 0, 0, 0) : new GoldStage(catalog, time).Run(db, run.RebuildGold);
        timings.Add(("gold", watch.Elapsed));
        stages?.Report(new StageProgress("gold", gold.NothingToDo ? "up to date" : $"{gold.DaysRewritten:N0} days, {gold.WeeksRewritten:N0} weeks rewritten", watch.Elapsed));
        logger.LogInformation("run {RunId} finished", runId);
        return new RunReport(simulation, ingest, silver, gold, timings);
    }

    /// <summary>Writes the simulator's daily files that are not already in the landing folder.</summary>
    private LandingSummary Simulate(RunOptions run, CancellationToken cancellationToken)
    {
        var folder = LandingFolder(run.Seed);
        string FileOf(DateOnly day) => Path.Combine(folder, SimulationRun.FileNameFor(day, OutputFormat.Csv));
        var days = Enumerable.Range(0, run.EffectiveTo.DayNumber - run.EffectiveFrom.DayNumber + 1).Select(run.EffectiveFrom.AddDays).ToList();

        // Files are written atomically, so a file that exists is whole; only absent days are generated.
        var generated = 0;
        long records = 0;
        foreach (var range in Ranges([.. days.Where(d => !File.Exists(FileOf(d)))]))
        {
            var summary = SimulationRun.WriteFiles(new SimulatorOptions { From = range.From, To = range.To, Seed = run.Seed }, folder, OutputFormat.Csv, cancellationToken: cancellationToken);
            generated += summary.Files.Count;
            records += summary.RecordsWritten;
        }

        return new LandingSummary(folder, [.. days.Select(FileOf).Where(File.Exists)], generated, records, [.. days.Where(d => !File.Exists(FileOf(d)))]);
    }

    private static IEnumerable<(DateOnly From, DateOnly To)> Ranges(List<DateOnly> days)
    {
        for (var i = 0; i < days.Count;)
        {
            var start = i;
            while (i + 1 < days.Count && days[i + 1] == days[i].AddDays(1))
            {
                i++;
            }

            yield return (days[start], days[i]);
            i++;
        }
    }
}

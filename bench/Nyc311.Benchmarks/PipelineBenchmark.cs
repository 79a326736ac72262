using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Nyc311.Domain;
using Nyc311.Ingest.Bronze;
using Nyc311.Lake;
using Nyc311.Lake.Catalog;
using Nyc311.Lake.Sql;
using Nyc311.Pipeline;
using Nyc311.Pipeline.Quality;
using Nyc311.Pipeline.Reference;
using Nyc311.Pipeline.Sql;
using Nyc311.Pipeline.Stages;
using Nyc311.Simulation;

namespace Nyc311.Benchmarks;

/// <summary>
/// Issue 5's benchmarks: a full rebuild of silver and gold from a simulated bronze (default the whole
/// 2010-2026 series, about 45 million rows) against DuckDB running the same SQL over the same Parquet
/// files without the Delta layer; and a one-day incremental run on top of one year and on top of that
/// whole history.
/// </summary>
internal static class PipelineBenchmark
{
    private static readonly DuckDbDialect Dialect = DuckDbDialect.Instance;

    public static async Task<int> RunAsync(BenchmarkArgs args)
    {
        var from = DateOnly.Parse(args.String("from", "2010-01-01"), CultureInfo.InvariantCulture);
        var to = DateOnly.Parse(args.String("to", "2026-08-05"), CultureInfo.InvariantCulture);
        var shortFrom = DateOnly.Parse(args.String("short-from", to.AddYears(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var folder = args.Folder("pipeline");
        Directory.CreateDirectory(folder);
        try
        {
            // The full rebuild stops the day before `to`, so that its lake is also the long history
            // the one-day incremental run of `to` lands on (building a second long history would
            // double the benchmark's time for no extra information).
            var full = FullRebuild(Path.Combine(folder, "full"), from, to.AddDays(-1));
            if (args.String("incremental", "true") == "true")
            {
                await IncrementalRuns(full, Path.Combine(folder, "full"), Path.Combine(folder, "short"), from, to, shortFrom);
            }

            Console.WriteLine($"peak working set: {Measure.PeakMemory()}");

            // The baseline runs last (it is the longest part and the least informative alone), over
            // exactly the bronze files the full rebuild read.
            if (args.String("baseline", "true") == "true")
            {
                var plain = Baseline(full.BronzeFiles, Path.Combine(folder, "baseline"));
                Console.WriteLine();
                Console.WriteLine($"DuckDB running the same SQL over the same {full.BronzeFiles.Count:N0} bronze Parquet files, no Delta (baseline): {plain.TotalSeconds,7:N1} s  {Measure.Rate(full.Rows, plain)}");
                Console.WriteLine($"  ratio full rebuild through the Delta layer / baseline: {full.Elapsed / plain:N2}x");
                Console.WriteLine($"peak working set: {Measure.PeakMemory()}");
            }

            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A one-day run on top of the full rebuild's lake and on top of a short history, and their ratio.</summary>
    private static async Task IncrementalRuns((LakeCatalog Catalog, long Rows, TimeSpan Elapsed, IReadOnlyList<string> BronzeFiles) full, string fullFolder, string shortFolder, DateOnly from, DateOnly to, DateOnly shortFrom)
    {
        var longRun = await IncrementalDay(full.Catalog, fullFolder, to, full.Rows);

        var shortCatalog = new LakeCatalog(new LakeOptions { Root = Path.Combine(shortFolder, "lake") });
        var shortRows = BuildBronze(shortCatalog, shortFolder, shortFrom, to.AddDays(-1));
        using (var db = LakeDuckDb.Open())
        {
            new SilverStage(shortCatalog, new PipelineOptions(), TimeProvider.System).Run(db, "history");
            new GoldStage(shortCatalog, TimeProvider.System).Run(db, rebuild: true);
        }

        var shortRun = await IncrementalDay(shortCatalog, shortFolder, to, shortRows);

        Console.WriteLine();
        Console.WriteLine($"one-day incremental run of {to:yyyy-MM-dd} (ingest the day's CSV export, silver, gold):");
        Console.WriteLine($"  on {shortFrom:yyyy-MM-dd}.. ({shortRows,12:N0} rows of history): {shortRun.TotalSeconds,6:N1} s");
        Console.WriteLine($"  on {from:yyyy-MM-dd}.. ({full.Rows,12:N0} rows of history): {longRun.TotalSeconds,6:N1} s");
        Console.WriteLine($"  ratio long / short history: {longRun / shortRun:N2}x for {(double)full.Rows / shortRows:N1}x the rows (goal: ~1, the daily cost does not grow with history)");
    }

    private static (LakeCatalog Catalog, long Rows, TimeSpan Elapsed, IReadOnlyList<string> BronzeFiles) FullRebuild(string folder, DateOnly from, DateOnly to)
    {
        var catalog = new LakeCatalog(new LakeOptions { Root = Path.Combine(folder, "lake") });
        var rows = BuildBronze(catalog, folder, from, to);
        Console.WriteLine();
        Console.WriteLine($"full rebuild of silver and gold from {rows:N0} bronze rows ({from:yyyy-MM-dd}..{to:yyyy-MM-dd})");

        using var db = LakeDuckDb.Open();
        var silverWatch = Stopwatch.StartNew();
        var silver = new SilverStage(catalog, new PipelineOptions(), TimeProvider.System).Run(db, "benchmark");
        var silverTime = silverWatch.Elapsed;
        var goldWatch = Stopwatch.StartNew();
        new GoldStage(catalog, TimeProvider.System).Run(db, rebuild: true);
        var goldTime = goldWatch.Elapsed;
        var ours = silverTime + goldTime;
        Console.WriteLine($"  silver: {silverTime.TotalSeconds,7:N1} s ({silver.RowsOut:N0} rows out, {silver.RowsRejected:N0} quarantined)");
        Console.WriteLine($"  gold:   {goldTime.TotalSeconds,7:N1} s");
        Console.WriteLine($"  total:  {ours.TotalSeconds,7:N1} s  {Measure.Rate(rows, ours)}");
        Console.WriteLine($"  peak working set so far: {Measure.PeakMemory()}");
        // The data files only: the log folder holds Parquet checkpoints too.
        var bronzeFiles = Directory.GetFiles(catalog.PathOf(BronzeTables.ServiceRequests), "*.parquet", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}_delta_log{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        return (catalog, rows, ours, bronzeFiles);
    }

    /// <summary>The same statements the stages run, on plain Parquet: bronze's files in, Parquet files out.</summary>
    private static TimeSpan Baseline(IReadOnlyList<string> bronzeFiles, string output)
    {
        Directory.CreateDirectory(output);
        using var db = LakeDuckDb.Open();
        var bronze = "[" + string.Join(", ", bronzeFiles.Select(SqlText.Literal)) + "]";
        return Measure.Once(() =>
        {
            DuckDbReferenceLoader.CreateTables(db, ReferenceData.Tables());
            db.Execute("CREATE SCHEMA IF NOT EXISTS staging");
            db.Execute($"CREATE VIEW staging.bronze AS SELECT * FROM read_parquet({bronze}, hive_partitioning = true, union_by_name = true)");
            var columns = db.Describe("SELECT * FROM staging.bronze").Select(c => c.Name);
            var projected = $"({SilverSql.ProjectBronze(Dialect, "staging.bronze", columns)})";
            db.Execute($"CREATE TABLE staging.checked AS {SilverSql.Checked(Dialect, projected, new SilverOptions { AsOf = TimeProvider.System.GetUtcNow() })}");
            db.Execute($"COPY ({QuarantineSql.Rejected(Dialect, "staging.checked")}) TO {SqlText.Literal(Path.Combine(output, "quarantine.parquet"))} (FORMAT parquet, COMPRESSION zstd)");
            db.Execute($"CREATE TABLE staging.silver AS {SilverSql.Accepted(Dialect, "staging.checked")}");
            db.Execute($"COPY staging.silver TO {SqlText.Literal(Path.Combine(output, "silver"))} (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (created_month))");
            db.Execute($"CREATE TABLE staging.series AS {GoldSql.DailySeries(Dialect, "staging.silver")}");
            db.Execute($"CREATE TABLE staging.dates AS {GoldSql.AllDates(Dialect, "staging.series")}");
            db.Execute($"COPY ({GoldSql.DailyCounts(Dialect, "staging.silver", "staging.dates", "staging.series")}) TO {SqlText.Literal(Path.Combine(output, "daily_counts"))} (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (\"date\"))");
            db.Execute($"COPY ({GoldSql.TimeToClose(Dialect, "staging.silver", "staging.dates")}) TO {SqlText.Literal(Path.Combine(output, "time_to_close.parquet"))} (FORMAT parquet, COMPRESSION zstd)");
            db.Execute($"COPY ({GoldSql.HourlyPatterns(Dialect, "staging.silver", "staging.dates")}) TO {SqlText.Literal(Path.Combine(output, "hourly_patterns.parquet"))} (FORMAT parquet, COMPRESSION zstd)");
        });
    }

    /// <summary>Times ingesting <paramref name="day"/>'s CSV export into a lake that holds the days before it, then silver and gold.</summary>
    private static async Task<TimeSpan> IncrementalDay(LakeCatalog catalog, string folder, DateOnly day, long historyRows)
    {
        var file = Path.Combine(folder, SimulationRun.FileNameFor(day, OutputFormat.Csv));
        SimulationRun.WriteFiles(new SimulatorOptions { From = day, To = day }, folder, OutputFormat.Csv);
        var ingestion = new BronzeIngestion(catalog, TimeProvider.System, NullLogger<BronzeIngestion>.Instance);
        var watch = Stopwatch.StartNew();
        await ingestion.IngestFilesAsync([file]);
        using (var db = LakeDuckDb.Open())
        {
            new SilverStage(catalog, new PipelineOptions(), TimeProvider.System).Run(db, "day");
            new GoldStage(catalog, TimeProvider.System).Run(db);
        }

        Console.WriteLine($"  one day ({day:yyyy-MM-dd}) on {historyRows:N0} rows of history: {watch.Elapsed.TotalSeconds:N1} s");
        return watch.Elapsed;
    }

    /// <summary>
    /// Bronze for a range, built fast and unmeasured: the simulator's CSV export, one file per month,
    /// read by DuckDB's CSV reader straight into the bronze table (same columns as ingestion writes).
    /// </summary>
    private static long BuildBronze(LakeCatalog catalog, string folder, DateOnly from, DateOnly to)
    {
        Console.WriteLine($"building bronze {from:yyyy-MM-dd}..{to:yyyy-MM-dd} ...");
        var landing = Path.Combine(folder, "landing");
        Directory.CreateDirectory(landing);
        var writer = new BronzeWriter(catalog, TimeProvider.System);
        var table = writer.Table();
        using var db = LakeDuckDb.Open();
        var select = string.Join(", ", ServiceRequestFields.CsvExport.Select(f => $"{SqlText.Identifier(f.CsvHeader)} AS {f.ApiName}"));
        long rows = 0;
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            var first = month < from ? from : month;
            var last = month.AddMonths(1).AddDays(-1) > to ? to : month.AddMonths(1).AddDays(-1);
            var file = Path.Combine(landing, $"311_{month:yyyy-MM}.csv");
            using (var stream = File.Create(file))
            {
                SimulationRun.WriteStream(new SimulatorOptions { From = first, To = last }, stream, OutputFormat.Csv);
            }

            var result = table.Append(db, $"""
                SELECT {select}, 'bench-{month:yyyy-MM}' AS _batch_id, 'csv' AS _source, NULL AS _dataset,
                       '{Path.GetFileName(file)}' AS _source_file, NULL::BIGINT AS _source_line, (row_number() OVER () - 1) AS _record_number,
                       now() AS _ingested_at, current_date AS _ingest_date
                FROM read_csv({SqlText.Literal(file)}, header = true, all_varchar = true, quote = '"', escape = '"', strict_mode = false)
                """);
            rows += result.RowsWritten;
            File.Delete(file);
        }

        Console.WriteLine($"  {rows:N0} rows");
        return rows;
    }
}

using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Nyc311.Ingest.Bronze;
using Nyc311.Ingest.Socrata;
using Nyc311.Lake;
using Nyc311.Lake.Catalog;
using Nyc311.Simulation;
using Nyc311.Testing.Socrata;

namespace Nyc311.Benchmarks;

/// <summary>
/// Issue 4's benchmark: ingest N records (default 1,000,000) from the loopback Socrata server and
/// from a file, against the time spent only downloading (or only reading) the same bytes.
/// </summary>
internal static class IngestBenchmark
{
    public static async Task<int> RunAsync(BenchmarkArgs args)
    {
        var count = (int)args.Long("records", 1_000_000);
        var folder = args.Folder("ingest");
        Directory.CreateDirectory(folder);
        try
        {
            await Api(count, folder);
            File(count, folder);
            Console.WriteLine($"peak working set: {Measure.PeakMemory()}");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task Api(int count, string folder)
    {
        Console.WriteLine($"loopback Socrata server with {count:N0} generated records ...");
        await using var server = await SocrataTestServer.StartAsync();
        var first = new DateTime(2024, 1, 1);
        server.Dataset("erm2-nwe9").Add(new SocrataGeneratedRecords(count) { FirstCreated = first, Spacing = TimeSpan.FromSeconds(5) }, new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var until = DateOnly.FromDateTime(first.AddSeconds(5.0 * count)).AddDays(1);
        var options = new SocrataOptions { BaseUrl = server.BaseUrl, RequestsPerSecond = 1000 };
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };

        // Baseline: the same pages, downloaded and thrown away (the server's first pass sorts; warm it up).
        long bytes = 0;
        await Download(http, server.BaseUrl, options.PageSize, count);
        var download = await Time(async () => bytes = await Download(http, server.BaseUrl, options.PageSize, count));

        var catalog = new LakeCatalog(new LakeOptions { Root = Path.Combine(folder, "api-lake") });
        var ingestion = new BronzeIngestion(catalog, TimeProvider.System, NullLogger<BronzeIngestion>.Instance);
        var client = new SocrataClient(http, Microsoft.Extensions.Options.Options.Create(options), SocrataAppToken.None, TimeProvider.System, NullLogger<SocrataClient>.Instance);
        IngestReport? report = null;
        var ingest = await Time(async () => report = await ingestion.BackfillAsync(client, DateOnly.FromDateTime(first), until));

        Console.WriteLine();
        Console.WriteLine($"API: {report!.RowsLanded:N0} records in {report.BatchesLanded} pages ({bytes / (1024.0 * 1024):N0} MiB of JSON)");
        Console.WriteLine($"  download only (baseline): {download.TotalSeconds,7:N1} s  {Measure.Rate(count, download)}");
        Console.WriteLine($"  ingest into bronze:       {ingest.TotalSeconds,7:N1} s  {Measure.Rate(report.RowsLanded, ingest)}");
        Console.WriteLine($"  ratio ingest / download: {ingest / download:N2}x");
    }

    private static void File(int count, string folder)
    {
        // The simulator's CSV export for enough days to hold about N records, as one file.
        var path = Path.Combine(folder, "export.csv");
        var to = new DateOnly(2026, 8, 5);
        var from = to;
        long total = 0;
        while (total < count)
        {
            from = from.AddDays(-1);
            total += CalibrationFacts.DailyTotals.RequestsOn(from) ?? 0;
        }

        Console.WriteLine();
        Console.WriteLine($"simulating {from:yyyy-MM-dd}..{to:yyyy-MM-dd} into one CSV export ...");
        using (var stream = System.IO.File.Create(path))
        {
            SimulationRun.WriteStream(new SimulatorOptions { From = from, To = to }, stream, OutputFormat.Csv);
        }

        var size = new FileInfo(path).Length;
        var read = Measure.Best(2, () => { }, () =>
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            var buffer = new byte[1 << 16];
            while (stream.Read(buffer) > 0)
            {
            }
        });
        var catalog = new LakeCatalog(new LakeOptions { Root = Path.Combine(folder, "file-lake") });
        var ingestion = new BronzeIngestion(catalog, TimeProvider.System, NullLogger<BronzeIngestion>.Instance);
        IngestReport? report = null;
        var ingest = Measure.Once(() => report = ingestion.IngestFilesAsync([path]).GetAwaiter().GetResult());

        Console.WriteLine($"file: {report!.RowsLanded:N0} records in {report.BatchesLanded} batches ({size / (1024.0 * 1024):N0} MiB of CSV)");
        Console.WriteLine($"  read only (baseline): {read.TotalSeconds,7:N2} s");
        Console.WriteLine($"  ingest into bronze:   {ingest.TotalSeconds,7:N1} s  {Measure.Rate(report.RowsLanded, ingest)}");
        Console.WriteLine($"  ratio ingest / read: {ingest / read:N0}x (reading bytes is not parsing them: the ratio shows what parsing, typing and writing Parquet cost)");

        // The main job offers every file again each day: one that landed whole is hashed, found in bronze's log, and not read.
        IngestReport? again = null;
        var rerun = Measure.Once(() => again = ingestion.IngestFilesAsync([path]).GetAwaiter().GetResult());
        Console.WriteLine($"  the same file again:  {rerun.TotalSeconds,7:N2} s  ({again!.FilesSkipped} file skipped, {again.RowsLanded:N0} rows landed; {rerun / read:N1}x the read-only baseline, {ingest / rerun:N0}x faster than landing it)");
    }

    private static async Task<long> Download(HttpClient http, Uri baseUrl, int pageSize, int count)
    {
        long bytes = 0;
        for (var offset = 0; offset <= count; offset += pageSize)
        {
            var url = new Uri(baseUrl, $"resource/erm2-nwe9.json?$select=:*,*&$order=:id&$limit={pageSize}&$offset={offset}");
            var body = await http.GetByteArrayAsync(url);
            bytes += body.Length;
        }

        return bytes;
    }

    private static async Task<TimeSpan> Time(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed;
    }
}

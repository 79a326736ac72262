using System.CommandLine;
using Nyc311.Cli.Hosting;
using Nyc311.Cli.Output;
using Nyc311.Ingest.Bronze;
using Nyc311.Ingest.Socrata;

namespace Nyc311.Cli.Commands;

/// <summary><c>nyc311 ingest</c>: land 311 requests in bronze from the API (backfill or incremental) or from files.</summary>
internal static class IngestCommand
{
    public static Command Build(CliContext context)
    {
        var since = new Option<string?>("--since") { Description = "Backfill: first created day (YYYY-MM-DD, inclusive)" };
        var until = new Option<string?>("--until") { Description = "Backfill: last created day (YYYY-MM-DD, inclusive)" };
        var incremental = new Option<bool>("--incremental") { Description = "Load what was created or changed since the stored watermark" };
        var files = new Option<string[]>("--file") { Description = "CSV export, JSON or NDJSON file(s), or a folder of them", AllowMultipleArgumentsPerToken = true };
        var endpoint = new Option<string?>("--endpoint") { Description = "Socrata base URL (default: Socrata:BaseUrl, https://data.cityofnewyork.us)" };
        context.ConfigurationOptions.Add(("Socrata:BaseUrl", endpoint));
        var command = new Command("ingest", "Land 311 service requests in bronze.service_requests exactly as received") { since, until, incremental, files, endpoint };
        command.SetHandler(context, async (parse, services, cancellationToken) =>
        {
            var fileList = parse.GetValue(files) ?? [];
            var backfill = parse.GetValue(since) is not null || parse.GetValue(until) is not null;
            var modes = (backfill ? 1 : 0) + (parse.GetValue(incremental) ? 1 : 0) + (fileList.Length > 0 ? 1 : 0);
            if (modes != 1)
            {
                throw new CliUsageException("choose one source: --since DATE --until DATE (backfill), --incremental, or --file PATH");
            }

            var ingestion = services.Get<BronzeIngestion>();
            IngestReport report;
            if (fileList.Length > 0)
            {
                var paths = ExpandFiles(fileList);
                report = await ProgressDisplay.RunAsync(context.Console, "files", progress => ingestion.IngestFilesAsync(paths, progress: progress, cancellationToken: cancellationToken));
            }
            else if (backfill)
            {
                var from = ParseDay(parse.GetValue(since), "--since");
                var to = ParseDay(parse.GetValue(until), "--until");
                if (to < from)
                {
                    throw new CliUsageException($"--until {to:yyyy-MM-dd} is before --since {from:yyyy-MM-dd}");
                }

                report = await ProgressDisplay.RunAsync(context.Console, "backfill", progress => ingestion.BackfillAsync(services.Get<SocrataClient>(), from, to.AddDays(1), progress, cancellationToken));
            }
            else
            {
                report = await ProgressDisplay.RunAsync(context.Console, "incremental", progress => ingestion.IncrementalAsync(services.Get<SocrataClient>(), progress, cancellationToken));
            }

            Summary(context, report);
            return ExitCodes.Success;
        });
        return command;
    }

    internal static void Summary(CliContext context, IngestReport report)
    {
        var read = report.Read;
        context.Output.WriteLine($"ingest: {read.Pages:N0} pages, {read.Rows:N0} rows read, {report.RowsLanded:N0} landed in {report.BatchesLanded:N0} batches, " +
            $"{report.BatchesSkipped:N0} batches and {report.FilesSkipped:N0} unchanged files already landed, {read.Retries:N0} retries, {report.Quarantined:N0} rows quarantined" +
            (report.Watermark is { } w ? $", watermark {w.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z" : ""));
    }

    private static List<string> ExpandFiles(IEnumerable<string> arguments)
    {
        var paths = new List<string>();
        foreach (var argument in arguments)
        {
            if (Directory.Exists(argument))
            {
                paths.AddRange(Directory.EnumerateFiles(argument)
                    .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".csv" or ".json" or ".ndjson" or ".jsonl")
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(argument))
            {
                paths.Add(argument);
            }
            else
            {
                throw new CliUsageException($"--file: '{argument}' does not exist");
            }
        }

        return paths;
    }

    internal static DateOnly ParseDay(string? text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
            ? day
            : throw new CliUsageException($"{option}: '{text}' is not a date (use YYYY-MM-DD)");
}

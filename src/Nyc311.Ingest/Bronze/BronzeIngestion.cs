using DuckDB.NET.Data;
using Microsoft.Extensions.Logging;
using Nyc311.Ingest.Files;
using Nyc311.Ingest.Socrata;
using Nyc311.Lake.Catalog;
using Nyc311.Lake.Sql;

namespace Nyc311.Ingest.Bronze;

/// <summary>What an ingestion run landed in bronze.</summary>
/// <param name="Read">Pages (batches), records, retries and unreadable rows the sources gave.</param>
/// <param name="RowsLanded">Records appended to bronze by this run.</param>
/// <param name="BatchesLanded">Batches appended (one commit each).</param>
/// <param name="BatchesSkipped">Batches an earlier run had already landed.</param>
/// <param name="Quarantined">Unreadable file rows recorded in <c>bronze.quarantine</c>.</param>
/// <param name="Watermark">The stored watermark after the run (API loads), or null.</param>
/// <param name="FilesSkipped">Files not read at all: an earlier run had landed the same bytes under the same name whole.</param>
public sealed record IngestReport(IngestSummary Read, long RowsLanded, int BatchesLanded, int BatchesSkipped, long Quarantined, DateTimeOffset? Watermark, int FilesSkipped = 0);

/// <summary>Ingestion runs: read a source batch by batch and land every batch in bronze as it arrives.</summary>
public sealed class BronzeIngestion(LakeCatalog catalog, TimeProvider time, ILogger<BronzeIngestion> logger)
{
    private readonly BronzeWriter _writer = new(catalog, time);

    /// <summary>The stored watermark of the current dataset (what an incremental load continues from).</summary>
    public DateTimeOffset? Watermark(string dataset) => _writer.Watermark(dataset);

    /// <summary>
    /// Lands files (the portal's CSV export, JSON arrays or NDJSON), in the order given. A file that an earlier run landed
    /// whole (same dataset, name and hash of its bytes) is not read again: hashing it costs a small part of parsing it.
    /// </summary>
    public async Task<IngestReport> IngestFilesAsync(IEnumerable<string> paths, FileReadOptions? options = null, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        options ??= FileReadOptions.Default;
        var report = new IngestReport(IngestSummary.Empty, 0, 0, 0, 0, null);
        var landedBefore = _writer.FilesLanded();
        var landedNow = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = Path.GetFileName(path);
            var stamp = Stamp(path);
            var (hash, bytes) = await FileSource.ContentHashAsync(path, cancellationToken);
            var appId = BronzeWriter.FileAppId(options.Dataset, name, hash);
            if (landedBefore(appId) || landedNow.Contains(appId))
            {
                logger.LogInformation("{File}: landed whole by an earlier run ({Hash}), not read again", name, hash);
                report = report with { FilesSkipped = report.FilesSkipped + 1 };
                progress?.Report(new IngestProgress(name, report.Read.Pages, report.Read.Rows, report.Read.Retries, report.Read.Rejected, bytes, bytes));
                continue;
            }

            // A file written to while it was read may not hold the bytes hashed: its record is left out, and the next run reads it again.
            report = await LandAsync(FileSource.ReadAsync(path, options, progress, cancellationToken), report, watermarkDataset: null, cancellationToken, fileLanded: () => Stamp(path) == stamp ? appId : null);
            landedNow.Add(appId);
        }

        return report;
    }

    private static (long Length, DateTime Written) Stamp(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? (file.Length, file.LastWriteTimeUtc) : (-1, default);
    }

    /// <summary>Lands every request created in [<paramref name="since"/>, <paramref name="until"/>) from the API.</summary>
    public Task<IngestReport> BackfillAsync(SocrataClient client, DateOnly since, DateOnly until, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return LandAsync(client.ReadBackfillAsync(since, until, progress, cancellationToken), new IngestReport(IngestSummary.Empty, 0, 0, 0, 0, null), client.CurrentDataset, cancellationToken);
    }

    /// <summary>Lands the requests created or changed since the stored watermark (minus the overlap), then moves the watermark.</summary>
    public Task<IngestReport> IncrementalAsync(SocrataClient client, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var watermark = _writer.Watermark(client.CurrentDataset);
        logger.LogInformation("incremental load of {Dataset} from watermark {Watermark}", client.CurrentDataset, watermark?.ToString("O") ?? "(none: initial lookback)");
        return LandAsync(client.ReadIncrementalAsync(watermark, progress, cancellationToken), new IngestReport(IngestSummary.Empty, 0, 0, 0, 0, watermark), client.CurrentDataset, cancellationToken);
    }

    // fileLanded: for a file, its BronzeWriter.FileAppId (or null), asked for when its final batch is written.
    private async Task<IngestReport> LandAsync(IAsyncEnumerable<RecordBatch> batches, IngestReport report, string? watermarkDataset, CancellationToken cancellationToken, Func<string?>? fileLanded = null)
    {
        using DuckDBConnection db = LakeDuckDb.Open();
        await foreach (var batch in ReadAhead(batches, cancellationToken))
        {
            var write = _writer.Write(db, batch, batch.IsFinal ? fileLanded?.Invoke() : null);
            logger.LogInformation("batch {Sequence} ({Source}): {Records} records, {Rejected} rejected -> {Outcome}",
                batch.Sequence, batch.SourceFile ?? batch.Dataset, batch.Records.Count, batch.Rejected.Count,
                write.AlreadyLanded ? "already landed" : write.Version is { } v ? $"bronze version {v}" : "nothing to write");
            report = report with
            {
                Read = report.Read.Add(batch),
                RowsLanded = report.RowsLanded + write.Rows,
                BatchesLanded = report.BatchesLanded + (write.Rows > 0 ? 1 : 0),
                BatchesSkipped = report.BatchesSkipped + (write.AlreadyLanded ? 1 : 0),
                Quarantined = report.Quarantined + write.Quarantined,
            };
        }

        return watermarkDataset is null ? report : report with { Watermark = _writer.Watermark(watermarkDataset) };
    }

    /// <summary>Reads (parses, downloads) the next batch while the current one is written: the two overlap on two cores.</summary>
    private static async IAsyncEnumerable<RecordBatch> ReadAhead(IAsyncEnumerable<RecordBatch> batches, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = System.Threading.Channels.Channel.CreateBounded<RecordBatch>(new System.Threading.Channels.BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = Task.Run(
            async () =>
            {
                try
                {
                    await foreach (var batch in batches.WithCancellation(stop.Token))
                    {
                        await channel.Writer.WriteAsync(batch, stop.Token);
                    }

                    channel.Writer.Complete();
                }
                catch (Exception e)
                {
                    channel.Writer.Complete(e);
                }
            },
            CancellationToken.None);
        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return batch;
            }
        }
        finally
        {
            // A writer failure stops the reader too; its own failure surfaces through the channel.
            await stop.CancelAsync();
            await Task.WhenAny(reader);
        }
    }
}

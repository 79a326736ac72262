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
public sealed record IngestReport(IngestSummary Read, long RowsLanded, int BatchesLanded, int BatchesSkipped, long Quarantined, DateTimeOffset? Watermark);

/// <summary>Ingestion runs: read a source batch by batch and land every batch in bronze as it arrives.</summary>
public sealed class BronzeIngestion(LakeCatalog catalog, TimeProvider time, ILogger<BronzeIngestion> logger)
{
    private readonly BronzeWriter _writer = new(catalog, time);

    /// <summary>The stored watermark of the current dataset (what an incremental load continues from).</summary>
    public DateTimeOffset? Watermark(string dataset) => _writer.Watermark(dataset);

    /// <summary>Lands files (the portal's CSV export, JSON arrays or NDJSON), in the order given.</summary>
    public async Task<IngestReport> IngestFilesAsync(IEnumerable<string> paths, FileReadOptions? options = null, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var report = new IngestReport(IngestSummary.Empty, 0, 0, 0, 0, null);
        foreach (var path in paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            report = await LandAsync(FileSource.ReadAsync(path, options, progress, cancellationToken), report, watermarkDataset: null, cancellationToken);
        }

        return report;
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

    private async Task<IngestReport> LandAsync(IAsyncEnumerable<RecordBatch> batches, IngestReport report, string? watermarkDataset, CancellationToken cancellationToken)
    {
        using DuckDBConnection db = LakeDuckDb.Open();
        await foreach (var batch in ReadAhead(batches, cancellationToken))
        {
            var write = _writer.Write(db, batch);
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

using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Nyc311.Ingest.Json;

namespace Nyc311.Ingest.Socrata;

public sealed partial class SocrataClient
{
    private async IAsyncEnumerable<RecordBatch> ReadAsync(
        IReadOnlyList<SocrataQuery> queries,
        DateTimeOffset? watermark,
        IProgress<IngestProgress>? progress,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var run = new Run(watermark, options.CurrentDataset);
        if (queries.Count == 0)
        {
            yield return run.Batch(options.CurrentDataset, 0, [], 0, isFinal: true);
            yield break;
        }

        for (var q = 0; q < queries.Count; q++)
        {
            var query = queries[q];
            for (long offset = 0; ; offset += options.PageSize)
            {
                var (page, retries) = await FetchPageAsync(query, offset, run, progress, cancellationToken);
                run.Count(query.Dataset, page);
                progress?.Report(run.Progress(query.Dataset));
                logger.LogDebug("Read {Rows} records from {Dataset} at offset {Offset}", page.Records.Count, query.Dataset, offset);

                var lastPage = page.Records.Count < options.PageSize;
                var isFinal = lastPage && q == queries.Count - 1;
                if (page.Records.Count > 0 || isFinal)
                {
                    yield return run.Batch(query.Dataset, offset, page.Records, retries, isFinal);
                }

                if (lastPage)
                {
                    break;
                }
            }
        }
    }

    /// <summary>What one run has read so far, and the buffers it reuses from page to page.</summary>
    private sealed class Run
    {
        private readonly Dictionary<string, DateTimeOffset> newestByDataset = new(StringComparer.Ordinal);
        private int sequence;

        /// <param name="watermark">The watermark an incremental run starts from, as the floor of what it reports.</param>
        /// <param name="watermarkDataset">The dataset the watermark belongs to.</param>
        public Run(DateTimeOffset? watermark, string watermarkDataset)
        {
            if (watermark is { } mark)
            {
                newestByDataset[watermarkDataset] = mark;
            }
        }

        public JsonRecordParser Parser { get; } = new();

        public MemoryStream Body { get; } = new();

        public long Pages { get; private set; }

        public long Rows { get; private set; }

        public long Retries { get; set; }

        public void Count(string dataset, SocrataPage page)
        {
            Pages++;
            Rows += page.Records.Count;
            if (page.NewestUpdatedAt is { } seen && (!newestByDataset.TryGetValue(dataset, out var known) || seen > known))
            {
                newestByDataset[dataset] = seen;
            }
        }

        public IngestProgress Progress(string dataset) => new(dataset, Pages, Rows, Retries, Rejected: 0);

        /// <summary>A batch; its watermark is the newest <c>:updated_at</c> of its own dataset, since each dataset keeps its own.</summary>
        public RecordBatch Batch(string dataset, long offset, IReadOnlyList<SourceRecord> records, int retries, bool isFinal) => new()
        {
            Source = SourceKind.Api,
            Dataset = dataset,
            Sequence = sequence++,
            Offset = offset,
            Records = records,
            Retries = retries,
            NewestUpdatedAt = newestByDataset.TryGetValue(dataset, out var newest) ? newest : null,
            IsFinal = isFinal,
        };
    }
}

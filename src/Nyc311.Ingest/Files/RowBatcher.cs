using System.Runtime.CompilerServices;

namespace Nyc311.Ingest.Files;

/// <summary>Groups the rows of a file into batches, the last one marked final.</summary>
internal static class RowBatcher
{
    public static async IAsyncEnumerable<RecordBatch> BatchAsync(
        IAsyncEnumerable<SourceRow> rows,
        FileSourceInfo file,
        int batchSize,
        IProgress<IngestProgress>? progress,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var enumerator = rows.GetAsyncEnumerator(cancellationToken);
        var hasRow = await enumerator.MoveNextAsync();
        long offset = 0, totalRecords = 0, totalRejected = 0;
        for (var sequence = 0; ; sequence++)
        {
            var records = new List<SourceRecord>();
            var rejected = new List<RejectedRow>();
            while (hasRow && records.Count + rejected.Count < batchSize)
            {
                if (enumerator.Current.Record is { } record)
                {
                    records.Add(record);
                }
                else
                {
                    rejected.Add(enumerator.Current.Rejected!);
                }

                hasRow = await enumerator.MoveNextAsync();
            }

            totalRecords += records.Count;
            totalRejected += rejected.Count;
            progress?.Report(new IngestProgress(file.Name, sequence + 1, totalRecords, 0, totalRejected, file.BytesRead(), file.Length));
            yield return new RecordBatch
            {
                Source = file.Kind,
                Dataset = file.Dataset,
                SourceFile = file.Name,
                Sequence = sequence,
                Offset = offset,
                Records = records,
                Rejected = rejected,
                IsFinal = !hasRow,
            };
            offset += records.Count + rejected.Count;
            if (!hasRow)
            {
                yield break;
            }
        }
    }
}

/// <summary>What a batch says about the file it came from.</summary>
internal sealed record FileSourceInfo(string Name, SourceKind Kind, string? Dataset, long Length, Func<long> BytesRead);

namespace Nyc311.Ingest;

/// <summary>What a run ingested, for the command line's closing summary.</summary>
/// <param name="Pages">Batches read: API pages (the empty last page included) or file batches.</param>
/// <param name="Rows">Records read.</param>
/// <param name="Retries">Requests retried (429, 5xx, 202, timeouts, malformed pages).</param>
/// <param name="Rejected">File rows rejected (they go to quarantine).</param>
/// <param name="NewestUpdatedAt">The newest Socrata <c>:updated_at</c> seen, or null.</param>
public sealed record IngestSummary(long Pages, long Rows, long Retries, long Rejected, DateTimeOffset? NewestUpdatedAt)
{
    /// <summary>A run that has read nothing yet.</summary>
    public static IngestSummary Empty { get; } = new(0, 0, 0, 0, null);

    /// <summary>This summary with one more batch counted.</summary>
    public IngestSummary Add(RecordBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return new IngestSummary(
            Pages + 1,
            Rows + batch.Records.Count,
            Retries + batch.Retries,
            Rejected + batch.Rejected.Count,
            Max(NewestUpdatedAt, batch.NewestUpdatedAt));
    }

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a > b ? a : b;
}

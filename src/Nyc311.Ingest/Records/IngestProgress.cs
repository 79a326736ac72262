namespace Nyc311.Ingest;

/// <summary>
/// A progress report of a running ingestion, sent after every page or file batch and before every
/// retry wait. Counts are totals for the run so far.
/// </summary>
/// <param name="Source">The dataset id being read, or the file name.</param>
/// <param name="Pages">Pages (file batches) read so far.</param>
/// <param name="Rows">Records read so far.</param>
/// <param name="Retries">Retries so far.</param>
/// <param name="Rejected">File rows rejected so far.</param>
/// <param name="BytesRead">Bytes of the file read so far; null for the API.</param>
/// <param name="TotalBytes">Size of the file in bytes; null for the API.</param>
/// <param name="Retry">Set when this report announces a retry; null otherwise.</param>
public sealed record IngestProgress(
    string Source,
    long Pages,
    long Rows,
    long Retries,
    long Rejected,
    long? BytesRead = null,
    long? TotalBytes = null,
    RetryNotice? Retry = null);

/// <summary>A retry about to happen.</summary>
/// <param name="Attempt">The attempt that failed (1 for the first request).</param>
/// <param name="Delay">How long the client waits before the next attempt (Retry-After when the server sent one).</param>
/// <param name="Reason">What went wrong, in words (for example <c>HTTP 429 Too Many Requests</c>).</param>
public sealed record RetryNotice(int Attempt, TimeSpan Delay, string Reason);

namespace Nyc311.Ingest.Tests.Support;

/// <summary>Records progress reports synchronously (unlike <see cref="Progress{T}"/>, which posts them later).</summary>
internal sealed class RecordingProgress : IProgress<IngestProgress>
{
    private readonly Lock gate = new();
    private readonly List<IngestProgress> reports = [];
    private readonly TaskCompletionSource<RetryNotice> firstRetry = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<IngestProgress> Reports
    {
        get
        {
            lock (gate)
            {
                return [.. reports];
            }
        }
    }

    /// <summary>Completes when the first retry is announced.</summary>
    public Task<RetryNotice> FirstRetry => firstRetry.Task;

    public void Report(IngestProgress value)
    {
        lock (gate)
        {
            reports.Add(value);
        }

        if (value.Retry is { } retry)
        {
            firstRetry.TrySetResult(retry);
        }
    }
}

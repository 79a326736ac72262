namespace Nyc311.Ingest;

/// <summary>
/// A page kept failing with a transient outcome (429, 5xx, 202, a timeout or a network error)
/// until the retries ran out.
/// </summary>
public sealed class SocrataUnavailableException : SocrataException
{
    private SocrataUnavailableException(string dataset, long offset, int attempts, string lastProblem, int? lastStatusCode, Exception? innerException)
        : base(dataset, offset, attempts, $"Socrata dataset {dataset} did not answer the page at offset {offset} after {Tries(attempts)}: {lastProblem}", innerException)
    {
        LastProblem = lastProblem;
        LastStatusCode = lastStatusCode;
    }

    /// <summary>What went wrong on the last attempt, in words.</summary>
    public string LastProblem { get; }

    /// <summary>The HTTP status of the last attempt, or null when it got no response (timeout, network error).</summary>
    public int? LastStatusCode { get; }

    internal static SocrataUnavailableException RetriesExhausted(string dataset, long offset, int attempts, string lastProblem, int? lastStatusCode, Exception? lastError) =>
        new(dataset, offset, attempts, lastProblem, lastStatusCode, lastError);
}

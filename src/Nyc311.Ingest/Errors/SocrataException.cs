namespace Nyc311.Ingest;

/// <summary>A request to NYC Open Data (Socrata) failed for good; nothing of the failed page was returned.</summary>
public abstract class SocrataException : IngestException
{
    private protected SocrataException(string dataset, long offset, int attempts, string message, Exception? innerException)
        : base(message, innerException)
    {
        Dataset = dataset;
        Offset = offset;
        Attempts = attempts;
    }

    /// <summary>The dataset id that was queried.</summary>
    public string Dataset { get; }

    /// <summary>The <c>$offset</c> of the failed page.</summary>
    public long Offset { get; }

    /// <summary>How many requests were made for the page (1 when it was not retried).</summary>
    public int Attempts { get; }

    private protected static string Tries(int attempts) => attempts == 1 ? "1 attempt" : $"{attempts} attempts";
}

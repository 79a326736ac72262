namespace Nyc311.Ingest;

/// <summary>
/// The base of every error ingestion raises. Messages are one line, name what failed and where,
/// and never contain the Socrata app token.
/// </summary>
public abstract class IngestException : Exception
{
    private protected IngestException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

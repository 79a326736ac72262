namespace Nyc311.Ingest.Socrata;

/// <summary>How one request for a page ended.</summary>
internal sealed record AttemptOutcome
{
    private AttemptOutcome()
    {
    }

    /// <summary>The page, when the attempt succeeded.</summary>
    public SocrataPage? Page { get; private init; }

    /// <summary>An error that retrying cannot fix.</summary>
    public SocrataException? Fatal { get; private init; }

    /// <summary>What went wrong, in words, when the attempt may be retried.</summary>
    public string Problem { get; private init; } = "";

    /// <summary>Whether the response arrived but was not a JSON array of objects.</summary>
    public bool Malformed { get; private init; }

    /// <summary>HTTP status of a transient failure, or null without a response.</summary>
    public int? StatusCode { get; private init; }

    /// <summary>The wait the server asked for with <c>Retry-After</c>.</summary>
    public TimeSpan? RetryAfter { get; private init; }

    /// <summary>The exception behind a transient failure, if any.</summary>
    public Exception? Error { get; private init; }

    public static AttemptOutcome Succeeded(SocrataPage page) => new() { Page = page };

    public static AttemptOutcome Failed(SocrataException fatal) => new() { Fatal = fatal };

    public static AttemptOutcome MalformedBody(string problem) => new() { Problem = problem, Malformed = true, StatusCode = 200 };

    public static AttemptOutcome Transient(string problem, int? statusCode = null, TimeSpan? retryAfter = null, Exception? error = null) =>
        new() { Problem = problem, StatusCode = statusCode, RetryAfter = retryAfter, Error = error };
}

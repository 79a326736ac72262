namespace Nyc311.Ingest;

/// <summary>Socrata answered 401 or 403: the app token (or its absence) was refused. The token itself is never shown.</summary>
public sealed class SocrataAccessDeniedException : SocrataException
{
    private SocrataAccessDeniedException(string dataset, long offset, int attempts, int statusCode, bool tokenSent)
        : base(dataset, offset, attempts, $"Socrata refused access to dataset {dataset} (HTTP {statusCode}); {(tokenSent ? "the app token from NYC311_APP_TOKEN was rejected" : "no app token was sent: set NYC311_APP_TOKEN")}", null)
    {
        StatusCode = statusCode;
        TokenSent = tokenSent;
    }

    /// <summary>401 or 403.</summary>
    public int StatusCode { get; }

    /// <summary>Whether the request carried an <c>X-App-Token</c>.</summary>
    public bool TokenSent { get; }

    internal static SocrataAccessDeniedException WithStatus(string dataset, long offset, int attempts, int statusCode, bool tokenSent) =>
        new(dataset, offset, attempts, statusCode, tokenSent);
}

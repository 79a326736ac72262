namespace Nyc311.Ingest;

/// <summary>
/// Socrata refused the query itself (a 4xx other than 401, 403, 408 and 429), so retrying cannot
/// help: for example a malformed <c>$where</c> or an unknown dataset.
/// </summary>
public sealed class SocrataRequestRejectedException : SocrataException
{
    private SocrataRequestRejectedException(string dataset, long offset, int attempts, int statusCode, string serverMessage)
        : base(dataset, offset, attempts, $"Socrata rejected the query on dataset {dataset} at offset {offset} with HTTP {statusCode}: {serverMessage}", null)
    {
        StatusCode = statusCode;
        ServerMessage = serverMessage;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The start of the response body (Socrata explains the error there).</summary>
    public string ServerMessage { get; }

    internal static SocrataRequestRejectedException WithStatus(string dataset, long offset, int attempts, int statusCode, string serverMessage) =>
        new(dataset, offset, attempts, statusCode, serverMessage);
}

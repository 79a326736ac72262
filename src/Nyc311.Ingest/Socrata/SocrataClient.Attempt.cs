using System.Net;
using System.Net.Http.Headers;

namespace Nyc311.Ingest.Socrata;

public sealed partial class SocrataClient
{
    private const int ServerMessageLength = 500;

    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");

    /// <summary>One request for a page, bounded by <see cref="SocrataOptions.Timeout"/> from request to last byte.</summary>
    private async Task<AttemptOutcome> AttemptAsync(string dataset, long offset, int attempt, Uri uri, Run run, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.Timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Accept.Add(Json);
            appToken.ApplyTo(request);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return await ReadPageAsync(response, run, linked.Token);
            }

            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                return AttemptOutcome.Failed(SocrataAccessDeniedException.WithStatus(dataset, offset, attempt, status, appToken.IsPresent));
            }

            if (IsTransient(response.StatusCode))
            {
                var retryAfter = Backoff.RetryAfter(response.Headers.RetryAfter, timeProvider.GetUtcNow());
                return AttemptOutcome.Transient($"HTTP {status} {response.ReasonPhrase}".TrimEnd(), status, retryAfter);
            }

            if (status is >= 200 and < 300)
            {
                return AttemptOutcome.MalformedBody($"expected HTTP 200 with a JSON array, got HTTP {status}");
            }

            var message = await ReadServerMessageAsync(response, linked.Token);
            return AttemptOutcome.Failed(SocrataRequestRejectedException.WithStatus(dataset, offset, attempt, status, message));
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            return AttemptOutcome.Transient($"no complete response within {options.Timeout.TotalSeconds:0.###} s", error: e);
        }
        catch (HttpRequestException e)
        {
            return AttemptOutcome.Transient($"network error: {e.Message}", error: e);
        }
        catch (IOException e)
        {
            return AttemptOutcome.Transient($"network error while reading the response: {e.Message}", error: e);
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.Accepted or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
        || (int)status >= 500;

    private static async Task<AttemptOutcome> ReadPageAsync(HttpResponseMessage response, Run run, CancellationToken cancellationToken)
    {
        // The whole body is read before parsing, so a page that breaks off half-way is retried
        // as a whole and never yields half a page.
        run.Body.SetLength(0);
        await response.Content.CopyToAsync(run.Body, cancellationToken);
        var body = run.Body.GetBuffer().AsSpan(0, checked((int)run.Body.Length));
        var (page, problem) = SocrataPageParser.Parse(body, run.Parser);
        return page is not null ? AttemptOutcome.Succeeded(page) : AttemptOutcome.MalformedBody(problem!);
    }

    private static async Task<string> ReadServerMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = (await response.Content.ReadAsStringAsync(cancellationToken)).ReplaceLineEndings(" ").Trim();
        if (text.Length == 0)
        {
            return response.ReasonPhrase ?? "no details";
        }

        return text.Length > ServerMessageLength ? text[..ServerMessageLength] + "..." : text;
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Nyc311.Anomalies.Alerts;

/// <summary>
/// POSTs each alert as JSON to a URL. A network error, a timeout, 408, 429 or a 5xx answer is retried up
/// to <see cref="WebhookAlertOptions.MaxRetries"/> times, waiting <see cref="WebhookAlertOptions.RetryDelay"/>
/// doubled each time (or the server's Retry-After); any other answer fails at once.
/// </summary>
public sealed class WebhookAlertSink(HttpClient http, WebhookAlertOptions options, TimeProvider time) : IAlertSink
{
    private readonly Uri _url = new(options.Url ?? throw new ArgumentException("the webhook needs a URL", nameof(options)));

    public string Name => "webhook";

    /// <summary>Attempts made by the last send (1 without retries), for reports and tests.</summary>
    public int LastAttempts { get; private set; }

    public async Task SendAsync(Alert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var body = alert.ToJsonLine();
        var delay = options.RetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            LastAttempts = attempt;
            string failure;
            TimeSpan? retryAfter = null;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(options.Timeout);
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(_url, content, timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                failure = $"{_url.GetLeftPart(UriPartial.Path)} answered {(int)response.StatusCode} {response.ReasonPhrase}";
                if (!IsTransient(response.StatusCode))
                {
                    throw AlertDeliveryException.Failed(Name, failure);
                }

                retryAfter = RetryAfter(response.Headers.RetryAfter);
            }
            catch (HttpRequestException e)
            {
                failure = $"{_url.GetLeftPart(UriPartial.Path)}: {e.Message}";
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure = $"{_url.GetLeftPart(UriPartial.Path)}: no answer within {options.Timeout.TotalSeconds:0.#} s";
            }

            if (attempt > options.MaxRetries)
            {
                throw AlertDeliveryException.Failed(Name, $"{failure} (gave up after {attempt} attempts)");
            }

            await Task.Delay(retryAfter ?? delay, time, cancellationToken);
            delay *= 2;
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}

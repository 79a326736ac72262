namespace Nyc311.Anomalies.Alerts;

/// <summary>Builds the sinks <see cref="AlertOptions"/> configures.</summary>
public static class AlertSinks
{
    /// <param name="options">Which sinks, and their settings.</param>
    /// <param name="console">Where the console sink writes (standard output in the CLI).</param>
    /// <param name="http">The client the webhook uses (the caller owns it); needed only with a webhook URL.</param>
    /// <param name="time">Clock for retry delays.</param>
    /// <param name="environment">Reads environment variables (the SMTP password).</param>
    public static IReadOnlyList<IAlertSink> Create(AlertOptions options, TextWriter? console, HttpClient? http, TimeProvider time, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sinks = new List<IAlertSink>();
        if (options.Console && console is not null)
        {
            sinks.Add(new ConsoleAlertSink(console));
        }

        if (options.JsonLinesPath is { Length: > 0 } path)
        {
            sinks.Add(new JsonLinesAlertSink(path));
        }

        if (options.Webhook.Url is { Length: > 0 })
        {
            sinks.Add(new WebhookAlertSink(http ?? throw new ArgumentNullException(nameof(http), "a webhook needs an HttpClient"), options.Webhook, time));
        }

        if (options.Smtp.Host is { Length: > 0 })
        {
            sinks.Add(new SmtpAlertSink(options.Smtp, environment));
        }

        return sinks;
    }
}

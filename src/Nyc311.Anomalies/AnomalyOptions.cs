using System.ComponentModel.DataAnnotations;

namespace Nyc311.Anomalies;

/// <summary>
/// Settings of anomaly detection and alerting (configuration section <c>Anomalies</c>). Every default is
/// stated on its property. Secrets are never settings: the SMTP password is read from the environment
/// variable named by <see cref="SmtpAlertOptions.PasswordVariable"/>.
/// </summary>
public sealed class AnomalyOptions : IValidatableObject
{
    public const string SectionName = "Anomalies";

    /// <summary>
    /// The detector: <c>ensemble</c> (default: the count forecast, robust z-score and STL combined),
    /// <c>count_forecast</c> (Poisson or negative binomial around the expectation), <c>forecast_interval</c>
    /// (the plain interval method of the original design), <c>robust_z</c> or <c>stl</c>.
    /// </summary>
    [Required]
    [AllowedValues("ensemble", "count_forecast", "forecast_interval", "robust_z", "stl")]
    public string Detector { get; set; } = "ensemble";

    /// <summary>
    /// How a day's expected requests are computed from the days before it when <c>gold.forecasts</c> has no
    /// forecast for it: <c>weekday_median</c> (default: median of the same weekday in the last five weeks,
    /// Sundays for holidays), <c>seasonal_naive</c> or <c>moving_average</c> (the forecasting baselines) or
    /// <c>prophet</c> (the Prophet port, refitted for every day: slow on hundreds of series).
    /// </summary>
    [Required]
    [AllowedValues("weekday_median", "seasonal_naive", "moving_average", "prophet")]
    public string Expectation { get; set; } = "weekday_median";

    /// <summary>Predictive distribution of counts: <c>negative_binomial</c> (default; dispersion estimated per series) or <c>poisson</c>.</summary>
    [Required]
    [AllowedValues("negative_binomial", "poisson")]
    public string Distribution { get; set; } = "negative_binomial";

    /// <summary>Use <c>gold.forecasts</c> where it has a forecast made before the day; default true.</summary>
    public bool UseForecasts { get; set; } = true;

    /// <summary>False discovery rate bound across the series of one day (Benjamini-Hochberg), per direction; default 0.01.</summary>
    [Range(1e-9, 0.5)]
    public double FdrLevel { get; set; } = 0.01;

    /// <summary>Days with a value a series needs before a day can be judged; default 28.</summary>
    [Range(7, 3650)]
    public int MinHistoryDays { get; set; } = 28;

    /// <summary>Days of history before a judged day that detection reads; default 91 (enough for five weeks of weekday medians over an eight-week residual window).</summary>
    [Range(28, 3650)]
    public int HistoryDays { get; set; } = 91;

    /// <summary>Past days whose residuals give a series' spread (dispersion, MAD, STL window); default 56.</summary>
    [Range(14, 730)]
    public int ResidualWindowDays { get; set; } = 56;

    /// <summary>How many of the latest days each run judges (again); default 7. Re-judging is idempotent and catches days reloaded since.</summary>
    [Range(1, 366)]
    public int LookbackDays { get; set; } = 7;

    /// <summary>Probability held by the expected range shown with each day (lower-upper); default 0.95.</summary>
    [Range(0.5, 0.9999)]
    public double RangeWidth { get; set; } = 0.95;

    /// <summary>Width of the plain forecast interval (<c>forecast_interval</c> detector, own expectation); default 0.80 as Prophet's.</summary>
    [Range(0.5, 0.9999)]
    public double IntervalWidth { get; set; } = 0.80;

    /// <summary>A spike needs at least this many requests on the day; default 10.</summary>
    [Range(0, 1e9)]
    public double MinObserved { get; set; } = 10;

    /// <summary>A spike or drop needs at least this many requests more (or fewer) than expected; default 5.</summary>
    [Range(0, 1e9)]
    public double MinExcess { get; set; } = 5;

    /// <summary>A drop is only reported for a series expecting at least this many requests; default 20.</summary>
    [Range(0, 1e9)]
    public double MinDropExpected { get; set; } = 20;

    /// <summary>A total below this share of its expected level (on a day that is no holiday) is a partial day, a data problem; default 0.5.</summary>
    [Range(0.01, 0.99)]
    public double PartialDayShare { get; set; } = 0.5;

    /// <summary>The partial-day check applies to totals expecting at least this many requests; default 100.</summary>
    [Range(0, 1e9)]
    public double PartialDayMinExpected { get; set; } = 100;

    /// <summary>
    /// Bulk re-classification: a type that lost at least this share of its expected requests while another
    /// gained a comparable number (within a factor of 2) and the day's total stayed normal; default 0.7.
    /// </summary>
    [Range(0.1, 1)]
    public double ReclassificationShare { get; set; } = 0.7;

    /// <summary>An open incident without an anomalous day for this many judged days is resolved; default 3.</summary>
    [Range(1, 365)]
    public int ResolveAfterDays { get; set; } = 3;

    /// <summary>Where alerts go.</summary>
    public AlertOptions Alerts { get; set; } = new();

    /// <summary>Fails with an <see cref="AnomalyOptionsException"/> listing every problem.</summary>
    public AnomalyOptions Validate()
    {
        var results = new List<ValidationResult>();
        var context = new ValidationContext(this);
        if (!Validator.TryValidateObject(this, context, results, validateAllProperties: true))
        {
            // The validator skips the cross-field checks once a property fails; list those problems too.
            results.AddRange(((IValidatableObject)this).Validate(context));
            throw AnomalyOptionsException.Invalid(results.Select(r => r.ErrorMessage ?? "invalid value").Distinct());
        }

        return this;
    }

    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext)
    {
        if (MinHistoryDays > HistoryDays)
        {
            yield return new ValidationResult($"MinHistoryDays ({MinHistoryDays}) cannot exceed HistoryDays ({HistoryDays})", [nameof(MinHistoryDays)]);
        }

        if (ResidualWindowDays >= HistoryDays)
        {
            yield return new ValidationResult($"ResidualWindowDays ({ResidualWindowDays}) must be below HistoryDays ({HistoryDays})", [nameof(ResidualWindowDays)]);
        }

        foreach (var problem in Alerts.Problems())
        {
            yield return new ValidationResult(problem, [nameof(Alerts)]);
        }
    }
}

/// <summary>Alert sinks (section <c>Anomalies:Alerts</c>). Each new incident is sent once to every sink configured.</summary>
public sealed class AlertOptions
{
    /// <summary>Print alerts on standard output; default true.</summary>
    public bool Console { get; set; } = true;

    /// <summary>Append one JSON object per alert to this file; default none.</summary>
    public string? JsonLinesPath { get; set; }

    public WebhookAlertOptions Webhook { get; set; } = new();

    public SmtpAlertOptions Smtp { get; set; } = new();

    internal IEnumerable<string> Problems()
    {
        if (Webhook.Url is { Length: > 0 } url && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            yield return $"Alerts:Webhook:Url '{url}' is not an absolute http(s) URL";
        }

        if (Webhook.MaxRetries is < 0 or > 20)
        {
            yield return $"Alerts:Webhook:MaxRetries ({Webhook.MaxRetries}) must be 0-20";
        }

        if (Webhook.RetryDelay < TimeSpan.Zero || Webhook.Timeout <= TimeSpan.Zero)
        {
            yield return "Alerts:Webhook:RetryDelay must be 0 or more and Timeout positive";
        }

        if (Smtp.Host is { Length: > 0 })
        {
            if (Smtp.Port is < 1 or > 65535)
            {
                yield return $"Alerts:Smtp:Port ({Smtp.Port}) must be 1-65535";
            }

            if (string.IsNullOrWhiteSpace(Smtp.From) || !Smtp.From.Contains('@', StringComparison.Ordinal))
            {
                yield return "Alerts:Smtp:From must be an e-mail address when Alerts:Smtp:Host is set";
            }

            if (Smtp.To.Count == 0 || Smtp.To.Any(t => !t.Contains('@', StringComparison.Ordinal)))
            {
                yield return "Alerts:Smtp:To must list at least one e-mail address when Alerts:Smtp:Host is set";
            }

            if (Smtp.Security is not ("auto" or "none" or "starttls" or "ssl"))
            {
                yield return $"Alerts:Smtp:Security '{Smtp.Security}' must be auto, none, starttls or ssl";
            }
        }
    }
}

/// <summary>HTTP POST of each alert as JSON (section <c>Anomalies:Alerts:Webhook</c>).</summary>
public sealed class WebhookAlertOptions
{
    /// <summary>The receiver's URL; none by default (no webhook).</summary>
    public string? Url { get; set; }

    /// <summary>Retries after a failed attempt (network error, 408, 429 or 5xx); default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Delay before the first retry, doubled for each further one (a Retry-After header wins); default 1 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Timeout of one attempt; default 10 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>E-mail over SMTP (section <c>Anomalies:Alerts:Smtp</c>).</summary>
public sealed class SmtpAlertOptions
{
    /// <summary>The SMTP server; none by default (no e-mail).</summary>
    public string? Host { get; set; }

    /// <summary>Default 25.</summary>
    public int Port { get; set; } = 25;

    /// <summary><c>auto</c> (default: STARTTLS when offered), <c>none</c>, <c>starttls</c> or <c>ssl</c>.</summary>
    public string Security { get; set; } = "auto";

    public string? From { get; set; }

    public IList<string> To { get; set; } = [];

    /// <summary>User name for SMTP authentication; none by default (no authentication).</summary>
    public string? Username { get; set; }

    /// <summary>The environment variable holding the SMTP password (never a setting, never logged); default <c>NYC311_SMTP_PASSWORD</c>.</summary>
    public string PasswordVariable { get; set; } = "NYC311_SMTP_PASSWORD";
}

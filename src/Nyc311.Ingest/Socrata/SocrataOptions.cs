using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Nyc311.Ingest.Socrata;

/// <summary>
/// Settings of the NYC Open Data (Socrata SODA 2.x) client, bound from the configuration section
/// <c>Socrata</c>. The app token is not here: it comes only from the environment variable
/// <c>NYC311_APP_TOKEN</c> (see <see cref="SocrataAppToken"/>).
/// </summary>
public sealed class SocrataOptions : IValidatableObject
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Socrata";

    private const string DatasetIdPattern = "^[a-z0-9]{4}-[a-z0-9]{4}$";

    /// <summary>Root of the portal; default <c>https://data.cityofnewyork.us</c>. Requests go to <c>{BaseUrl}/resource/{dataset}.json</c>.</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new("https://data.cityofnewyork.us");

    /// <summary>The dataset of current requests (2020 to present); default <c>erm2-nwe9</c>. Incremental runs read only this one.</summary>
    [Required]
    [RegularExpression(DatasetIdPattern)]
    public string CurrentDataset { get; set; } = "erm2-nwe9";

    /// <summary>The dataset of historical requests (2010 to 2019); default <c>76ig-c548</c>.</summary>
    [Required]
    [RegularExpression(DatasetIdPattern)]
    public string HistoricalDataset { get; set; } = "76ig-c548";

    /// <summary>
    /// First <c>created_date</c> day held by <see cref="CurrentDataset"/>; earlier days are read
    /// from <see cref="HistoricalDataset"/>. Default 2020-01-01.
    /// </summary>
    public DateOnly CurrentDatasetStartsOn { get; set; } = new(2020, 1, 1);

    /// <summary>Records per request (<c>$limit</c>); default and maximum 50,000 (the SODA 2.0 limit).</summary>
    [Range(1, 50_000)]
    public int PageSize { get; set; } = 50_000;

    /// <summary>How long one attempt (request and whole response body) may take before it counts as timed out and is retried; default 2 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Retries per page after the first attempt; default 5 (so at most 6 requests).</summary>
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 5;

    /// <summary>
    /// Backoff before the first retry; it doubles with every further retry up to
    /// <see cref="MaxDelay"/>, and each wait is drawn uniformly from its upper half (jitter).
    /// Default 1 second.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts, a server's <c>Retry-After</c> included; default 1 minute.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Client-side rate limit: requests started per second at most; default 2.</summary>
    [Range(0.01, 1000.0)]
    public double RequestsPerSecond { get; set; } = 2;

    /// <summary>
    /// How far before the stored watermark an incremental run starts (<c>:updated_at &gt; watermark - Overlap</c>),
    /// so that rows changed while the previous run paged are read again; default 1 hour.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan Overlap { get; set; } = TimeSpan.FromHours(1);

    /// <summary>With no watermark at all, an incremental run reads rows updated within this span before now; default 7 days.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan InitialLookback { get; set; } = TimeSpan.FromDays(7);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BaseUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
        {
            yield return new ValidationResult("BaseUrl must be an absolute http or https URL.", [nameof(BaseUrl)]);
        }

        if (MaxDelay < BaseDelay)
        {
            yield return new ValidationResult("MaxDelay must not be shorter than BaseDelay.", [nameof(MaxDelay), nameof(BaseDelay)]);
        }

        if (string.Equals(CurrentDataset, HistoricalDataset, StringComparison.Ordinal))
        {
            yield return new ValidationResult("CurrentDataset and HistoricalDataset must differ.", [nameof(CurrentDataset), nameof(HistoricalDataset)]);
        }
    }

    /// <summary>Checks the validation attributes, for a client built without dependency injection.</summary>
    internal void ThrowIfInvalid()
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true))
        {
            throw new OptionsValidationException(
                SectionName,
                typeof(SocrataOptions),
                results.Select(r => r.ErrorMessage ?? "invalid value"));
        }
    }
}

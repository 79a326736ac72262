using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Nyc311.Ingest.Socrata;

/// <summary>
/// Reads 311 service requests from NYC Open Data through the Socrata SODA 2.x API: a backfill over
/// a range of created dates, or the rows changed since a watermark. Each page becomes one
/// <see cref="RecordBatch"/>; retries, the rate limit and timeouts are handled inside.
/// </summary>
public sealed partial class SocrataClient
{
    private readonly HttpClient http;
    private readonly SocrataOptions options;
    private readonly SocrataAppToken appToken;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<SocrataClient> logger;
    private readonly RequestPacer pacer;

    /// <summary>Creates a client; dependency injection does this through <c>AddSocrataClient</c>.</summary>
    /// <param name="httpClient">The HTTP client; its own timeout should be infinite (the client enforces <see cref="SocrataOptions.Timeout"/> per attempt).</param>
    /// <param name="options">The settings; validated here.</param>
    /// <param name="appToken">The app token (or <see cref="SocrataAppToken.None"/>).</param>
    /// <param name="timeProvider">The clock of all waits and timeouts.</param>
    /// <param name="logger">Receives pages read and retries; never the token.</param>
    public SocrataClient(
        HttpClient httpClient,
        IOptions<SocrataOptions> options,
        SocrataAppToken appToken,
        TimeProvider timeProvider,
        ILogger<SocrataClient> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(appToken);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        this.options = options.Value;
        this.options.ThrowIfInvalid();
        http = httpClient;
        this.appToken = appToken;
        this.timeProvider = timeProvider;
        this.logger = logger;
        pacer = new RequestPacer(this.options.RequestsPerSecond, timeProvider);
    }

    /// <summary>The dataset the incremental load reads (<c>erm2-nwe9</c> unless configured otherwise).</summary>
    public string CurrentDataset => options.CurrentDataset;

    /// <summary>
    /// Reads every request whose <c>created_date</c> (New York wall-clock time) falls in the
    /// half-open range [<paramref name="since"/>, <paramref name="until"/>), from whichever
    /// datasets hold those days: <c>76ig-c548</c> before 2020, <c>erm2-nwe9</c> from 2020 on.
    /// </summary>
    /// <param name="since">First day read (midnight, inclusive).</param>
    /// <param name="until">Day after the last one read (midnight, exclusive).</param>
    /// <param name="progress">Receives a report after every page and before every retry wait.</param>
    /// <param name="cancellationToken">Stops the run; the exception is an <see cref="OperationCanceledException"/>.</param>
    /// <returns>
    /// One batch per non-empty page, in order, ending with exactly one batch whose
    /// <see cref="RecordBatch.IsFinal"/> is set (it carries the newest <c>:updated_at</c> seen).
    /// </returns>
    /// <exception cref="SocrataException">A page failed for good (see its subclasses).</exception>
    public IAsyncEnumerable<RecordBatch> ReadBackfillAsync(
        DateOnly since,
        DateOnly until,
        IProgress<IngestProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(until, since);
        return ReadAsync(SocrataQueryPlan.Backfill(options, since, until), null, progress, cancellationToken);
    }

    /// <summary>
    /// Reads the requests of the current dataset changed since the stored watermark: rows with
    /// <c>:updated_at</c> after <paramref name="watermark"/> minus <see cref="SocrataOptions.Overlap"/>,
    /// or, with no watermark, within <see cref="SocrataOptions.InitialLookback"/> before now.
    /// </summary>
    /// <param name="watermark">The newest <c>:updated_at</c> stored by the previous run, or null.</param>
    /// <param name="progress">Receives a report after every page and before every retry wait.</param>
    /// <param name="cancellationToken">Stops the run; the exception is an <see cref="OperationCanceledException"/>.</param>
    /// <returns>
    /// One batch per non-empty page, ending with exactly one final batch whose
    /// <see cref="RecordBatch.NewestUpdatedAt"/> is the watermark to store with it (never older
    /// than <paramref name="watermark"/>).
    /// </returns>
    /// <exception cref="SocrataException">A page failed for good (see its subclasses).</exception>
    public IAsyncEnumerable<RecordBatch> ReadIncrementalAsync(
        DateTimeOffset? watermark,
        IProgress<IngestProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var query = SocrataQueryPlan.Incremental(options, watermark, timeProvider.GetUtcNow());
        return ReadAsync([query], watermark, progress, cancellationToken);
    }
}

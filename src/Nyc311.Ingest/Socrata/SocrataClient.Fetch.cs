using Microsoft.Extensions.Logging;

namespace Nyc311.Ingest.Socrata;

public sealed partial class SocrataClient
{
    /// <summary>Fetches one page, retrying transient failures and malformed bodies.</summary>
    private async Task<(SocrataPage Page, int Retries)> FetchPageAsync(
        SocrataQuery query,
        long offset,
        Run run,
        IProgress<IngestProgress>? progress,
        CancellationToken cancellationToken)
    {
        var uri = query.PageUri(options.BaseUrl, offset, options.PageSize);
        for (var attempt = 1; ; attempt++)
        {
            await pacer.WaitAsync(cancellationToken);
            var outcome = await AttemptAsync(query.Dataset, offset, attempt, uri, run, cancellationToken);
            if (outcome.Page is { } page)
            {
                return (page, attempt - 1);
            }

            if (outcome.Fatal is { } fatal)
            {
                throw fatal;
            }

            if (attempt > options.MaxRetries)
            {
                throw outcome.Malformed
                    ? MalformedPageException.After(query.Dataset, offset, attempt, outcome.Problem)
                    : SocrataUnavailableException.RetriesExhausted(query.Dataset, offset, attempt, outcome.Problem, outcome.StatusCode, outcome.Error);
            }

            var delay = outcome.RetryAfter is { } asked
                ? (asked < options.MaxDelay ? asked : options.MaxDelay)
                : Backoff.Delay(attempt, options.BaseDelay, options.MaxDelay, Random.Shared.NextDouble());
            run.Retries++;
            logger.LogWarning(
                "Socrata {Dataset} offset {Offset}: attempt {Attempt} failed ({Problem}); retrying in {Delay}",
                query.Dataset,
                offset,
                attempt,
                outcome.Problem,
                delay);
            progress?.Report(run.Progress(query.Dataset) with { Retry = new RetryNotice(attempt, delay, outcome.Problem) });
            await Task.Delay(delay, timeProvider, cancellationToken);
        }
    }
}

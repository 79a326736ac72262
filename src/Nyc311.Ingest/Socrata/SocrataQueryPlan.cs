namespace Nyc311.Ingest.Socrata;

/// <summary>Which queries a backfill or an incremental run sends.</summary>
internal static class SocrataQueryPlan
{
    /// <summary>
    /// The queries of a backfill over the half-open <c>created_date</c> range [since, until): the
    /// historical dataset for the days before <see cref="SocrataOptions.CurrentDatasetStartsOn"/>,
    /// the current one from then on, each clipped to its own days (none when the range is empty).
    /// </summary>
    public static IReadOnlyList<SocrataQuery> Backfill(SocrataOptions options, DateOnly since, DateOnly until)
    {
        var split = options.CurrentDatasetStartsOn;
        var queries = new List<SocrataQuery>(2);
        if (since < until && since < split)
        {
            var end = until < split ? until : split;
            queries.Add(new SocrataQuery(options.HistoricalDataset, SoqlText.CreatedBetween(since, end)));
        }

        if (since < until && until > split)
        {
            var start = since > split ? since : split;
            queries.Add(new SocrataQuery(options.CurrentDataset, SoqlText.CreatedBetween(start, until)));
        }

        return queries;
    }

    /// <summary>
    /// The query of an incremental run: rows of the current dataset updated after the watermark
    /// minus the overlap, or, with no watermark, within the initial lookback before now.
    /// </summary>
    public static SocrataQuery Incremental(SocrataOptions options, DateTimeOffset? watermark, DateTimeOffset now)
    {
        var after = watermark is { } mark ? mark - options.Overlap : now - options.InitialLookback;
        return new SocrataQuery(options.CurrentDataset, SoqlText.UpdatedAfter(after));
    }
}

namespace Nyc311.Ingest;

/// <summary>
/// A unit of ingestion that the bronze sink appends in one commit: one API page, or up to
/// <see cref="Files.FileReadOptions.BatchSize"/> rows of a file.
/// </summary>
public sealed partial record RecordBatch
{
    /// <summary>Where the batch came from.</summary>
    public required SourceKind Source { get; init; }

    /// <summary>Socrata dataset id (<c>erm2-nwe9</c>, <c>76ig-c548</c>), or null for files of unknown origin.</summary>
    public string? Dataset { get; init; }

    /// <summary>File name (without folder) for file sources; null for the API.</summary>
    public string? SourceFile { get; init; }

    /// <summary>0-based number of the batch within its run.</summary>
    public required int Sequence { get; init; }

    /// <summary>
    /// For the API, the <c>$offset</c> of the page within its query; for files, the number of rows
    /// (records and rejected rows) read before this batch.
    /// </summary>
    public required long Offset { get; init; }

    /// <summary>The records, in source order.</summary>
    public required IReadOnlyList<SourceRecord> Records { get; init; }

    /// <summary>Rows of a file source that could not be read; always empty for the API.</summary>
    public IReadOnlyList<RejectedRow> Rejected { get; init; } = [];

    /// <summary>How many times a request for this batch was retried (0 when the first attempt succeeded).</summary>
    public int Retries { get; init; }

    /// <summary>
    /// The newest Socrata <c>:updated_at</c> of this batch's <see cref="Dataset"/> seen in the run
    /// up to and including this batch, never older than the watermark an incremental run started
    /// from; null when none was seen (files, or an empty run without a watermark). Pages are
    /// ordered by <c>:id</c>, not by <c>:updated_at</c>, so only the value on the
    /// <see cref="IsFinal"/> batch is safe to store as the dataset's watermark: rows still to come
    /// may be older than a mid-run value.
    /// </summary>
    public DateTimeOffset? NewestUpdatedAt { get; init; }

    /// <summary>
    /// Whether this is the last batch of the run. Every run ends with exactly one final batch,
    /// which may hold no records (when the last page came back empty); commit the watermark with it.
    /// </summary>
    public bool IsFinal { get; init; }

    /// <summary>The value bronze stores in <c>_source</c>: <c>api</c>, <c>csv</c> or <c>json</c>.</summary>
    public string SourceName => Source switch
    {
        SourceKind.Api => "api",
        SourceKind.Csv => "csv",
        _ => "json",
    };
}

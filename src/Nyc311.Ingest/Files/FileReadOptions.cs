namespace Nyc311.Ingest.Files;

/// <summary>How a file source is read.</summary>
public sealed record FileReadOptions
{
    /// <summary>The defaults.</summary>
    public static FileReadOptions Default { get; } = new();

    /// <summary>Rows (records and rejected rows together) per batch; default 50,000.</summary>
    public int BatchSize { get; init; } = 50_000;

    /// <summary>
    /// The longest record accepted, in characters for CSV and in bytes for JSON; default 1 MiB. A
    /// longer CSV record is almost always an unterminated quote: its first line is rejected and
    /// reading goes on from the next line, so one stray quote cannot swallow a whole file.
    /// </summary>
    public int MaxRecordLength { get; init; } = 1 << 20;

    /// <summary>The format, or null to detect it from the extension and the first bytes.</summary>
    public FileFormat? Format { get; init; }

    /// <summary>The Socrata dataset the file was exported from, if known; stamped on every batch.</summary>
    public string? Dataset { get; init; }
}

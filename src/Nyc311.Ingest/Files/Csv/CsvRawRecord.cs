namespace Nyc311.Ingest.Files.Csv;

/// <summary>The text of one CSV record, before it is split into fields.</summary>
/// <param name="Text">The record as it appears in the file, without its closing line break.</param>
/// <param name="Line">1-based line where the record starts.</param>
/// <param name="End">How the record ended.</param>
internal readonly record struct CsvRawRecord(string Text, long Line, CsvRecordEnd End);

/// <summary>How the scanner found the end of a record.</summary>
internal enum CsvRecordEnd
{
    /// <summary>At a line break outside quotes, or at the end of the file: a complete record.</summary>
    Complete,

    /// <summary>The file ended inside a quoted field: a truncated file or an unterminated quote.</summary>
    Unterminated,

    /// <summary>
    /// The record grew past the length limit; only its first line is returned, and scanning goes on
    /// from the line after it.
    /// </summary>
    TooLong,
}

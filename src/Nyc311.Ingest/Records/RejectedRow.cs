namespace Nyc311.Ingest;

/// <summary>
/// A row of a file source that could not be read as a record; it goes to quarantine while the rest
/// of the file still lands.
/// </summary>
/// <param name="File">File name (without folder).</param>
/// <param name="Line">1-based line where the row starts.</param>
/// <param name="Reason">Why the row was rejected, in words (for example <c>expected 41 fields, found 40</c>).</param>
/// <param name="RawText">
/// The row's text as it appears in the file (without its line break), cut to the reader's
/// maximum record length.
/// </param>
public sealed record RejectedRow(string File, long Line, string Reason, string RawText);

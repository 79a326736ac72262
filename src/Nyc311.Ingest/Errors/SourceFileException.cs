namespace Nyc311.Ingest;

/// <summary>A file source cannot be read at all (as opposed to single bad rows, which are rejected and quarantined).</summary>
public sealed class SourceFileException : IngestException
{
    private SourceFileException(string file, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        File = file;
    }

    /// <summary>The file's path as given.</summary>
    public string File { get; }

    internal static SourceFileException CannotOpen(string file, Exception innerException) =>
        new(file, $"Source file {file} cannot be opened: {innerException.Message}", innerException);

    internal static SourceFileException CannotRead(string file, Exception innerException) =>
        new(file, $"Source file {file} cannot be read: {innerException.Message}", innerException);

    internal static SourceFileException UnknownFormat(string file, string why) =>
        new(file, $"Cannot tell the format of {file}: {why}; use a .csv, .json, .ndjson or .jsonl file");

    internal static SourceFileException InvalidHeader(string file, string why) =>
        new(file, $"CSV file {file} has an unusable header: {why}");
}

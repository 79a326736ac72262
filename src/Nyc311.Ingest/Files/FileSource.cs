using System.Runtime.CompilerServices;
using System.Text;
using Nyc311.Ingest.Files.Csv;
using Nyc311.Ingest.Files.Json;

namespace Nyc311.Ingest.Files;

/// <summary>
/// Reads a file of 311 service requests, streaming: the portal's CSV export, a JSON array or JSON
/// objects in the API's format, or NDJSON. Bad rows do not stop the file: they come back as
/// <see cref="RejectedRow"/>s with their line and reason, and the rest still yields.
/// </summary>
public static class FileSource
{
    private const int BufferSize = 1 << 16;

    /// <summary>
    /// The format of a file: by extension (<c>.csv</c>, <c>.ndjson</c>, <c>.jsonl</c>), else by the
    /// first bytes (a <c>[</c> is a JSON array; a <c>{</c> is NDJSON when the first line holds one
    /// whole object, otherwise JSON objects one after another; a first line with commas is CSV).
    /// </summary>
    /// <exception cref="SourceFileException">The file cannot be opened or its format cannot be told.</exception>
    public static FileFormat DetectFormat(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return FileFormatDetector.Detect(path);
    }

    /// <summary>
    /// Reads the file as batches of at most <see cref="FileReadOptions.BatchSize"/> rows. Records
    /// carry the file name and their 1-based first line; CSV headers become API names and every
    /// value stays the string in the file.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Batch size, record length limit, format and dataset; null for the defaults.</param>
    /// <param name="progress">Receives a report after every batch (bytes read of the file's size).</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>Batches in file order; the last has <see cref="RecordBatch.IsFinal"/> set (an empty file gives one empty final batch).</returns>
    /// <exception cref="SourceFileException">The file cannot be opened, its format cannot be told, or its CSV header is unusable.</exception>
    public static IAsyncEnumerable<RecordBatch> ReadAsync(
        string path,
        FileReadOptions? options = null,
        IProgress<IngestProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= FileReadOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxRecordLength, 16, nameof(options));
        var format = options.Format ?? DetectFormat(path);
        return ReadBatchesAsync(path, format, options, progress, cancellationToken);
    }

    /// <summary>
    /// What bronze records a landed file by: a 128-bit XXH3 hash of its bytes as <c>xxh128:</c> and lower-case hex, and its
    /// length. Made for telling files apart, not against tampering, and it runs at the speed of the disk (SHA-256 here
    /// would cost about a tenth of parsing the file).
    /// </summary>
    /// <exception cref="SourceFileException">The file cannot be opened or read.</exception>
    public static async Task<(string Hash, long Bytes)> ContentHashAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        await using var stream = Open(path);
        var hash = new System.IO.Hashing.XxHash128();
        var buffer = new byte[1 << 20];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.Append(buffer.AsSpan(0, read));
            }
        }
        catch (IOException e)
        {
            throw SourceFileException.CannotRead(path, e);
        }

        return ("xxh128:" + Convert.ToHexStringLower(hash.GetCurrentHash()), stream.Length);
    }

    internal static FileStream Open(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw SourceFileException.CannotOpen(path, e);
        }
    }

    private static async IAsyncEnumerable<RecordBatch> ReadBatchesAsync(
        string path,
        FileFormat format,
        FileReadOptions options,
        IProgress<IngestProgress>? progress,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = Open(path);
        var name = Path.GetFileName(path);
        using var text = format == FileFormat.Csv ? new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferSize) : null;
        var rows = format switch
        {
            FileFormat.Csv => CsvRowReader.ReadAsync(text!, name, options.MaxRecordLength, BufferSize, cancellationToken),
            FileFormat.JsonLines => JsonRowReader.ReadLinesAsync(stream, name, options.MaxRecordLength, BufferSize, cancellationToken),
            _ => JsonRowReader.ReadDocumentAsync(stream, name, options.MaxRecordLength, BufferSize, cancellationToken),
        };
        var info = new FileSourceInfo(
            name,
            format == FileFormat.Csv ? SourceKind.Csv : SourceKind.Json,
            options.Dataset,
            stream.Length,
            () => stream.Position);
        await foreach (var batch in RowBatcher.BatchAsync(rows, info, options.BatchSize, progress, cancellationToken))
        {
            yield return batch;
        }
    }
}

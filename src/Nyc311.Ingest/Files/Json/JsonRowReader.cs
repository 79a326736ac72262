using System.Runtime.CompilerServices;
using System.Text;
using Nyc311.Ingest.Json;

namespace Nyc311.Ingest.Files.Json;

/// <summary>Reads JSON files in the API's format into rows: records, or rejected rows with their line and reason.</summary>
internal static class JsonRowReader
{
    /// <summary>A JSON array of records, or records one after another (see <see cref="FileFormat.Json"/>).</summary>
    public static async IAsyncEnumerable<SourceRow> ReadDocumentAsync(
        Stream stream,
        string fileName,
        int maxRecordLength,
        int bufferSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var scanner = new JsonValueScanner(stream, maxRecordLength, bufferSize);
        var parser = new JsonRecordParser();
        while (await scanner.NextAsync(cancellationToken) is { } slice)
        {
            yield return slice.Kind == JsonSliceKind.Value
                ? ToRow(parser, slice.Bytes.Span, fileName, slice.Line)
                : Reject(fileName, slice.Line, slice.Problem!, slice.Bytes.Span);
        }
    }

    /// <summary>NDJSON: one record per line; blank lines are skipped.</summary>
    public static async IAsyncEnumerable<SourceRow> ReadLinesAsync(
        Stream stream,
        string fileName,
        int maxRecordLength,
        int bufferSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var lines = new ByteLineReader(stream, maxRecordLength, bufferSize);
        var parser = new JsonRecordParser();
        while (await lines.NextAsync(cancellationToken) is { } line)
        {
            if (line.TooLong)
            {
                yield return Reject(fileName, line.Number, $"the line runs past {maxRecordLength} bytes", line.Bytes.Span);
            }
            else if (!IsBlank(line.Bytes.Span))
            {
                yield return ToRow(parser, line.Bytes.Span, fileName, line.Number);
            }
        }
    }

    private static SourceRow ToRow(JsonRecordParser parser, ReadOnlySpan<byte> json, string fileName, long line)
    {
        var parsed = parser.ParseStandalone(json, fileName, line);
        return parsed.Record is { } record ? SourceRow.Of(record) : Reject(fileName, line, parsed.Problem!, json);
    }

    private static SourceRow Reject(string fileName, long line, string problem, ReadOnlySpan<byte> raw) =>
        SourceRow.Reject(new RejectedRow(fileName, line, problem, Encoding.UTF8.GetString(raw)));

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim(" \t\r"u8).IsEmpty;
}

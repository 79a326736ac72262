using System.Text.Json;

namespace Nyc311.Ingest.Files;

/// <summary>Tells a file's format from its extension and, where that is not enough, its first bytes.</summary>
internal static class FileFormatDetector
{
    private const int SniffLength = 1 << 16;

    public static FileFormat Detect(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension == ".csv")
        {
            return FileFormat.Csv;
        }

        if (extension is ".ndjson" or ".jsonl")
        {
            return FileFormat.JsonLines;
        }

        var head = ReadHead(path);
        return FromContent(head) ?? (extension == ".json"
            ? FileFormat.Json
            : throw SourceFileException.UnknownFormat(path, "the extension is unknown and the content is neither JSON nor CSV"));
    }

    /// <summary>
    /// The format the first bytes show: a <c>[</c> starts a JSON array; a <c>{</c> starts NDJSON
    /// when the first line holds one whole value, else pretty-printed JSON objects; a first line
    /// with commas is CSV. Null when nothing fits.
    /// </summary>
    public static FileFormat? FromContent(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\uFEFF"u8))
        {
            head = head[3..];
        }

        var text = head.TrimStart(" \t\r\n"u8);
        if (text.IsEmpty)
        {
            return null;
        }

        if (text[0] == (byte)'[')
        {
            return FileFormat.Json;
        }

        var newline = text.IndexOf((byte)'\n');
        var firstLine = newline < 0 ? text : text[..newline];
        if (text[0] == (byte)'{')
        {
            return IsOneValue(firstLine) ? FileFormat.JsonLines : FileFormat.Json;
        }

        return firstLine.Contains((byte)',') ? FileFormat.Csv : null;
    }

    private static bool IsOneValue(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line);
        try
        {
            return reader.Read() && reader.TrySkip() && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static byte[] ReadHead(string path)
    {
        using var stream = FileSource.Open(path);
        var head = new byte[SniffLength];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return head[..read];
    }
}

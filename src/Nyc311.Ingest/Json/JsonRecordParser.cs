using System.Text;
using System.Text.Json;

namespace Nyc311.Ingest.Json;

/// <summary>
/// Reads one JSON object in the API's format into a <see cref="SourceRecord"/>: strings as their
/// value, numbers and booleans as their JSON text, <c>null</c> as null, nested objects and arrays
/// (<c>location</c>) as their JSON text exactly as received. Not thread-safe: one per reader.
/// </summary>
internal sealed class JsonRecordParser
{
    private const int StackNameLength = 256;

    private readonly FieldNameTable names = new();
    private readonly List<KeyValuePair<string, string?>> fields = new(48);
    private long recordNumber;

    /// <summary>
    /// Reads the object whose <c>StartObject</c> token <paramref name="reader"/> is on; on success
    /// the reader is left on the matching <c>EndObject</c>. <paramref name="source"/> is the data
    /// the reader was created over (nested values are sliced from it).
    /// </summary>
    /// <exception cref="JsonException">The JSON is invalid.</exception>
    public RecordParse ParseObject(ref Utf8JsonReader reader, ReadOnlySpan<byte> source, string? file, long? line)
    {
        recordNumber++;
        fields.Clear();
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return RecordParse.Success(new SourceRecord(fields.ToArray(), file, line));
            }

            var name = ReadName(ref reader);
            if (name.LastRecord == recordNumber)
            {
                return RecordParse.Failure($"field {name.Name} appears twice");
            }

            name.LastRecord = recordNumber;
            reader.Read();
            fields.Add(new(name.Name, ReadValue(ref reader, source, name)));
        }

        return RecordParse.Failure("the record ends before its closing '}'");
    }

    /// <summary>Reads a whole JSON text that must be exactly one object (one NDJSON line, one array element).</summary>
    public RecordParse ParseStandalone(ReadOnlySpan<byte> json, string? file, long? line)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            if (!reader.Read())
            {
                return RecordParse.Failure("the record is empty");
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return RecordParse.Failure($"the record is {JsonTokens.Describe(reader.TokenType)}, not an object");
            }

            var parsed = ParseObject(ref reader, json, file, line);
            if (parsed.Record is not null)
            {
                // Anything but whitespace after the object makes the reader throw.
                reader.Read();
            }

            return parsed;
        }
        catch (JsonException e)
        {
            return RecordParse.Failure("invalid JSON: " + JsonTokens.Explain(e));
        }
    }

    private FieldName ReadName(ref Utf8JsonReader reader)
    {
        var length = reader.ValueSpan.Length;
        if (length <= StackNameLength)
        {
            Span<char> buffer = stackalloc char[StackNameLength];
            var written = reader.CopyString(buffer);
            return names.Get(buffer[..written]);
        }

        return names.Get(reader.GetString());
    }

    private static string? ReadValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> source, FieldName name)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String when reader.ValueSpan.Length <= StackNameLength:
                Span<char> buffer = stackalloc char[StackNameLength];
                return name.Values.Get(buffer[..reader.CopyString(buffer)]);
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                var start = checked((int)reader.TokenStartIndex);
                reader.Skip();
                return Encoding.UTF8.GetString(source[start..checked((int)reader.BytesConsumed)]);
            default:
                // Numbers and booleans: the JSON text itself, as received.
                return Encoding.UTF8.GetString(reader.ValueSpan);
        }
    }
}

using System.Globalization;
using System.Text.Json;
using Nyc311.Ingest.Json;

namespace Nyc311.Ingest.Socrata;

/// <summary>Reads a response body that must be a JSON array of objects.</summary>
internal static class SocrataPageParser
{
    private const string UpdatedAtField = "socrata_updated_at";

    /// <summary>The page, or the problem that makes the body malformed.</summary>
    public static (SocrataPage? Page, string? Problem) Parse(ReadOnlySpan<byte> body, JsonRecordParser parser)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        var records = new List<SourceRecord>();
        DateTimeOffset? newest = null;
        try
        {
            if (!reader.Read())
            {
                return (null, "the response body is empty");
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                return (null, $"the response is {JsonTokens.Describe(reader.TokenType)}, not a JSON array");
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    return (null, $"record {records.Count} is {JsonTokens.Describe(reader.TokenType)}, not an object");
                }

                var parsed = parser.ParseObject(ref reader, body, file: null, line: null);
                if (parsed.Record is not { } record)
                {
                    return (null, $"record {records.Count}: {parsed.Problem}");
                }

                records.Add(record);
                newest = Newer(newest, record.GetValueOrDefault(UpdatedAtField));
            }

            // Trailing content after the array makes the reader throw here.
            reader.Read();
            return (new SocrataPage(records, newest), null);
        }
        catch (JsonException e)
        {
            return (null, $"invalid JSON at byte {reader.BytesConsumed} of {body.Length} (after {records.Count} complete records): {JsonTokens.Explain(e)}");
        }
    }

    private static DateTimeOffset? Newer(DateTimeOffset? newest, string? updatedAt)
    {
        if (updatedAt is null
            || !DateTimeOffset.TryParse(updatedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return newest;
        }

        return newest is null || value > newest ? value : newest;
    }
}

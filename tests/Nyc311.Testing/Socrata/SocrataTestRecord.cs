using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Nyc311.Testing.Socrata.Soql;

namespace Nyc311.Testing.Socrata;

/// <summary>
/// One row held by the loopback server: its system fields, and its data fields as the JSON object
/// text they arrived in (values byte for byte, so nested <c>location</c> text survives exactly).
/// Immutable: an update makes a new row.
/// </summary>
internal sealed class SocrataTestRecord
{
    private static readonly JsonWriterOptions RelaxedWriter = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private SocrataTestRecord(string id, DateTimeOffset createdAt, DateTimeOffset updatedAt, byte[] body)
    {
        Id = id;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
        Body = body;
        UniqueKey = FieldText("unique_key");
        CreatedDate = FieldText("created_date");
        CreatedDateTicks = CreatedDate is null ? null : SoqlValue.TryTimestamp(CreatedDate);
        UniqueKeyNumber = decimal.TryParse(UniqueKey, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    /// <summary>The Socrata row id (<c>:id</c>).</summary>
    public string Id { get; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; }

    /// <summary>The data fields as one JSON object, UTF-8.</summary>
    public byte[] Body { get; }

    public string? UniqueKey { get; }

    public string? CreatedDate { get; }

    private long? CreatedDateTicks { get; }

    private decimal? UniqueKeyNumber { get; }

    /// <summary>
    /// A row from one JSON object in the API's format. System fields in it (<c>:id</c>,
    /// <c>:created_at</c>, <c>:updated_at</c>) are taken over; missing ones are made up: the id
    /// from <paramref name="idSeed"/>, the stamps from <paramref name="stamp"/>.
    /// </summary>
    public static SocrataTestRecord FromJson(ReadOnlySpan<byte> json, string idSeed, DateTimeOffset stamp)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new ArgumentException("a record must be a JSON object", nameof(json));
        }

        string? id = null;
        DateTimeOffset? createdAt = null, updatedAt = null;
        var body = new ArrayBufferWriter<byte>(json.Length);
        using (var writer = new Utf8JsonWriter(body, RelaxedWriter))
        {
            writer.WriteStartObject();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                var raw = json[start..(int)reader.BytesConsumed];
                switch (name)
                {
                    case ":id":
                        id = JsonSerializer.Deserialize<string>(raw);
                        break;
                    case ":created_at":
                        createdAt = JsonSerializer.Deserialize<DateTimeOffset>(raw);
                        break;
                    case ":updated_at":
                        updatedAt = JsonSerializer.Deserialize<DateTimeOffset>(raw);
                        break;
                    default:
                        if (!name.StartsWith(':'))
                        {
                            writer.WritePropertyName(name);
                            writer.WriteRawValue(raw, skipInputValidation: true);
                        }

                        break;
                }
            }

            writer.WriteEndObject();
        }

        return new SocrataTestRecord(id ?? RowIds.From(idSeed), createdAt ?? updatedAt ?? stamp, updatedAt ?? stamp, body.WrittenSpan.ToArray());
    }

    /// <summary>This row with a new <c>:updated_at</c> and some data fields changed (a null value removes the field).</summary>
    public SocrataTestRecord With(DateTimeOffset updatedAt, IReadOnlyDictionary<string, string?>? changes)
    {
        if (changes is null || changes.Count == 0)
        {
            return new SocrataTestRecord(Id, CreatedAt, updatedAt, Body);
        }

        var body = new ArrayBufferWriter<byte>(Body.Length + 64);
        using (var writer = new Utf8JsonWriter(body, RelaxedWriter))
        {
            writer.WriteStartObject();
            var reader = new Utf8JsonReader(Body);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                if (!changes.ContainsKey(name))
                {
                    writer.WritePropertyName(name);
                    writer.WriteRawValue(Body.AsSpan(start, (int)reader.BytesConsumed - start), skipInputValidation: true);
                }
            }

            foreach (var (name, value) in changes)
            {
                if (value is not null)
                {
                    writer.WriteString(name, value);
                }
            }

            writer.WriteEndObject();
        }

        return new SocrataTestRecord(Id, CreatedAt, updatedAt, body.WrittenSpan.ToArray());
    }

    /// <summary>A field as SoQL compares it.</summary>
    public SoqlValue Value(string field) => field switch
    {
        ":id" => new SoqlValue(Id, null, null),
        ":created_at" => new SoqlValue(Stamp(CreatedAt), CreatedAt.UtcTicks, null),
        ":updated_at" => new SoqlValue(Stamp(UpdatedAt), UpdatedAt.UtcTicks, null),
        "created_date" => new SoqlValue(CreatedDate, CreatedDateTicks, null),
        "unique_key" => new SoqlValue(UniqueKey, null, UniqueKeyNumber),
        _ => SoqlValue.Of(FieldText(field)),
    };

    /// <summary>A data field's text: a string's value, other values as their JSON text; null when absent.</summary>
    public string? FieldText(string field)
    {
        var raw = FieldJson(field);
        if (raw.IsEmpty)
        {
            return null;
        }

        return raw[0] == (byte)'"' ? JsonSerializer.Deserialize<string>(raw) : raw.SequenceEqual("null"u8) ? null : Encoding.UTF8.GetString(raw);
    }

    /// <summary>A data field's JSON text as stored; empty when absent.</summary>
    public ReadOnlySpan<byte> FieldJson(string field)
    {
        var reader = new Utf8JsonReader(Body);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(field);
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            if (match)
            {
                return Body.AsSpan(start, (int)reader.BytesConsumed - start);
            }
        }

        return [];
    }

    /// <summary>A fixed timestamp as Socrata writes it: <c>2024-01-05T12:34:56.789Z</c>.</summary>
    public static string Stamp(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}

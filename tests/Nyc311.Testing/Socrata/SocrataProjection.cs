using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Nyc311.Testing.Socrata.Soql;

namespace Nyc311.Testing.Socrata;

/// <summary>
/// <c>$select</c>: <c>:*, *</c> (system and data fields), <c>*</c> (data fields, the default),
/// <c>:*</c> (system fields) or a list of field names. Writes rows as JSON objects.
/// </summary>
internal sealed class SocrataProjection
{
    private static readonly string[] SystemFields = [":id", ":created_at", ":updated_at"];

    private readonly bool system;
    private readonly bool data;
    private readonly string[]? fields;

    private SocrataProjection(bool system, bool data, string[]? fields)
    {
        this.system = system;
        this.data = data;
        this.fields = fields;
    }

    /// <exception cref="SoqlException">An item is neither a wildcard nor a field name.</exception>
    public static SocrataProjection Parse(string? select)
    {
        if (string.IsNullOrWhiteSpace(select))
        {
            return new SocrataProjection(system: false, data: true, fields: null);
        }

        var items = select.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var system = items.Contains(":*");
        var data = items.Contains("*");
        var named = items.Where(i => i is not (":*" or "*")).Select(i => i.Trim('`')).ToArray();
        if (named.Any(n => n.Length == 0 || n.Any(c => !(char.IsLetterOrDigit(c) || c is '_' or ':' or '@'))))
        {
            throw new SoqlException($"the loopback server selects only fields and wildcards, not '{select}'");
        }

        if (named.Length > 0 && (system || data))
        {
            throw new SoqlException("the loopback server does not mix wildcards and named fields in $select");
        }

        return new SocrataProjection(system, data, named.Length > 0 ? named : null);
    }

    public void Write(IBufferWriter<byte> output, SocrataTestRecord row)
    {
        if (fields is not null)
        {
            WriteNamed(output, row, fields);
            return;
        }

        output.Write("{"u8);
        if (system)
        {
            var span = output.GetSpan(256);
            Utf8.TryWrite(span, $"\":id\":\"{row.Id}\",\":created_at\":\"{SocrataTestRecord.Stamp(row.CreatedAt)}\",\":updated_at\":\"{SocrataTestRecord.Stamp(row.UpdatedAt)}\"", out var written);
            output.Advance(written);
        }

        var inner = row.Body.AsSpan(1, row.Body.Length - 2);
        if (data && !inner.IsEmpty)
        {
            if (system)
            {
                output.Write(","u8);
            }

            output.Write(inner);
        }

        output.Write("}"u8);
    }

    private static void WriteNamed(IBufferWriter<byte> output, SocrataTestRecord row, string[] names)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartObject();
        foreach (var name in names)
        {
            if (SystemFields.Contains(name))
            {
                writer.WriteString(name, row.Value(name).Text);
            }
            else if (row.FieldJson(name) is { IsEmpty: false } raw)
            {
                writer.WritePropertyName(name);
                writer.WriteRawValue(raw, skipInputValidation: true);
            }
        }

        writer.WriteEndObject();
    }
}

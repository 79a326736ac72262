using System.Collections;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console;

namespace Nyc311.Cli.Output;

/// <summary>Writes query results as a table, CSV (RFC 4180) or a JSON array of objects.</summary>
internal static class ResultWriter
{
    /// <summary>Writes at most <paramref name="limit"/> rows; returns how many were written.</summary>
    public static long Write(DbDataReader reader, OutputFormat format, IAnsiConsole console, TextWriter output, long? limit = null)
    {
        var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        return format switch
        {
            OutputFormat.Csv => WriteCsv(reader, names, output, limit),
            OutputFormat.Json => WriteJson(reader, names, output, limit),
            _ => WriteTable(reader, names, console, limit),
        };
    }

    private static long WriteTable(DbDataReader reader, string[] names, IAnsiConsole console, long? limit)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var name in names)
        {
            table.AddColumn(new TableColumn(Markup.Escape(name)));
        }

        long rows = 0;
        while ((limit is null || rows < limit) && reader.Read())
        {
            table.AddRow(names.Select((_, i) => new Text(reader.IsDBNull(i) ? "NULL" : Text(reader.GetValue(i)))).ToArray());
            rows++;
        }

        console.Write(table);
        console.WriteLine($"{rows:N0} row(s)");
        return rows;
    }

    private static long WriteCsv(DbDataReader reader, string[] names, TextWriter output, long? limit)
    {
        output.WriteLine(string.Join(',', names.Select(Quote)));
        long rows = 0;
        while ((limit is null || rows < limit) && reader.Read())
        {
            output.WriteLine(string.Join(',', names.Select((_, i) => reader.IsDBNull(i) ? "" : Quote(Text(reader.GetValue(i))))));
            rows++;
        }

        return rows;
    }

    private static long WriteJson(DbDataReader reader, string[] names, TextWriter output, long? limit)
    {
        using var stream = new MemoryStream();
        long rows = 0;
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            while ((limit is null || rows < limit) && reader.Read())
            {
                json.WriteStartObject();
                for (var i = 0; i < names.Length; i++)
                {
                    json.WritePropertyName(names[i]);
                    WriteJsonValue(json, reader.IsDBNull(i) ? null : reader.GetValue(i));
                }

                json.WriteEndObject();
                rows++;
            }

            json.WriteEndArray();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
        return rows;
    }

    /// <summary>A value as text: ISO dates and times, invariant numbers, nested values as JSON.</summary>
    public static string Text(object value) => value switch
    {
        DateTime dt => dt.ToString(dt.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        DateTimeOffset dto => dto.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        string s => s,
        IDictionary or IEnumerable when value is not string => JsonSerializer.Serialize(value),
        _ => value.ToString() ?? "",
    };

    private static void WriteJsonValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case sbyte or byte or short or ushort or int or uint or long:
                json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong u:
                json.WriteNumberValue(u);
                break;
            case System.Numerics.BigInteger big:
                json.WriteRawValue(big.ToString(CultureInfo.InvariantCulture));
                break;
            case decimal m:
                json.WriteNumberValue(m);
                break;
            case double d when double.IsFinite(d):
                json.WriteNumberValue(d);
                break;
            case float f when float.IsFinite(f):
                json.WriteNumberValue(f);
                break;
            case string s:
                json.WriteStringValue(s);
                break;
            case IDictionary or IEnumerable:
                JsonSerializer.Serialize(json, value);
                break;
            default:
                json.WriteStringValue(Text(value));
                break;
        }
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}

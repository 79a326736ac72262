using System.Text;

namespace Nyc311.Pipeline.Reference;

/// <summary>Reads the small CSV files embedded in this assembly (RFC 4180: quoted fields may hold commas and doubled quotes).</summary>
internal static class EmbeddedCsv
{
    /// <summary>The data rows of <c>Reference/Data/{fileName}</c>, keyed by header.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string fileName)
    {
        var resource = "Nyc311.Pipeline.Reference." + fileName;
        using var stream = typeof(EmbeddedCsv).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded reference file '{resource}' is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var header = Fields(reader.ReadLine() ?? string.Empty);
        var rows = new List<IReadOnlyDictionary<string, string>>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var fields = Fields(line);
            if (fields.Count != header.Count)
            {
                throw new InvalidOperationException($"{fileName} line {rows.Count + 2} has {fields.Count} fields, the header {header.Count}.");
            }

            rows.Add(header.Zip(fields).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
        }

        return rows;
    }

    internal static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}

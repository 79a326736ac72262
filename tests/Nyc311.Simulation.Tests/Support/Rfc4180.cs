using System.Text;

namespace Nyc311.Simulation.Tests.Support;

/// <summary>A strict RFC 4180 reader for checking the writer: quoted fields, doubled quotes, line breaks inside quotes.</summary>
internal static class Rfc4180
{
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        var quoted = false;
        var fieldStarted = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                        continue;
                    }

                    quoted = false;
                    i++;
                    if (i < text.Length && text[i] is not (',' or '\n' or '\r'))
                    {
                        throw new FormatException($"Character after closing quote at {i}");
                    }

                    continue;
                }

                field.Append(c);
                i++;
                continue;
            }

            switch (c)
            {
                case '"' when !fieldStarted:
                    quoted = true;
                    fieldStarted = true;
                    i++;
                    break;
                case '"':
                    throw new FormatException($"Bare quote inside an unquoted field at {i}");
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    fieldStarted = false;
                    i++;
                    break;
                case '\r' or '\n':
                    row.Add(field.ToString());
                    field.Clear();
                    fieldStarted = false;
                    rows.Add([.. row]);
                    row.Clear();
                    i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                    break;
                default:
                    field.Append(c);
                    fieldStarted = true;
                    i++;
                    break;
            }
        }

        if (quoted)
        {
            throw new FormatException("Unterminated quoted field");
        }

        if (fieldStarted || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add([.. row]);
        }

        return rows;
    }
}

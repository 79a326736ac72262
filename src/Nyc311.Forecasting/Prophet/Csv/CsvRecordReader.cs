using System.Text;

namespace Nyc311.Forecasting.Prophet.Csv;

/// <summary>One CSV record and the 1-based physical line on which it starts.</summary>
internal sealed record CsvRecord(int Line, string[] Fields);

/// <summary>
/// A small RFC 4180 reader: quoted fields with doubled quotes, and any of CRLF, LF or a bare CR as the
/// line end (Prophet's air passengers file uses bare CRs). Blank lines are skipped.
/// </summary>
internal static class CsvRecordReader
{
    public static IEnumerable<CsvRecord> Read(TextReader reader, string source)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var fieldStarted = false;
        var quoteLine = 0;
        while (true)
        {
            var c = reader.Read();
            if (c == -1)
            {
                if (inQuotes)
                {
                    throw ForecastInputException.BadValue(source, quoteLine, "a quoted field is not closed");
                }

                if (fieldStarted || fields.Count > 0)
                {
                    fields.Add(field.ToString());
                    yield return new CsvRecord(recordLine, [.. fields]);
                }

                yield break;
            }

            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (ch == '\n' || (ch == '\r' && reader.Peek() != '\n'))
                    {
                        line++;
                    }

                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"':
                    inQuotes = true;
                    fieldStarted = true;
                    quoteLine = line;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = true;
                    break;
                case '\r' or '\n':
                    if (ch == '\r' && reader.Peek() == '\n')
                    {
                        reader.Read();
                    }

                    if (fieldStarted || fields.Count > 0 || field.Length > 0)
                    {
                        fields.Add(field.ToString());
                        yield return new CsvRecord(recordLine, [.. fields]);
                    }

                    fields.Clear();
                    field.Clear();
                    fieldStarted = false;
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(ch);
                    fieldStarted = true;
                    break;
            }
        }
    }
}

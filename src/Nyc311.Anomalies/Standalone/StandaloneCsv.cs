using System.Globalization;
using System.Text;

namespace Nyc311.Anomalies.Standalone;

/// <summary>One row of an analyst's daily series: a day, its value (null when empty) and the series it belongs to.</summary>
public sealed record SeriesRow(DateOnly Ds, double? Y, string Series, int Line);

/// <summary>The outcome of reading one CSV record: a row, or the reason it cannot be used.</summary>
public readonly record struct SeriesRowResult(SeriesRow? Row, string? Reason)
{
    public bool IsValid => Row is not null;
}

/// <summary>
/// Reads and writes the stand-alone mode's CSV files: input columns <c>ds</c> (YYYY-MM-DD), <c>y</c> (a count,
/// empty when unknown) and optionally <c>series</c>; output <c>[series,]ds,y,expected,lower,upper,p_value,anomaly,kind</c>.
/// </summary>
public static class StandaloneCsv
{
    /// <summary>The series name used when the input has no <c>series</c> column.</summary>
    public const string DefaultSeries = "y";

    /// <summary>Reads every row; fails with an <see cref="AnomalyInputException"/> naming the first bad line.</summary>
    public static IReadOnlyList<SeriesRow> Read(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var records = CsvRecords(reader).GetEnumerator();
        if (!records.MoveNext())
        {
            throw AnomalyInputException.Empty(sourceName);
        }

        var header = records.Current.Fields.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        var ds = header.IndexOf("ds");
        var y = header.IndexOf("y");
        var series = header.IndexOf("series");
        if (ds < 0)
        {
            throw AnomalyInputException.MissingColumn(sourceName, "ds");
        }

        if (y < 0)
        {
            throw AnomalyInputException.MissingColumn(sourceName, "y");
        }

        var rows = new List<SeriesRow>();
        var seen = new HashSet<(string, DateOnly)>();
        while (records.MoveNext())
        {
            var (fields, line) = records.Current;
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            var result = ParseRow(fields, line, ds, y, series);
            var row = result.Row ?? throw AnomalyInputException.BadRow(sourceName, line, result.Reason!);
            if (!seen.Add((row.Series, row.Ds)))
            {
                throw AnomalyInputException.BadRow(sourceName, line, $"day {row.Ds:yyyy-MM-dd} appears twice in series '{row.Series}'");
            }

            rows.Add(row);
        }

        if (rows.Count == 0)
        {
            throw AnomalyInputException.Empty(sourceName);
        }

        return rows;
    }

    /// <summary>Parses one record's fields: a result with the row, or with the reason it is unusable.</summary>
    public static SeriesRowResult ParseRow(IReadOnlyList<string> fields, int line, int dsColumn, int yColumn, int seriesColumn)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var needed = Math.Max(dsColumn, Math.Max(yColumn, seriesColumn));
        if (fields.Count <= needed)
        {
            return new(null, $"{fields.Count} field(s), expected at least {needed + 1}");
        }

        var dsText = fields[dsColumn].Trim();
        var dayText = dsText.Length > 10 && (dsText[10] == ' ' || dsText[10] == 'T') ? dsText[..10] : dsText;
        if (!DateOnly.TryParseExact(dayText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new(null, $"ds '{dsText}' is not a date (use YYYY-MM-DD)");
        }

        var yText = fields[yColumn].Trim();
        double? value = null;
        if (yText.Length > 0 && !yText.Equals("NA", StringComparison.OrdinalIgnoreCase) && !yText.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            if (!double.TryParse(yText, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) || !double.IsFinite(parsed))
            {
                return new(null, $"y '{yText}' is not a number");
            }

            if (parsed < 0)
            {
                return new(null, $"y {yText} is negative (counts are 0 or more)");
            }

            value = parsed;
        }

        var name = seriesColumn >= 0 ? fields[seriesColumn].Trim() : DefaultSeries;
        return new(new SeriesRow(day, value, name.Length == 0 ? DefaultSeries : name, line), null);
    }

    /// <summary>Writes the judged days; the <c>series</c> column only when <paramref name="includeSeries"/>.</summary>
    public static void Write(TextWriter writer, IEnumerable<StandaloneDay> days, bool includeSeries)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(days);
        writer.Write(includeSeries ? "series,ds,y,expected,lower,upper,p_value,anomaly,kind\n" : "ds,y,expected,lower,upper,p_value,anomaly,kind\n");
        foreach (var d in days)
        {
            var line = new StringBuilder();
            if (includeSeries)
            {
                line.Append(Quote(d.Series)).Append(',');
            }

            line.Append(d.Ds.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                .Append(Number(d.Y)).Append(',')
                .Append(Number(d.Expected)).Append(',')
                .Append(Number(d.Lower)).Append(',')
                .Append(Number(d.Upper)).Append(',')
                .Append(double.IsFinite(d.PValue) ? d.PValue.ToString("G6", CultureInfo.InvariantCulture) : "").Append(',')
                .Append(d.Anomaly ? "true" : "false").Append(',')
                .Append(d.Kind);
            writer.Write(line.Append('\n').ToString());
        }
    }

    private static string Number(double value) => double.IsFinite(value) ? Math.Round(value, 3).ToString("0.###", CultureInfo.InvariantCulture) : "";

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>RFC 4180 records with the 1-based line each starts on.</summary>
    private static IEnumerable<(List<string> Fields, int Line)> CsvRecords(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var start = 1;
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            var ch = (char)c;
            if (quoted)
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
                        quoted = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return (fields, start);
                    fields = [];
                    line++;
                    start = line;
                    any = false;
                    break;
                default:
                    field.Append(ch);
                    break;
            }
        }

        if (any)
        {
            fields.Add(field.ToString());
            yield return (fields, start);
        }
    }
}

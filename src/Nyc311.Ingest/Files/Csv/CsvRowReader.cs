using System.Runtime.CompilerServices;
using Nyc311.Domain;
using Nyc311.Ingest.Text;

namespace Nyc311.Ingest.Files.Csv;

/// <summary>
/// Reads the portal's CSV export: a header row whose names map to API names through
/// <see cref="ServiceRequestFields.ApiNameForCsvHeader"/>, then one record per row with every
/// value kept as the string in the file (timestamps such as <c>05/01/2022 12:00:03 AM</c> too).
/// </summary>
internal static class CsvRowReader
{
    public static async IAsyncEnumerable<SourceRow> ReadAsync(
        TextReader text,
        string fileName,
        int maxRecordLength,
        int bufferSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var scanner = new CsvRecordScanner(text, maxRecordLength, bufferSize);
        if (await scanner.NextAsync(cancellationToken) is not { } header)
        {
            yield break;
        }

        var names = ReadHeader(header, fileName);
        var values = new List<string?>(names.Length);
        var pools = names.Select(_ => new ValuePool()).ToArray();
        while (await scanner.NextAsync(cancellationToken) is { } raw)
        {
            var problem = raw.End switch
            {
                CsvRecordEnd.Unterminated => "the file ends inside a quoted field (truncated file or unterminated quote)",
                CsvRecordEnd.TooLong => $"the record runs past {maxRecordLength} characters (unterminated quote?); this line was skipped and reading went on from the next",
                _ => CsvFieldSplitter.Split(raw.Text, values, pools),
            };
            if (problem is null && values.Count != names.Length)
            {
                problem = $"expected {names.Length} fields, found {values.Count}";
            }

            if (problem is not null)
            {
                yield return SourceRow.Reject(new RejectedRow(fileName, raw.Line, problem, raw.Text));
                continue;
            }

            var fields = new KeyValuePair<string, string?>[names.Length];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = new(names[i], values[i]);
            }

            yield return SourceRow.Of(new SourceRecord(fields, fileName, raw.Line));
        }
    }

    private static string[] ReadHeader(CsvRawRecord header, string fileName)
    {
        var cells = new List<string?>();
        var problem = header.End == CsvRecordEnd.Complete
            ? CsvFieldSplitter.Split(header.Text, cells)
            : "it never ends (unterminated quote)";
        if (problem is not null)
        {
            throw SourceFileException.InvalidHeader(fileName, problem);
        }

        var names = new string[cells.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            var name = string.IsNullOrWhiteSpace(cells[i]) ? "" : ServiceRequestFields.ApiNameForCsvHeader(cells[i]!);
            if (name.Length == 0)
            {
                throw SourceFileException.InvalidHeader(fileName, $"column {i + 1} has no usable name");
            }

            if (!seen.Add(name))
            {
                throw SourceFileException.InvalidHeader(fileName, $"two columns map to the field {name}");
            }

            names[i] = name;
        }

        return names;
    }
}

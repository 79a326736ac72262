using System.Globalization;
using System.Reflection;

namespace Nyc311.Simulation.Calibration;

/// <summary>Reads the tables bundled under <c>Data/</c> (see Data/README.md for their sources).</summary>
internal static class EmbeddedData
{
    private const string Prefix = "Nyc311.Simulation.Data.";
    private static readonly Assembly Assembly = typeof(EmbeddedData).Assembly;

    public static Stream Open(string path)
    {
        var stream = Assembly.GetManifestResourceStream(Prefix + path)
            ?? Assembly.GetManifestResourceStream(Prefix + path.Replace('/', '\\'));
        return stream ?? throw SimulationException.CorruptTable(path, 0, "the resource is missing from the assembly");
    }

    public static string ReadText(string path)
    {
        using var reader = new StreamReader(Open(path));
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Rows of a simple delimited table (no quoting), skipping blank lines and <c>#</c> comments;
    /// the first remaining line is the header. Each row is checked to have the header's width.
    /// </summary>
    public static IReadOnlyList<TableRow> ReadTable(string path, char separator)
    {
        var rows = new List<TableRow>();
        string[]? header = null;
        var lineNumber = 0;
        foreach (var raw in ReadText(path).Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var cells = line.Split(separator);
            if (header is null)
            {
                header = cells;
                continue;
            }

            if (cells.Length != header.Length)
            {
                throw SimulationException.CorruptTable(path, lineNumber, $"expected {header.Length} cells, found {cells.Length}");
            }

            rows.Add(new TableRow(path, lineNumber, header, cells));
        }

        return rows;
    }
}

/// <summary>One row of an embedded table, with typed accessors that name the row on error.</summary>
internal sealed class TableRow(string resource, int line, string[] header, string[] cells)
{
    public int Line => line;

    public string this[string column]
    {
        get
        {
            var index = Array.IndexOf(header, column);
            return index >= 0 ? cells[index] : throw Fail($"no column '{column}'");
        }
    }

    public string this[int index] => cells[index];

    public int Width => cells.Length;

    public double Number(string column) => Number(Array.IndexOf(header, column) is var i and >= 0 ? i : throw Fail($"no column '{column}'"));

    public double Number(int index) =>
        double.TryParse(cells[index], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Fail($"'{cells[index]}' in column {header[index]} is not a number");

    public DateOnly? OptionalDate(string column)
    {
        var text = this[column];
        if (text.Length == 0)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Fail($"'{text}' in column {column} is not a yyyy-MM-dd date");
    }

    public CalibrationDataException Fail(string reason) => SimulationException.CorruptTable(resource, line, reason);
}

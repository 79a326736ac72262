using System.Globalization;

namespace Nyc311.Forecasting.Prophet.Csv;

/// <summary>
/// Prophet's files as analysts use them: a series CSV with <c>ds</c> and <c>y</c> (and optionally <c>cap</c>,
/// <c>floor</c>), a holidays CSV with Prophet's columns, and a forecast CSV with Prophet's output columns.
/// Problems are reported as <see cref="ForecastInputException"/> naming the file, line and problem.
/// </summary>
public static partial class ProphetCsv
{
    /// <summary>Reads a series file (<c>ds</c>, <c>y</c>, optional <c>cap</c> and <c>floor</c>; other columns are ignored).</summary>
    public static ProphetData ReadSeries(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = OpenText(path);
        return ReadSeries(reader, Path.GetFileName(path));
    }

    /// <summary>Reads a series from text; <paramref name="sourceName"/> names it in error messages.</summary>
    public static ProphetData ReadSeries(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var records = CsvRecordReader.Read(reader, sourceName).GetEnumerator();
        if (!records.MoveNext())
        {
            throw ForecastInputException.Empty(sourceName);
        }

        var header = Header.Of(records.Current);
        var ds = header.Require("ds", sourceName);
        var y = header.Require("y", sourceName);
        var capColumn = header.Find("cap");
        var floorColumn = header.Find("floor");
        var dates = new List<DateTime>();
        var values = new List<double>();
        var caps = capColumn is null ? null : new List<double>();
        var floors = floorColumn is null ? null : new List<double>();
        while (records.MoveNext())
        {
            var record = records.Current;
            var row = SeriesRow.Parse(record, ds, y, capColumn, floorColumn);
            if (row.Error is { } error)
            {
                throw ForecastInputException.BadValue(sourceName, record.Line, error);
            }

            dates.Add(row.Date);
            values.Add(row.Y);
            caps?.Add(row.Cap);
            floors?.Add(row.Floor);
        }

        var usable = values.Count(v => !double.IsNaN(v));
        if (usable < 2)
        {
            throw ForecastInputException.TooFewRows(sourceName, usable);
        }

        return new ProphetData(dates, values) { Cap = caps, Floor = floors, SourceName = sourceName };
    }

    /// <summary>Reads a holidays file (<c>holiday</c>, <c>ds</c>, optional <c>lower_window</c>, <c>upper_window</c>, <c>prior_scale</c>).</summary>
    public static IReadOnlyList<ProphetHoliday> ReadHolidays(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = OpenText(path);
        return ReadHolidays(reader, Path.GetFileName(path));
    }

    /// <summary>Reads a holidays table from text; <paramref name="sourceName"/> names it in error messages.</summary>
    public static IReadOnlyList<ProphetHoliday> ReadHolidays(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var records = CsvRecordReader.Read(reader, sourceName).GetEnumerator();
        if (!records.MoveNext())
        {
            throw ForecastInputException.Empty(sourceName);
        }

        var header = Header.Of(records.Current);
        var name = header.Require("holiday", sourceName);
        var ds = header.Require("ds", sourceName);
        var lower = header.Find("lower_window");
        var upper = header.Find("upper_window");
        var prior = header.Find("prior_scale");
        var holidays = new List<ProphetHoliday>();
        while (records.MoveNext())
        {
            var record = records.Current;
            var row = HolidayRow.Parse(record, name, ds, lower, upper, prior);
            if (row.Error is { } error)
            {
                throw ForecastInputException.BadValue(sourceName, record.Line, error);
            }

            holidays.Add(row.Value);
        }

        return holidays;
    }

    /// <summary>Writes a forecast with Prophet's columns (<c>ds</c> first), one row per date.</summary>
    public static void WriteForecast(Forecast forecast, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
        WriteForecast(forecast, writer);
    }

    /// <summary>Writes a forecast as CSV text. Dates print as <c>yyyy-MM-dd</c> unless some have a time of day.</summary>
    public static void WriteForecast(Forecast forecast, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        ArgumentNullException.ThrowIfNull(writer);
        writer.NewLine = "\n";
        var withTime = forecast.Dates.Any(d => d.TimeOfDay != TimeSpan.Zero);
        var format = withTime ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd";
        writer.Write("ds");
        foreach (var column in forecast.Columns)
        {
            writer.Write(',');
            writer.Write(Quote(column.Name));
        }

        writer.WriteLine();
        for (var i = 0; i < forecast.Dates.Count; i++)
        {
            writer.Write(forecast.Dates[i].ToString(format, CultureInfo.InvariantCulture));
            foreach (var column in forecast.Columns)
            {
                writer.Write(',');
                writer.Write(CsvValues.FormatNumber(column.Values[i]));
            }

            writer.WriteLine();
        }
    }

    private static StreamReader OpenText(string path)
    {
        try
        {
            return new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw ForecastInputException.Invalid(Path.GetFileName(path), $"file not found: {path}");
        }
    }

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    /// <summary>Column positions by trimmed name.</summary>
    private sealed class Header
    {
        private readonly Dictionary<string, int> _positions;
        private readonly int _line;

        private Header(Dictionary<string, int> positions, int line)
        {
            _positions = positions;
            _line = line;
        }

        public static Header Of(CsvRecord record)
        {
            var positions = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < record.Fields.Length; i++)
            {
                positions.TryAdd(record.Fields[i].Trim().TrimStart('\uFEFF'), i);
            }

            return new Header(positions, record.Line);
        }

        public int Require(string name, string source) =>
            _positions.TryGetValue(name, out var position) ? position : throw ForecastInputException.MissingColumn(source, name, _line);

        public int? Find(string name) => _positions.TryGetValue(name, out var position) ? position : null;
    }
}

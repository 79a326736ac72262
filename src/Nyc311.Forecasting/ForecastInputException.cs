namespace Nyc311.Forecasting;

/// <summary>
/// The input series (or holidays table) cannot be used: a missing column, a value that does not parse,
/// or too little data. Carries the source (file name or "input"), the 1-based line when known and the problem.
/// </summary>
public sealed class ForecastInputException : ForecastingException
{
    private ForecastInputException(string source, int? line, string problem)
        : base(line is { } l ? $"{source}, line {l}: {problem}" : $"{source}: {problem}")
    {
        InputName = source;
        Line = line;
        Problem = problem;
    }

    /// <summary>The file name, or "input" for data passed in memory.</summary>
    public string InputName { get; }

    /// <summary>The 1-based physical line where the offending record starts, when the problem belongs to one line.</summary>
    public int? Line { get; }

    /// <summary>What is wrong, without the source and line.</summary>
    public string Problem { get; }

    internal static string SourceName(string? source) => string.IsNullOrEmpty(source) ? "input" : source;

    /// <summary>A required column is absent from the header.</summary>
    public static ForecastInputException MissingColumn(string? source, string column, int headerLine = 1) =>
        new(SourceName(source), headerLine, $"missing column '{column}'");

    /// <summary>The file has no header line at all.</summary>
    public static ForecastInputException Empty(string? source) =>
        new(SourceName(source), null, "the file is empty (expected a header line)");

    /// <summary>A record's field does not parse.</summary>
    public static ForecastInputException BadValue(string? source, int line, string reason) =>
        new(SourceName(source), line, reason);

    /// <summary>Fewer than two rows have a value, so no model can be fitted.</summary>
    public static ForecastInputException TooFewRows(string? source, int usableRows) =>
        new(SourceName(source), null, $"the series has {usableRows} non-null rows; at least 2 are needed");

    /// <summary>A problem with the data as a whole (lengths, order, duplicates, missing companion columns).</summary>
    public static ForecastInputException Invalid(string? source, string problem) =>
        new(SourceName(source), null, problem);
}

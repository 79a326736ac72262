using System.Globalization;

namespace Nyc311.Forecasting.Prophet.Csv;

/// <summary>The outcome of parsing one field: a value, or the reason it is not one.</summary>
internal readonly record struct FieldResult<T>(T Value, string? Error)
{
    public bool Ok => Error is null;

    public static FieldResult<T> Success(T value) => new(value, null);

    public static FieldResult<T> Failure(string error) => new(default!, error);
}

/// <summary>Parsing of the date and number fields of Prophet's CSV files.</summary>
internal static class CsvValues
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-ddTHH:mm:ss",
        "yyyy-MM-ddTHH:mm",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
        "yyyy/MM/dd",
        "yyyy/MM/dd HH:mm:ss",
        "yyyy-MM",
        "yyyyMMdd",
    ];

    private static readonly HashSet<string> MissingMarkers = new(StringComparer.OrdinalIgnoreCase) { "", "NA", "NaN", "null", "None", "<NA>" };

    /// <summary>A date or timestamp without time zone, as pandas' <c>to_datetime</c> accepts them.</summary>
    public static FieldResult<DateTime> ParseDate(string text, string column)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return FieldResult<DateTime>.Failure($"column '{column}' is empty");
        }

        if (DateTime.TryParseExact(trimmed, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return FieldResult<DateTime>.Success(DateTime.SpecifyKind(date, DateTimeKind.Unspecified));
        }

        if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            && (trimmed.EndsWith('Z') || trimmed.Contains('+', StringComparison.Ordinal) || trimmed.LastIndexOf('-') > 9))
        {
            return FieldResult<DateTime>.Failure($"column '{column}' has a time zone ('{text}'), which is not supported; remove the time zone");
        }

        return FieldResult<DateTime>.Failure($"column '{column}' is not a date: '{text}'");
    }

    /// <summary>A number, or NaN for an empty field or NA/NaN/null (a missing value).</summary>
    public static FieldResult<double> ParseNumber(string text, string column)
    {
        var trimmed = text.Trim();
        if (MissingMarkers.Contains(trimmed))
        {
            return FieldResult<double>.Success(double.NaN);
        }

        if (trimmed.TrimStart('+', '-') is var unsigned
            && (unsigned.Equals("inf", StringComparison.OrdinalIgnoreCase) || unsigned.Equals("infinity", StringComparison.OrdinalIgnoreCase)))
        {
            return FieldResult<double>.Failure($"column '{column}' is infinite: '{text}'");
        }

        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return double.IsInfinity(value)
                ? FieldResult<double>.Failure($"column '{column}' is infinite: '{text}'")
                : FieldResult<double>.Success(value);
        }

        return FieldResult<double>.Failure($"column '{column}' is not a number: '{text}'");
    }

    /// <summary>An integer (a whole number written as a float, such as 1.0, is accepted, as pandas writes them).</summary>
    public static FieldResult<int> ParseWholeNumber(string text, string column, int whenMissing)
    {
        var number = ParseNumber(text, column);
        if (!number.Ok)
        {
            return FieldResult<int>.Failure(number.Error!);
        }

        if (double.IsNaN(number.Value))
        {
            return FieldResult<int>.Success(whenMissing);
        }

        return number.Value == Math.Floor(number.Value) && Math.Abs(number.Value) < int.MaxValue
            ? FieldResult<int>.Success((int)number.Value)
            : FieldResult<int>.Failure($"column '{column}' is not a whole number: '{text}'");
    }

    public static string FormatNumber(double value) =>
        double.IsNaN(value) ? string.Empty : value.ToString("R", CultureInfo.InvariantCulture);
}

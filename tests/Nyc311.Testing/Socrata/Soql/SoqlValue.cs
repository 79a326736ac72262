using System.Globalization;

namespace Nyc311.Testing.Socrata.Soql;

/// <summary>
/// A value as SoQL compares it: timestamps by instant (a literal without zone is read as UTC for
/// fixed timestamps and as wall-clock time for floating ones, which compare alike here), numbers
/// by value, anything else as ordinal text. Null compares false with everything.
/// </summary>
internal readonly record struct SoqlValue(string? Text, long? Ticks, decimal? Number)
{
    private static readonly string[] TimestampFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd",
    ];

    public static SoqlValue Null { get; } = new(null, null, null);

    public bool IsNull => Text is null;

    public static SoqlValue Of(string? text)
    {
        if (text is null)
        {
            return Null;
        }

        var ticks = TryTimestamp(text);
        var number = ticks is null && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : (decimal?)null;
        return new SoqlValue(text, ticks, number);
    }

    public static long? TryTimestamp(string text) =>
        text.Length >= 10 && text[4] == '-'
        && DateTime.TryParseExact(text, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
            ? value.Ticks
            : null;

    public static int Compare(SoqlValue left, SoqlValue right)
    {
        if (left.Ticks is { } a && right.Ticks is { } b)
        {
            return a.CompareTo(b);
        }

        if (left.Number is { } x && right.Number is { } y)
        {
            return x.CompareTo(y);
        }

        return string.CompareOrdinal(left.Text, right.Text);
    }
}

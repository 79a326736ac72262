namespace Nyc311.Simulation.Output;

/// <summary>The portal's timestamp texts, written without culture lookups.</summary>
internal static class Timestamps
{
    public const int ApiLength = 23;

    /// <summary>API form of a New York wall-clock time: <c>2022-05-01T00:00:03.000</c>.</summary>
    public static string Api(DateTime local) => string.Create(ApiLength, local, static (span, t) => WriteApi(t, span));

    /// <summary>Writes the API form (23 chars) into <paramref name="span"/>.</summary>
    public static void WriteApi(DateTime t, Span<char> span)
    {
        Write4(span, 0, t.Year);
        span[4] = '-';
        Write2(span, 5, t.Month);
        span[7] = '-';
        Write2(span, 8, t.Day);
        span[10] = 'T';
        Write2(span, 11, t.Hour);
        span[13] = ':';
        Write2(span, 14, t.Minute);
        span[16] = ':';
        Write2(span, 17, t.Second);
        span[19] = '.';
        Write3(span, 20, t.Millisecond);
    }

    /// <summary>Writes the CSV-export form (22 chars, <c>05/01/2022 12:00:03 AM</c>) into <paramref name="span"/>.</summary>
    public static void WriteCsv(DateTime t, Span<char> span)
    {
        Write2(span, 0, t.Month);
        span[2] = '/';
        Write2(span, 3, t.Day);
        span[5] = '/';
        Write4(span, 6, t.Year);
        span[10] = ' ';
        var hour12 = t.Hour % 12 == 0 ? 12 : t.Hour % 12;
        Write2(span, 11, hour12);
        span[13] = ':';
        Write2(span, 14, t.Minute);
        span[16] = ':';
        Write2(span, 17, t.Second);
        span[19] = ' ';
        span[20] = t.Hour < 12 ? 'A' : 'P';
        span[21] = 'M';
    }

    /// <summary>Socrata system instant in UTC: <c>2022-05-03T14:27:09.123Z</c>.</summary>
    public static string Instant(DateTime utc) => string.Create(24, utc, static (span, t) =>
    {
        WriteApi(t, span);
        span[23] = 'Z';
    });

    /// <summary>
    /// Writes the CSV-export form (<c>05/01/2022 12:00:03 AM</c>) of an API-form timestamp into
    /// <paramref name="destination"/> (22 chars) and returns true; returns false when the text is not
    /// in API form (a corrupted value is then written as it is).
    /// </summary>
    public static bool TryWriteCsv(ReadOnlySpan<char> api, Span<char> destination)
    {
        if (api.Length < 19 || api[4] != '-' || api[7] != '-' || api[10] != 'T' || api[13] != ':' || api[16] != ':')
        {
            return false;
        }

        if (!TryDigits(api[11..13], out var hour))
        {
            return false;
        }

        // MM/DD/YYYY
        api.Slice(5, 2).CopyTo(destination);
        destination[2] = '/';
        api.Slice(8, 2).CopyTo(destination[3..]);
        destination[5] = '/';
        api[..4].CopyTo(destination[6..]);
        destination[10] = ' ';
        var hour12 = hour % 12 == 0 ? 12 : hour % 12;
        Write2(destination, 11, hour12);
        destination[13] = ':';
        api.Slice(14, 2).CopyTo(destination[14..]);
        destination[16] = ':';
        api.Slice(17, 2).CopyTo(destination[17..]);
        destination[19] = ' ';
        destination[20] = hour < 12 ? 'A' : 'P';
        destination[21] = 'M';
        return true;
    }

    public const int CsvLength = 22;

    private static bool TryDigits(ReadOnlySpan<char> two, out int value)
    {
        value = 0;
        if (!char.IsAsciiDigit(two[0]) || !char.IsAsciiDigit(two[1]))
        {
            return false;
        }

        value = ((two[0] - '0') * 10) + (two[1] - '0');
        return value < 24;
    }

    private static void Write2(Span<char> span, int at, int value)
    {
        span[at] = (char)('0' + (value / 10));
        span[at + 1] = (char)('0' + (value % 10));
    }

    private static void Write3(Span<char> span, int at, int value)
    {
        span[at] = (char)('0' + (value / 100));
        Write2(span, at + 1, value % 100);
    }

    private static void Write4(Span<char> span, int at, int value)
    {
        Write2(span, at, value / 100);
        Write2(span, at + 2, value % 100);
    }
}

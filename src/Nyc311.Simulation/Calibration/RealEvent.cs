using System.Globalization;

namespace Nyc311.Simulation.Calibration;

/// <summary>
/// A real event at its real dates that shifts the complaint mix (storms, blizzards, July 4). On its
/// days the event's types take a share of the part of the day's real total above its usual level
/// (the same-weekday median of the surrounding weeks) and their usual weight is multiplied.
/// </summary>
/// <param name="Id">Short id, for example <c>sandy-2012</c>.</param>
/// <param name="Name">What happened.</param>
/// <param name="When">The inclusive days, "2012-10-28..2012-11-12" or "every year 07-03..07-06".</param>
/// <param name="Source">Where the date comes from.</param>
/// <param name="ComplaintTypes">The complaint types it raises.</param>
public sealed record RealEvent(string Id, string Name, string When, string Source, IReadOnlyList<string> ComplaintTypes)
{
    internal EventWindow Window { get; init; } = null!;

    /// <summary>True when the day (America/New_York) is one of the event's days.</summary>
    public bool IsActiveOn(DateOnly date) => Window.DayOffset(date) >= 0;
}

/// <summary>The inclusive days of an event, fixed or repeating every year (not across New Year).</summary>
internal sealed class EventWindow
{
    private readonly DateOnly _start;
    private readonly DateOnly _end;
    private readonly bool _yearly;

    private EventWindow(DateOnly start, DateOnly end, bool yearly)
    {
        _start = start;
        _end = end;
        _yearly = yearly;
    }

    public static EventWindow? Parse(string start, string end)
    {
        var yearly = start.StartsWith("*-", StringComparison.Ordinal);
        if (yearly != end.StartsWith("*-", StringComparison.Ordinal))
        {
            return null;
        }

        // A leap year holds every month-day, so "*-02-29" would also parse.
        var prefix = yearly ? "2000" : string.Empty;
        var s = prefix + (yearly ? start[1..] : start);
        var e = prefix + (yearly ? end[1..] : end);
        if (!DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var a) ||
            !DateOnly.TryParseExact(e, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var b) || b < a)
        {
            return null;
        }

        return new EventWindow(a, b, yearly);
    }

    public string Describe() => _yearly
        ? $"every year {_start:MM-dd}..{_end:MM-dd}"
        : $"{_start:yyyy-MM-dd}..{_end:yyyy-MM-dd}";

    /// <summary>Days since the event's first day, or -1 when the date is not one of its days.</summary>
    public int DayOffset(DateOnly date)
    {
        var start = _start;
        var end = _end;
        if (_yearly)
        {
            if (!DateTime.IsLeapYear(date.Year) && (_start is { Month: 2, Day: 29 } || _end is { Month: 2, Day: 29 }))
            {
                return -1;
            }

            start = new DateOnly(date.Year, _start.Month, _start.Day);
            end = new DateOnly(date.Year, _end.Month, _end.Day);
        }

        return date >= start && date <= end ? date.DayNumber - start.DayNumber : -1;
    }
}

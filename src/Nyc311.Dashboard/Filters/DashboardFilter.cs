using System.Globalization;
using Nyc311.Dashboard.Data;

namespace Nyc311.Dashboard.Filters;

/// <summary>
/// The filters every page shares, as they stand in the address (<c>?from=2026-05-01&amp;to=2026-08-05&amp;type=Noise%20-%20Residential&amp;borough=BROOKLYN</c>),
/// so a view can be shared by link. Absent dates mean the last <see cref="DefaultDays"/> days of the data;
/// no type or borough means all of them (the <c>(all)</c> rollups).
/// </summary>
public sealed record DashboardFilter
{
    /// <summary>Days shown when the address names no range.</summary>
    public const int DefaultDays = 90;

    /// <summary>Most series one chart draws; further choices are listed as left out.</summary>
    public const int MaxSeries = 12;

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>Boroughs as the data spells them (<c>BROOKLYN</c>).</summary>
    public IReadOnlyList<string> Boroughs { get; init; } = [];

    /// <summary>What in the address could not be used (shown on the page, never an error).</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    public static DashboardFilter Default { get; } = new();

    /// <summary>Reads the address's values; unusable ones are left out and named in <see cref="Problems"/>.</summary>
    public static DashboardFilter Parse(string? from, string? to, IEnumerable<string?>? types, IEnumerable<string?>? boroughs)
    {
        var problems = new List<string>();
        var fromDay = ParseDay(from, "from", problems);
        var toDay = ParseDay(to, "to", problems);
        if (fromDay is { } f && toDay is { } t && t < f)
        {
            problems.Add($"'to' {t:yyyy-MM-dd} is before 'from' {f:yyyy-MM-dd}: the two were swapped");
            (fromDay, toDay) = (toDay, fromDay);
        }

        var boroughList = new List<string>();
        foreach (var raw in boroughs ?? [])
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            if (Nyc311.Domain.Boroughs.Normalize(raw) is { } borough)
            {
                boroughList.Add(borough);
            }
            else
            {
                problems.Add($"'{raw}' is not a borough (choose from {string.Join(", ", Nyc311.Domain.Boroughs.All.Select(BoroughNames.Display))})");
            }
        }

        return new DashboardFilter
        {
            From = fromDay,
            To = toDay,
            Types = [.. (types ?? []).Where(t => !string.IsNullOrWhiteSpace(t) && t != LakeTables.AllValues).Select(t => t!.Trim()).Distinct(StringComparer.Ordinal)],
            Boroughs = [.. boroughList.Distinct(StringComparer.Ordinal).OrderBy(b => IndexOf(b))],
            Problems = problems,
        };
    }

    /// <summary>
    /// The days to show: the address's range, else the last <see cref="DefaultDays"/> days ending on the
    /// last day of the data (on today when there is no data yet).
    /// </summary>
    public DateRange Resolve(DateOnly? dataEnd, DateOnly today)
    {
        var end = To ?? dataEnd ?? today;
        var start = From ?? end.AddDays(-(DefaultDays - 1));
        return start <= end ? new DateRange(start, end) : new DateRange(end, start);
    }

    /// <summary>Types chosen, or <c>(all)</c>.</summary>
    public IReadOnlyList<string> TypesOrAll => Types.Count == 0 ? [LakeTables.AllValues] : Types;

    /// <summary>Boroughs chosen, or <c>(all)</c>.</summary>
    public IReadOnlyList<string> BoroughsOrAll => Boroughs.Count == 0 ? [LakeTables.AllValues] : Boroughs;

    /// <summary>Every chosen type in every chosen borough (at most <see cref="MaxSeries"/>).</summary>
    internal IReadOnlyList<SeriesKey> Series => [.. AllSeries.Take(MaxSeries)];

    /// <summary>How many chosen series a chart leaves out.</summary>
    public int SeriesLeftOut => Math.Max(0, AllSeries.Count() - MaxSeries);

    private IEnumerable<SeriesKey> AllSeries => TypesOrAll.SelectMany(t => BoroughsOrAll.Select(b => new SeriesKey(t, b)));

    /// <summary>The filter as text for cache keys.</summary>
    public string Key => $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}|{string.Join('\u001f', Types)}|{string.Join('\u001f', Boroughs)}";

    /// <summary>The address's query values of this filter (null removes a value).</summary>
    public Dictionary<string, object?> QueryParameters() => new(StringComparer.Ordinal)
    {
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["type"] = Types.Count == 0 ? null : Types.ToArray(),
        ["borough"] = Boroughs.Count == 0 ? null : Boroughs.ToArray(),
    };

    /// <summary>The address's query string (with the leading '?', or empty) of this filter and some page values.</summary>
    public string QueryString(params (string Name, string? Value)[] extra)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        foreach (var type in Types)
        {
            Add("type", type);
        }

        foreach (var borough in Boroughs)
        {
            Add("borough", borough);
        }

        foreach (var (name, value) in extra)
        {
            Add(name, value);
        }

        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private static int IndexOf(string borough)
    {
        for (var i = 0; i < Nyc311.Domain.Boroughs.All.Count; i++)
        {
            if (Nyc311.Domain.Boroughs.All[i] == borough)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private static DateOnly? ParseDay(string? text, string name, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        problems.Add($"'{name}' value '{text}' is not a date (YYYY-MM-DD): ignored");
        return null;
    }
}

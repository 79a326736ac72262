using System.Globalization;
using Nyc311.Domain;

namespace Nyc311.Simulation.Calibration;

/// <summary>One calendar day (America/New_York) of the real citywide series.</summary>
/// <param name="Date">The day requests were created.</param>
/// <param name="PublishedRequests">The count as published in the bundled file.</param>
/// <param name="IsMissing">True when the published count is a partial-day artifact and the simulator writes nothing.</param>
public sealed record DailyTotal(DateOnly Date, int PublishedRequests, bool IsMissing);

/// <summary>A day treated as missing, with the numbers behind the decision.</summary>
/// <param name="Date">The day.</param>
/// <param name="PublishedRequests">The partial count the file carries.</param>
/// <param name="UsualRequests">The median of the same weekday in the three weeks before and after.</param>
/// <param name="Reason">Why the day counts as missing, in one sentence.</param>
public sealed record MissingDay(DateOnly Date, int PublishedRequests, int UsualRequests, string Reason);

/// <summary>
/// The real number of 311 requests created on each day from 2010-01-01 to 2026-08-05 (nik-pi/311Forecasting,
/// a SoQL count of erm2-nwe9 by created day; see Data/README.md), the days treated as missing, and
/// each day's usual level. The simulator writes exactly <see cref="RequestsOn"/> requests for a day.
/// </summary>
public sealed partial class DailyTotals
{
    internal const string Resource = "calibration/nyc311_daily_citywide_2010-01-01_2026-08-05__nik-pi_311Forecasting.csv";

    /// <summary>Days up to this one were pulled in one bulk query; later days were appended by a nightly job that keeps the first value it saw.</summary>
    public static readonly DateOnly LastBulkDay = new(2023, 4, 20);

    /// <summary>A day of the nightly period counts as missing below this share of its usual level.</summary>
    public const double PartialDayThreshold = 0.5;

    private readonly int[] _counts;
    private readonly int[] _usual;
    private readonly bool[] _missing;

    private DailyTotals(DateOnly first, int[] counts)
    {
        First = first;
        _counts = counts;
        _usual = new int[counts.Length];
        _missing = new bool[counts.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            _usual[i] = SameWeekdayMedian(i);
        }

        var missing = new List<MissingDay>();
        for (var i = 0; i < counts.Length; i++)
        {
            var date = first.AddDays(i);
            if (date > LastBulkDay && HolidayCalendar.On(date) is null && counts[i] < PartialDayThreshold * _usual[i])
            {
                _missing[i] = true;
                missing.Add(new MissingDay(date, counts[i], _usual[i], ReasonFor(date, counts[i], _usual[i])));
            }
        }

        MissingDays = missing;
        Days = [.. Enumerable.Range(0, counts.Length).Select(i => new DailyTotal(first.AddDays(i), counts[i], _missing[i]))];
    }

    /// <summary>The bundled series, loaded once.</summary>
    public static DailyTotals Real => LazyReal.Value;

    private static readonly Lazy<DailyTotals> LazyReal = new(Load);

    /// <summary>The first day of the series (2010-01-01).</summary>
    public DateOnly First { get; }

    /// <summary>The last day of the series (2026-08-05).</summary>
    public DateOnly Last => First.AddDays(_counts.Length - 1);

    /// <summary>Every day of the series in order, as published, with its missing flag.</summary>
    public IReadOnlyList<DailyTotal> Days { get; }

    /// <summary>The days treated as missing: they produce no records.</summary>
    public IReadOnlyList<MissingDay> MissingDays { get; }

    /// <summary>True when the day is inside the series.</summary>
    public bool Covers(DateOnly date) => date >= First && date <= Last;

    /// <summary>True when the day is inside the series but treated as missing.</summary>
    public bool IsMissing(DateOnly date) => Covers(date) && _missing[date.DayNumber - First.DayNumber];

    /// <summary>The number of requests the simulator writes for the day, or null when the day is missing or outside the series.</summary>
    public int? RequestsOn(DateOnly date) =>
        Covers(date) && !_missing[date.DayNumber - First.DayNumber] ? _counts[date.DayNumber - First.DayNumber] : null;

    /// <summary>The published count for a day of the series (partial days included).</summary>
    public int PublishedOn(DateOnly date) => _counts[IndexOf(date)];

    /// <summary>
    /// The usual level of a day: the median of the same weekday in the three weeks before and after
    /// (partial days left out). Events take the part of a day's total above it.
    /// </summary>
    public int UsualOn(DateOnly date) => _usual[IndexOf(date)];

    /// <summary>Requests the simulator writes over an inclusive range (missing days count zero).</summary>
    public long RequestsBetween(DateOnly from, DateOnly to)
    {
        long sum = 0;
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            sum += RequestsOn(d) ?? 0;
        }

        return sum;
    }

    private int IndexOf(DateOnly date) =>
        Covers(date) ? date.DayNumber - First.DayNumber : throw new ArgumentOutOfRangeException(nameof(date), date, "outside the calibrated series");

    private int SameWeekdayMedian(int index)
    {
        Span<int> neighbours = stackalloc int[6];
        var n = 0;
        foreach (var weeks in (ReadOnlySpan<int>)[-3, -2, -1, 1, 2, 3])
        {
            var j = index + (7 * weeks);
            if (j >= 0 && j < _counts.Length)
            {
                neighbours[n++] = _counts[j];
            }
        }

        // A neighbour that is itself a partial day would drag the median down; with at most one
        // such neighbour among six the median is unaffected, so no iteration is needed.
        var slice = neighbours[..n];
        slice.Sort();
        return n % 2 == 1 ? slice[n / 2] : (slice[(n / 2) - 1] + slice[n / 2]) / 2;
    }

    private static DailyTotals Load()
    {
        var rows = EmbeddedData.ReadTable(Resource, ',');
        var first = ParseDate(rows[0], "Date");
        var counts = new int[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var date = ParseDate(rows[i], "Date");
            if (date != first.AddDays(i))
            {
                throw rows[i].Fail($"expected {first.AddDays(i):yyyy-MM-dd}, found {date:yyyy-MM-dd} (the series must have no gaps)");
            }

            counts[i] = (int)rows[i].Number("Num");
        }

        return new DailyTotals(first, counts);
    }

    private static DateOnly ParseDate(TableRow row, string column) =>
        DateOnly.TryParseExact(row[column], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw row.Fail($"'{row[column]}' is not a yyyy-MM-dd date");
}

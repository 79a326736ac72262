using System.Globalization;

namespace Nyc311.Dashboard.Components.Charts;

/// <summary>How an axis places its values, as plotly.js does for the axis types the dashboard uses.</summary>
internal enum SketchAxisKind
{
    /// <summary>Numbers.</summary>
    Linear,

    /// <summary>Days as "yyyy-MM-dd" (or "yyyy-MM-dd HH:mm") text, placed by day number.</summary>
    Date,

    /// <summary>Names, placed one apart in the order they first appear.</summary>
    Category,
}

/// <summary>One axis of a <see cref="ChartSketch"/>: where values sit along it, its extent and its ticks.</summary>
internal sealed class SketchAxis(SketchAxisKind kind)
{
    private readonly Dictionary<string, int> _categories = new(StringComparer.Ordinal);

    public SketchAxisKind Kind { get; } = kind;

    // What the data spans: all of it, and the part that keeps a margin (plotly.js pads a trace's points when they are
    // drawn as markers, or lie along a value axis).
    private (double Min, double Max) _all = (double.PositiveInfinity, double.NegativeInfinity);
    private (double Min, double Max) _padded = (double.PositiveInfinity, double.NegativeInfinity);

    /// <summary>The low end of the axis (after <see cref="Settle"/>).</summary>
    public double Min { get; private set; }

    /// <summary>The high end of the axis (after <see cref="Settle"/>).</summary>
    public double Max { get; private set; } = 1;

    /// <summary>A value's place on the axis (day number, category index or the number itself), NaN for none.</summary>
    public double Position(object? value) => Kind switch
    {
        SketchAxisKind.Date => Day(value),
        SketchAxisKind.Category when value is not null => Category(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
        SketchAxisKind.Category => double.NaN,
        _ => Number(value),
    };

    /// <summary>Takes a position into the axis's extent; <paramref name="padded"/> keeps a margin beyond it.</summary>
    public void Include(double position, bool padded = false)
    {
        if (!double.IsFinite(position))
        {
            return;
        }

        _all = (Math.Min(_all.Min, position), Math.Max(_all.Max, position));
        if (padded)
        {
            _padded = (Math.Min(_padded.Min, position), Math.Max(_padded.Max, position));
        }
    }

    /// <summary>Where a position falls between the ends of the axis, 0 to 1.</summary>
    public double Fraction(double position) => (position - Min) / (Max - Min);

    /// <summary>
    /// Fixes the ends as plotly.js's autorange does: categories half a slot beyond the first and last; otherwise the
    /// extent of the data, from zero when asked (<paramref name="fromZero"/>), with 5 % of the axis kept free beyond
    /// padded positions, except at a zero end.
    /// </summary>
    public void Settle(bool fromZero)
    {
        if (Kind == SketchAxisKind.Category)
        {
            (Min, Max) = (-0.5, Math.Max(_categories.Count, 1) - 0.5);
            return;
        }

        var (low, high) = _all.Min <= _all.Max ? _all : (0, 1);
        var (zeroLow, zeroHigh) = (fromZero && low >= 0, fromZero && high <= 0);
        (low, high) = (zeroLow ? 0 : low, zeroHigh ? 0 : high);
        if (high - low < 1e-9)
        {
            (low, high) = (low - 1, high + 1);
        }

        (Min, Max) = (low, high);

        // The margin is a share of the final length, which the margins themselves change: a few rounds settle it.
        for (var round = 0; round < 8 && _padded.Min <= _padded.Max; round++)
        {
            var margin = 0.05 * (Max - Min);
            (Min, Max) = (zeroLow ? 0 : Math.Min(low, _padded.Min - margin), zeroHigh ? 0 : Math.Max(high, _padded.Max + margin));
        }
    }

    /// <summary>
    /// Labelled ticks at round values, as fractions of the axis: about <paramref name="target"/> of them (plotly.js's
    /// rough tick count), at the first step of 1, 2 or 5 times a power of ten (days: 1, 2, 3, 7 or 14; months: 1, 2, 3,
    /// 6 or 12) that is at least the extent over the target.
    /// </summary>
    public IReadOnlyList<SketchTick> Ticks(double target) => Kind switch
    {
        SketchAxisKind.Category => _categories.Count > 40 ? [] : [.. _categories.Select(c => new SketchTick(Fraction(c.Value), c.Key))],
        SketchAxisKind.Date => DateTicks((Max - Min) / target),
        _ => NumberTicks(target),
    };

    private double Category(string name)
    {
        if (!_categories.TryGetValue(name, out var index))
        {
            index = _categories.Count;
            _categories.Add(name, index);
        }

        return index;
    }

    private List<SketchTick> NumberTicks(double target)
    {
        var step = RoundStep((Max - Min) / target);
        // Whole thousands ("12k") once the values reach five digits; below that, as many decimals as the step has.
        var thousands = Math.Max(Math.Abs(Min), Math.Abs(Max)) >= 10_000 && step >= 1_000;
        var decimals = thousands ? 0 : Math.Max(0, -(int)Math.Floor(Math.Log10(step)));
        var ticks = new List<SketchTick>();
        for (var value = Math.Ceiling(Min / step - 1e-9) * step; value <= Max + 1e-9 * step; value += step)
        {
            var shown = Math.Abs(value) < step * 1e-9 ? 0 : value;
            var text = shown == 0 ? "0" : thousands
                ? (shown / 1_000).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "k"
                : shown.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

            // plotly.js writes negative numbers with a true minus sign.
            ticks.Add(new SketchTick(Fraction(value), text.Replace('-', '−')));
        }

        return ticks;
    }

    /// <summary>The smallest of 1, 2 and 5 times a power of ten that is at least <paramref name="raw"/>.</summary>
    private static double RoundStep(double raw)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        return StepMultiples.Select(m => m * power).First(s => s >= raw * (1 - 1e-9));
    }

    private static readonly int[] StepMultiples = [1, 2, 5, 10];

    // Steps for dates, as plotly.js rounds them; weekly steps count from a Sunday (2000-01-02), the others from 2000-01-01.
    private static readonly int[] DaySteps = [1, 2, 3, 7, 14];
    private static readonly int[] MonthSteps = [1, 2, 3, 6, 12];
    private static readonly int[] YearSteps = [1, 2, 5, 10, 20, 50];
    private static readonly int Sunday = new DateOnly(2000, 1, 2).DayNumber;
    private static readonly int Epoch = new DateOnly(2000, 1, 1).DayNumber;

    private List<SketchTick> DateTicks(double roughDays)
    {
        var (first, last) = ((int)Math.Ceiling(Min), (int)Math.Floor(Max));
        var ticks = new List<SketchTick>();
        if (roughDays <= DaySteps[^1])
        {
            var step = DaySteps.First(s => s >= roughDays);
            var origin = step >= 7 ? Sunday : Epoch;
            var year = int.MinValue;
            for (var day = first + Modulo(origin - first, step); day <= last; day += step)
            {
                // Each tick names its day; the first, and the first of each new year, also the year below it.
                var date = DateOnly.FromDayNumber(day);
                ticks.Add(new SketchTick(Fraction(day), Label(day, "MMM d") + (date.Year != year ? $"\n{date.Year}" : "")));
                year = date.Year;
            }

            return ticks;
        }

        var months = roughDays / 30.44;
        var monthStep = months <= MonthSteps[^1] ? MonthSteps.First(s => s >= months) : 12 * YearSteps.FirstOrDefault(s => s >= months / 12, YearSteps[^1]);
        var start = DateOnly.FromDayNumber(first);
        for (var month = new DateOnly(start.Year, start.Month, 1); month.DayNumber <= last; month = month.AddMonths(1))
        {
            var sinceEpoch = (month.Year - 2000) * 12 + month.Month - 1;
            if (month.DayNumber >= first && Modulo(sinceEpoch, monthStep) == 0)
            {
                ticks.Add(new SketchTick(Fraction(month.DayNumber), Label(month.DayNumber, monthStep >= 12 ? "yyyy" : "MMM yyyy")));
            }
        }

        return ticks;
    }

    private static int Modulo(int value, int divisor) => ((value % divisor) + divisor) % divisor;

    private static string Label(int dayNumber, string format) => DateOnly.FromDayNumber(dayNumber).ToString(format, CultureInfo.InvariantCulture);

    /// <summary>A "yyyy-MM-dd" or "yyyy-MM-dd HH:mm" text as a day number (with the time as a fraction), NaN if it is not one.</summary>
    internal static double Day(object? value)
    {
        if (value is not string text || text.Length < 10 || !DateOnly.TryParseExact(text.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return double.NaN;
        }

        var time = text.Length > 11 && TimeOnly.TryParse(text.AsSpan(11), CultureInfo.InvariantCulture, out var t) ? t.ToTimeSpan().TotalDays : 0;
        return day.DayNumber + time;
    }

    private static double Number(object? value) => value switch
    {
        double d => d,
        decimal m => (double)m,
        int i => i,
        long l => l,
        float f => f,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => double.NaN,
    };
}

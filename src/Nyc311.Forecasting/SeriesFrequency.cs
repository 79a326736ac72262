namespace Nyc311.Forecasting;

/// <summary>How the dates of a series follow each other.</summary>
public enum SeriesFrequencyKind
{
    /// <summary>A fixed step (a day, a week, an hour, five minutes, ...).</summary>
    FixedStep,

    /// <summary>The first day of each month (pandas <c>MS</c>).</summary>
    MonthStart,

    /// <summary>The last day of each month (pandas <c>M</c>).</summary>
    MonthEnd,
}

/// <summary>
/// The spacing of future dates, like the <c>freq</c> argument of Prophet's <c>make_future_dataframe</c>
/// (whose default is daily).
/// </summary>
public sealed record SeriesFrequency
{
    private SeriesFrequency(SeriesFrequencyKind kind, TimeSpan step)
    {
        Kind = kind;
        Step = step;
    }

    /// <summary>One calendar day (Prophet's default <c>freq='D'</c>).</summary>
    public static SeriesFrequency Daily { get; } = new(SeriesFrequencyKind.FixedStep, TimeSpan.FromDays(1));

    /// <summary>First day of each month.</summary>
    public static SeriesFrequency MonthStart { get; } = new(SeriesFrequencyKind.MonthStart, TimeSpan.Zero);

    /// <summary>Last day of each month.</summary>
    public static SeriesFrequency MonthEnd { get; } = new(SeriesFrequencyKind.MonthEnd, TimeSpan.Zero);

    /// <summary>The kind of spacing.</summary>
    public SeriesFrequencyKind Kind { get; }

    /// <summary>The step for <see cref="SeriesFrequencyKind.FixedStep"/>; zero otherwise.</summary>
    public TimeSpan Step { get; }

    /// <summary>A fixed, positive step.</summary>
    public static SeriesFrequency Fixed(TimeSpan step)
    {
        if (step <= TimeSpan.Zero)
        {
            throw ForecastOptionsException.OutOfRange("frequency", step.TotalDays, "the step must be positive");
        }

        return new SeriesFrequency(SeriesFrequencyKind.FixedStep, step);
    }

    /// <summary>
    /// Infers the spacing from the last five distinct dates (as pandas <c>infer_freq</c> on the tail does):
    /// month starts, month ends, or one repeated step. Falls back to <see cref="Daily"/> when the tail is irregular.
    /// </summary>
    public static SeriesFrequency Infer(IReadOnlyList<DateTime> sortedDates)
    {
        ArgumentNullException.ThrowIfNull(sortedDates);
        var tail = new List<DateTime>(5);
        for (var i = sortedDates.Count - 1; i >= 0 && tail.Count < 5; i--)
        {
            if (tail.Count == 0 || tail[^1] != sortedDates[i])
            {
                tail.Add(sortedDates[i]);
            }
        }

        if (tail.Count < 2)
        {
            return Daily;
        }

        tail.Reverse();
        if (tail.TrueForAll(d => d.TimeOfDay == TimeSpan.Zero && d.Day == 1) && ConsecutiveMonths(tail))
        {
            return MonthStart;
        }

        if (tail.TrueForAll(d => d.TimeOfDay == TimeSpan.Zero && d.Day == DateTime.DaysInMonth(d.Year, d.Month)) && ConsecutiveMonths(tail))
        {
            return MonthEnd;
        }

        var step = tail[1] - tail[0];
        for (var i = 2; i < tail.Count; i++)
        {
            if (tail[i] - tail[i - 1] != step)
            {
                return Daily;
            }
        }

        return Fixed(step);
    }

    /// <summary>The <paramref name="periods"/> dates strictly after <paramref name="last"/>, ascending.</summary>
    public IReadOnlyList<DateTime> After(DateTime last, int periods)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(periods);
        var dates = new DateTime[periods];
        var current = last;
        for (var i = 0; i < periods; i++)
        {
            current = Next(current);
            dates[i] = current;
        }

        return dates;
    }

    private DateTime Next(DateTime date) => Kind switch
    {
        SeriesFrequencyKind.FixedStep => date + Step,
        SeriesFrequencyKind.MonthStart => new DateTime(date.Year, date.Month, 1, 0, 0, 0, date.Kind).AddMonths(1),
        _ => LastDayOfMonth(date) > date
            ? LastDayOfMonth(date)
            : LastDayOfMonth(new DateTime(date.Year, date.Month, 1, 0, 0, 0, date.Kind).AddMonths(1)),
    };

    private static DateTime LastDayOfMonth(DateTime date) =>
        new(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month), 0, 0, 0, date.Kind);

    private static bool ConsecutiveMonths(List<DateTime> dates)
    {
        for (var i = 1; i < dates.Count; i++)
        {
            var months = ((dates[i].Year - dates[i - 1].Year) * 12) + dates[i].Month - dates[i - 1].Month;
            if (months != 1)
            {
                return false;
            }
        }

        return true;
    }
}

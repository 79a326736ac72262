namespace Nyc311.Forecasting.Series;

/// <summary>
/// Requests per calendar day (America/New_York) of one series, one value per consecutive day from
/// <see cref="Start"/> with no gaps (zero days explicit, as <c>gold.daily_counts</c> holds them).
/// </summary>
public sealed class DailySeries
{
    /// <summary>Creates a series; <paramref name="values"/> are counts per day from <paramref name="start"/>.</summary>
    public DailySeries(SeriesKey key, DateOnly start, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var value in values)
        {
            if (!double.IsFinite(value))
            {
                throw ForecastInputException.Invalid(key.ToString(), "a daily count is not a finite number");
            }
        }

        Key = key;
        Start = start;
        Values = [.. values];
    }

    /// <summary>Which series this is.</summary>
    public SeriesKey Key { get; }

    /// <summary>The first day.</summary>
    public DateOnly Start { get; }

    /// <summary>Requests per day, from <see cref="Start"/>.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>Number of days.</summary>
    public int Length => Values.Count;

    /// <summary>The last day (the forecast origin when the whole series is history).</summary>
    public DateOnly End => Start.AddDays(Length - 1);

    /// <summary>The day of the value at <paramref name="index"/>.</summary>
    public DateOnly DateAt(int index) => Start.AddDays(index);

    /// <summary>The days up to and including <paramref name="lastDay"/> (a history cut at a backtest cut-off).</summary>
    public DailySeries Until(DateOnly lastDay)
    {
        var count = Math.Clamp(lastDay.DayNumber - Start.DayNumber + 1, 0, Length);
        return new DailySeries(Key, Start, Values.Take(count).ToArray());
    }

    /// <summary>The values of the days from <paramref name="first"/> to <paramref name="last"/> inclusive (both inside the series).</summary>
    public double[] Between(DateOnly first, DateOnly last)
    {
        var from = first.DayNumber - Start.DayNumber;
        var to = last.DayNumber - Start.DayNumber;
        if (from < 0 || to >= Length || to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(last), $"{first:yyyy-MM-dd}..{last:yyyy-MM-dd} is not inside {Key} ({Start:yyyy-MM-dd}..{End:yyyy-MM-dd})");
        }

        return Values.Skip(from).Take(to - from + 1).ToArray();
    }

    /// <summary>Mean requests per day over the last <paramref name="days"/> days (all days when shorter).</summary>
    public double RecentMean(int days)
    {
        var count = Math.Min(days, Length);
        return count == 0 ? 0 : Values.Skip(Length - count).Average();
    }
}

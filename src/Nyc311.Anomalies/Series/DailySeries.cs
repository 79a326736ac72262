namespace Nyc311.Anomalies.Series;

/// <summary>
/// Requests per day of one series on consecutive New York calendar days from <see cref="Start"/>;
/// NaN marks a day without a usable value (before the series existed, a gap, or a data problem).
/// </summary>
public sealed class DailySeries
{
    public DailySeries(SeriesKey key, DateOnly start, double[] values)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(values);
        Key = key;
        Start = start;
        Values = values;
    }

    public SeriesKey Key { get; }

    /// <summary>The day of <c>Values[0]</c>.</summary>
    public DateOnly Start { get; }

    /// <summary>One value per day; NaN where there is none.</summary>
    public double[] Values { get; }

    public int Count => Values.Length;

    public DateOnly End => Start.AddDays(Values.Length - 1);

    public DateOnly DateAt(int index) => Start.AddDays(index);

    /// <summary>The index of a day (may be outside 0..Count-1).</summary>
    public int IndexOf(DateOnly date) => date.DayNumber - Start.DayNumber;

    /// <summary>The value of a day, or NaN outside the series.</summary>
    public double On(DateOnly date) => IndexOf(date) is var i && i >= 0 && i < Values.Length ? Values[i] : double.NaN;
}

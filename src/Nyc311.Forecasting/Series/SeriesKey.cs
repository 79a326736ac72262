namespace Nyc311.Forecasting.Series;

/// <summary>
/// A series of <c>gold.daily_counts</c>: one (complaint type, borough) pair, where either may be the
/// rollup <see cref="All"/>.
/// </summary>
/// <param name="ComplaintType">The complaint type, or <c>(all)</c>.</param>
/// <param name="Borough">The borough, or <c>(all)</c>.</param>
public readonly record struct SeriesKey(string ComplaintType, string Borough) : IComparable<SeriesKey>
{
    /// <summary>The rollup value of a column (<c>(all)</c>).</summary>
    public const string All = "(all)";

    /// <summary>The citywide total of every complaint type.</summary>
    public static SeriesKey Citywide => new(All, All);

    /// <inheritdoc />
    public int CompareTo(SeriesKey other)
    {
        var byType = string.CompareOrdinal(ComplaintType, other.ComplaintType);
        return byType != 0 ? byType : string.CompareOrdinal(Borough, other.Borough);
    }

    public static bool operator <(SeriesKey left, SeriesKey right) => left.CompareTo(right) < 0;

    public static bool operator <=(SeriesKey left, SeriesKey right) => left.CompareTo(right) <= 0;

    public static bool operator >(SeriesKey left, SeriesKey right) => left.CompareTo(right) > 0;

    public static bool operator >=(SeriesKey left, SeriesKey right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => $"{ComplaintType} / {Borough}";
}

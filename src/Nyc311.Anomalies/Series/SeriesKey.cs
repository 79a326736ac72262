using System.Globalization;

namespace Nyc311.Anomalies.Series;

/// <summary>
/// A series of <c>gold.daily_counts</c>: a (complaint type, borough) pair, where <c>(all)</c> in either
/// place is a rollup (all types, all boroughs, or both: the citywide total).
/// </summary>
public sealed record SeriesKey(string ComplaintType, string Borough) : IComparable<SeriesKey>
{
    /// <summary>The value a rolled-up column holds.</summary>
    public const string All = "(all)";

    /// <summary>All requests in the whole city.</summary>
    public static SeriesKey Citywide { get; } = new(All, All);

    public bool IsRollup => ComplaintType == All || Borough == All;

    public bool IsCitywideTotal => ComplaintType == All && Borough == All;

    /// <summary>True when <paramref name="leaf"/> (a series without rollups) is counted in this series.</summary>
    public bool Contains(SeriesKey leaf)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        return !leaf.IsRollup && (ComplaintType == All || ComplaintType == leaf.ComplaintType) && (Borough == All || Borough == leaf.Borough);
    }

    /// <summary>Plain words: "Damaged Tree in Queens", "Noise citywide", "All requests in the Bronx", "All requests citywide".</summary>
    public string Describe()
    {
        var what = ComplaintType == All ? "All requests" : ComplaintType;
        return Borough == All ? $"{what} citywide" : $"{what} in {BoroughName(Borough)}";
    }

    /// <summary>A borough as people write it: "Queens", "Staten Island", "the Bronx".</summary>
    public static string BoroughName(string borough)
    {
        ArgumentNullException.ThrowIfNull(borough);
        if (borough.Equals("BRONX", StringComparison.OrdinalIgnoreCase))
        {
            return "the Bronx";
        }

        return borough.Length > 0 && borough.Equals(borough.ToUpperInvariant(), StringComparison.Ordinal)
            ? CultureInfo.InvariantCulture.TextInfo.ToTitleCase(borough.ToLowerInvariant())
            : borough;
    }

    public int CompareTo(SeriesKey? other) =>
        other is null ? 1 : string.CompareOrdinal(ComplaintType, other.ComplaintType) is var c and not 0 ? c : string.CompareOrdinal(Borough, other.Borough);

    public override string ToString() => $"{ComplaintType} / {Borough}";

    public static bool operator <(SeriesKey? left, SeriesKey? right) => Compare(left, right) < 0;

    public static bool operator <=(SeriesKey? left, SeriesKey? right) => Compare(left, right) <= 0;

    public static bool operator >(SeriesKey? left, SeriesKey? right) => Compare(left, right) > 0;

    public static bool operator >=(SeriesKey? left, SeriesKey? right) => Compare(left, right) >= 0;

    private static int Compare(SeriesKey? left, SeriesKey? right) => left is null ? (right is null ? 0 : -1) : left.CompareTo(right);
}

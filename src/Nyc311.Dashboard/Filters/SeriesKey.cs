using Nyc311.Dashboard.Data;

namespace Nyc311.Dashboard.Filters;

/// <summary>A series of <c>gold.daily_counts</c>: a complaint type and a borough, either of which may be <c>(all)</c>.</summary>
internal sealed record SeriesKey(string ComplaintType, string Borough)
{
    public static SeriesKey Citywide { get; } = new(LakeTables.AllValues, LakeTables.AllValues);

    public bool AllTypes => ComplaintType == LakeTables.AllValues;

    public bool AllBoroughs => Borough == LakeTables.AllValues;

    /// <summary>How a person names the series: "Noise - Residential in Brooklyn", "All requests citywide".</summary>
    public string Label => (AllTypes ? "All requests" : ComplaintType) + (AllBoroughs ? " citywide" : $" in {BoroughNames.Display(Borough)}");

    public override string ToString() => Label;
}

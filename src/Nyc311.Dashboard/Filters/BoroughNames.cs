using System.Globalization;
using Nyc311.Dashboard.Data;

namespace Nyc311.Dashboard.Filters;

/// <summary>Borough names as the data spells them (upper case) and as people read them (title case).</summary>
internal static class BoroughNames
{
    /// <summary>"STATEN ISLAND" as "Staten Island"; <c>(all)</c> as "Citywide".</summary>
    public static string Display(string borough) => borough == LakeTables.AllValues
        ? "Citywide"
        : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(borough.ToLowerInvariant());
}

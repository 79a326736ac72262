namespace Nyc311.Domain;

/// <summary>The five boroughs as the 311 data spells them, and the value the data uses for none.</summary>
public static class Boroughs
{
    public const string Manhattan = "MANHATTAN";
    public const string Bronx = "BRONX";
    public const string Brooklyn = "BROOKLYN";
    public const string Queens = "QUEENS";
    public const string StatenIsland = "STATEN ISLAND";

    /// <summary>What the published data carries when no borough was recorded.</summary>
    public const string Unspecified = "Unspecified";

    /// <summary>The five boroughs in the order NYC publications list them.</summary>
    public static IReadOnlyList<string> All { get; } = [Manhattan, Bronx, Brooklyn, Queens, StatenIsland];

    /// <summary>
    /// The canonical borough for a raw value (any case, surrounding spaces, common variants such as
    /// "Staten Is" or "Kings"), or null when the value names no borough.
    /// </summary>
    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var value = string.Join(' ', raw.Trim().ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return value switch
        {
            "MANHATTAN" or "NEW YORK" or "NEW YORK COUNTY" or "MN" => Manhattan,
            "BRONX" or "THE BRONX" or "BRONX COUNTY" or "BX" => Bronx,
            "BROOKLYN" or "KINGS" or "KINGS COUNTY" or "BK" => Brooklyn,
            "QUEENS" or "QUEENS COUNTY" or "QN" => Queens,
            "STATEN ISLAND" or "STATEN IS" or "RICHMOND" or "RICHMOND COUNTY" or "SI" => StatenIsland,
            _ => null,
        };
    }
}

using Nyc311.Domain;

namespace Nyc311.Pipeline.Sql;

/// <summary>Borough spellings mapped to the 311 canonical names in SQL, with the mapping taken from <see cref="Boroughs.Normalize"/>.</summary>
internal static class BoroughSql
{
    /// <summary>The upper-case, single-spaced spellings the transform recognises (what Domain normalizes).</summary>
    public static IReadOnlyList<string> Spellings { get; } =
    [
        "MANHATTAN", "NEW YORK", "NEW YORK COUNTY", "MN",
        "BRONX", "THE BRONX", "BRONX COUNTY", "BX",
        "BROOKLYN", "KINGS", "KINGS COUNTY", "BK",
        "QUEENS", "QUEENS COUNTY", "QN",
        "STATEN ISLAND", "STATEN IS", "RICHMOND", "RICHMOND COUNTY", "SI",
    ];

    /// <summary>The canonical borough for an upper-case, single-spaced text expression, or NULL.</summary>
    public static string Canonical(ISqlDialect dialect, string upperText)
    {
        var whens = Spellings.Select(s =>
            $"WHEN {dialect.StringLiteral(s)} THEN {dialect.StringLiteral(Boroughs.Normalize(s) ?? throw new InvalidOperationException($"'{s}' names no borough."))}");
        return $"CASE {upperText} {string.Join(" ", whens)} END";
    }
}

namespace Nyc311.Ingest.Json;

/// <summary>How API field names become bronze column names.</summary>
internal static class BronzeFieldNames
{
    private const string SystemPrefix = "socrata_";

    /// <summary>
    /// The bronze name of an API field: data fields keep their name; Socrata system fields, whose
    /// names start with a colon (<c>:id</c>, <c>:updated_at</c>, <c>:@computed_region_...</c>),
    /// become <c>socrata_</c> plus the name without its leading colon and at-signs, because a colon
    /// is not portable in SQL identifiers.
    /// </summary>
    public static string ForApiField(string name)
    {
        if (!name.StartsWith(':'))
        {
            return name;
        }

        return SystemPrefix + name.TrimStart(':', '@');
    }
}

namespace Nyc311.Ingest.Files;

/// <summary>The layouts a file source can have.</summary>
public enum FileFormat
{
    /// <summary>The portal's CSV export: a header of CSV column names, RFC 4180 quoting.</summary>
    Csv,

    /// <summary>
    /// JSON text in the API's format: one array of records (what the API returns), or one or more
    /// objects one after another (pretty-printed records such as the test fixtures).
    /// </summary>
    Json,

    /// <summary>NDJSON / JSON Lines: one record object per line.</summary>
    JsonLines,
}

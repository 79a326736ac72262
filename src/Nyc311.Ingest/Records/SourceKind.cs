namespace Nyc311.Ingest;

/// <summary>Where a batch came from; bronze stores it in <c>_source</c>.</summary>
public enum SourceKind
{
    /// <summary>The Socrata API (<c>api</c>).</summary>
    Api,

    /// <summary>The portal's CSV export (<c>csv</c>).</summary>
    Csv,

    /// <summary>A JSON array, JSON objects or NDJSON file in the API's format (<c>json</c>).</summary>
    Json,
}

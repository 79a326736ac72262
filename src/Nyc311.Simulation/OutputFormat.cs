namespace Nyc311.Simulation;

/// <summary>The file formats the simulator writes.</summary>
public enum OutputFormat
{
    /// <summary>The portal's CSV export (<c>.csv</c>).</summary>
    Csv,

    /// <summary>Socrata API JSON, one array per file (<c>.json</c>).</summary>
    Json,

    /// <summary>Socrata API JSON, one object per line (<c>.ndjson</c>).</summary>
    Ndjson,
}

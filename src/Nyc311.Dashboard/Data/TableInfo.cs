namespace Nyc311.Dashboard.Data;

/// <summary>Whether a table can be shown.</summary>
public enum TableState
{
    /// <summary>No Delta table at its folder yet (for example before the first run).</summary>
    Missing,

    /// <summary>The table exists and holds no rows.</summary>
    Empty,

    /// <summary>The table holds rows.</summary>
    Ready,

    /// <summary>The table exists but could not be read; <see cref="TableInfo.Problem"/> says why.</summary>
    Unreadable,
}

/// <summary>One table of the lake as the dashboard sees it at one moment.</summary>
/// <param name="Name">The table as <c>layer.table</c>.</param>
/// <param name="State">Whether it can be shown.</param>
/// <param name="Version">Its current Delta version (-1 when missing).</param>
/// <param name="Rows">Rows of the current version, when the log's statistics say.</param>
/// <param name="Files">Live data files.</param>
/// <param name="Bytes">Bytes of the live data files.</param>
/// <param name="CommittedAt">When the current version was committed (UTC).</param>
/// <param name="Problem">Why an unreadable table could not be read.</param>
public sealed record TableInfo(string Name, TableState State, long Version, long? Rows, int Files, long Bytes, DateTimeOffset? CommittedAt, string? Problem = null)
{
    public static TableInfo Missing(string name) => new(name, TableState.Missing, -1, null, 0, 0, null);

    public static TableInfo Unreadable(string name, string problem) => new(name, TableState.Unreadable, -1, null, 0, 0, null, problem);

    public bool IsReady => State == TableState.Ready;

    /// <summary>A short token naming this version, for cache keys.</summary>
    public string VersionKey => $"{Name}@{Version}";

    /// <summary>What to tell a person when the table cannot be shown (null when it can).</summary>
    public string? Notice => State switch
    {
        TableState.Missing => $"{Name} does not exist yet: {LakeTables.BuiltBy(Name)} creates it.",
        TableState.Empty => $"{Name} exists but has no rows yet.",
        TableState.Unreadable => $"{Name} could not be read: {Problem}",
        _ => null,
    };
}

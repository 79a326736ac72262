namespace Nyc311.Lake.Tests.Conformance;

/// <summary>How strictly <see cref="DeltaLogValidator"/> judges a table.</summary>
public enum ValidationLevel
{
    /// <summary>Only what the Delta protocol says MUST hold, so that tables written correctly by Spark or delta-rs pass.</summary>
    ProtocolMust,

    /// <summary>
    /// The MUST rules plus what this layer promises for every commit it writes: stats with numRecords,
    /// minValues, maxValues and nullCount on every add (exact for numbers and dates), a deletionTimestamp
    /// on every remove, commitInfo first, txn/add/remove columns in checkpoints, and no leftover temp files.
    /// </summary>
    OwnWriter,
}

/// <summary>One broken rule: where (a log file, or a data file), which rule, and what was found.</summary>
public sealed record LogViolation(string Where, string Rule, string Detail)
{
    public override string ToString() => $"{Where}: [{Rule}] {Detail}";
}

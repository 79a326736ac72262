namespace Nyc311.Pipeline.Sql;

/// <summary>The column types the transforms produce, named by meaning; each dialect spells them.</summary>
public enum SqlType
{
    /// <summary>Text (DuckDB <c>VARCHAR</c>, Spark <c>STRING</c>).</summary>
    String,

    /// <summary>32-bit integer (<c>INTEGER</c>, <c>INT</c>).</summary>
    Int,

    /// <summary>64-bit integer (<c>BIGINT</c>).</summary>
    BigInt,

    /// <summary>64-bit floating point (<c>DOUBLE</c>).</summary>
    Double,

    /// <summary>True or false (<c>BOOLEAN</c>).</summary>
    Boolean,

    /// <summary>A calendar day without time (<c>DATE</c>).</summary>
    Date,

    /// <summary>
    /// A New York wall-clock time without zone (DuckDB <c>TIMESTAMP</c>, Spark <c>TIMESTAMP_NTZ</c>):
    /// how 311 publishes its timestamps; never shifted to UTC.
    /// </summary>
    LocalTimestamp,

    /// <summary>An instant on the UTC time line (DuckDB <c>TIMESTAMPTZ</c>, Spark <c>TIMESTAMP</c>).</summary>
    Instant,
}

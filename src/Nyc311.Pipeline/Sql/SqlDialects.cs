namespace Nyc311.Pipeline.Sql;

/// <summary>The dialects the statements render in, by the names the command line accepts.</summary>
public static class SqlDialects
{
    /// <summary>DuckDB (the embedded engine).</summary>
    public static ISqlDialect DuckDb => DuckDbDialect.Instance;

    /// <summary>Spark SQL / Databricks SQL.</summary>
    public static ISqlDialect Spark => SparkDialect.Instance;

    /// <summary>Both dialects, DuckDB first.</summary>
    public static IReadOnlyList<ISqlDialect> All { get; } = [DuckDbDialect.Instance, SparkDialect.Instance];

    /// <summary>The dialect named <paramref name="name"/> (<c>duckdb</c> or <c>spark</c>, any case), or null.</summary>
    public static ISqlDialect? Find(string? name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}

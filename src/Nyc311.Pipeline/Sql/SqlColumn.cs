namespace Nyc311.Pipeline.Sql;

/// <summary>One column of a relation a statement reads or produces.</summary>
/// <param name="Name">The column name (lower snake case, valid unquoted in DuckDB and Spark unless noted).</param>
/// <param name="Type">The column type.</param>
/// <param name="Description">What the value means, with its unit.</param>
public sealed record SqlColumn(string Name, SqlType Type, string Description);

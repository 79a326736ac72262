using DuckDB.NET.Data;
using Nyc311.Pipeline.Sql;

namespace Nyc311.Pipeline.Reference;

/// <summary>Creates reference tables in a DuckDB database (tests and local runs) from their rendered SQL.</summary>
public static class DuckDbReferenceLoader
{
    /// <summary>
    /// Creates (or replaces) each table under its <see cref="ReferenceTable.Name"/>, creating its schema when
    /// the name is qualified (<c>silver.zip_boroughs</c>).
    /// </summary>
    public static void CreateTables(DuckDBConnection connection, IEnumerable<ReferenceTable> tables)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(tables);
        foreach (var table in tables)
        {
            var dot = table.Name.IndexOf('.', StringComparison.Ordinal);
            using var command = connection.CreateCommand();
            command.CommandText = (dot > 0 ? $"CREATE SCHEMA IF NOT EXISTS {table.Name[..dot]};\n" : string.Empty)
                + $"CREATE OR REPLACE TABLE {table.Name} AS\n{ReferenceSql.Select(DuckDbDialect.Instance, table)}";
            command.ExecuteNonQuery();
        }
    }
}

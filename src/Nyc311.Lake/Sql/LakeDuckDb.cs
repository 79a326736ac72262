using System.Data;
using System.Data.Common;
using DuckDB.NET.Data;

namespace Nyc311.Lake.Sql;

/// <summary>Opens embedded DuckDB connections configured the way the lake expects, and runs SQL on them.</summary>
public static class LakeDuckDb
{
    /// <summary>
    /// An open in-memory connection. The session time zone is UTC so instants never shift and
    /// wall-clock <c>TIMESTAMP</c> values stay as written. The caller owns (disposes) it.
    /// </summary>
    public static DuckDBConnection Open(int? threads = null, string? memoryLimit = null)
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        connection.Execute("SET TimeZone = 'UTC'");

        // Large sorts and joins spill to the system temp folder instead of failing at the memory limit.
        connection.Execute($"SET temp_directory = {SqlText.Literal(Path.Combine(Path.GetTempPath(), "nyc311-duckdb-spill"))}");
        if (threads is { } t)
        {
            connection.Execute($"SET threads = {t}");
        }

        if (memoryLimit is not null)
        {
            connection.Execute($"SET memory_limit = {SqlText.Literal(memoryLimit)}");
        }

        return connection;
    }

    /// <summary>Runs a statement that returns no rows.</summary>
    public static void Execute(this DuckDBConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Runs a query returning one value (null for SQL NULL or no row).</summary>
    public static object? Scalar(this DuckDBConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    /// <summary>Runs a query and maps every row.</summary>
    public static List<T> Query<T>(this DuckDBConnection connection, string sql, Func<DbDataReader, T> map)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(map);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader(CommandBehavior.SequentialAccess);
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>The columns (name and DuckDB type) a query produces, without running it.</summary>
    public static IReadOnlyList<(string Name, string Type)> Describe(this DuckDBConnection connection, string selectSql) =>
        connection.Query($"DESCRIBE SELECT * FROM ({selectSql})", r => (r.GetString(0), r.GetString(1)));
}

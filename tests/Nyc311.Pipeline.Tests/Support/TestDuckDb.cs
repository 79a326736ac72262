using DuckDB.NET.Data;
using Nyc311.Pipeline.Reference;

namespace Nyc311.Pipeline.Tests.Support;

/// <summary>An in-memory DuckDB database set up like the platform's: UTC session, layer schemas, reference tables.</summary>
public sealed class TestDuckDb : IDisposable
{
    public TestDuckDb(bool withReferenceTables = true)
    {
        Connection = new DuckDBConnection("DataSource=:memory:");
        Connection.Open();
        Execute("SET TimeZone = 'UTC'");
        // Test data is tiny: one thread avoids scheduling overhead when test classes run in parallel.
        Execute("SET threads = 1");
        foreach (var schema in new[] { "bronze", "silver", "gold", "staging" })
        {
            Execute($"CREATE SCHEMA {schema}");
        }

        if (withReferenceTables)
        {
            DuckDbReferenceLoader.CreateTables(Connection, ReferenceData.Tables(2020, 2027));
        }
    }

    public DuckDBConnection Connection { get; }

    public void Execute(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Creates (or replaces) a table from a SELECT.</summary>
    public void Create(string table, string select) => Execute($"CREATE OR REPLACE TABLE {table} AS\n{select}");

    public IReadOnlyList<Row> Query(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<Row>();
        while (reader.Read())
        {
            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                values[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(new Row(values));
        }

        return rows;
    }

    public T Scalar<T>(string sql) => Query(sql).Single().Get<T>(0);

    /// <summary>The (name, DuckDB type) of each column a SELECT yields.</summary>
    public IReadOnlyList<(string Name, string Type)> Describe(string select) =>
        [.. Query($"DESCRIBE {select}").Select(r => (r.Get<string>("column_name"), r.Get<string>("column_type")))];

    public void Dispose() => Connection.Dispose();
}

/// <summary>One result row, by column name.</summary>
public sealed class Row(IReadOnlyDictionary<string, object?> values)
{
    public IReadOnlyDictionary<string, object?> Values { get; } = values;

    public object? this[string column] => Values.TryGetValue(column, out var value)
        ? value
        : throw new KeyNotFoundException($"No column '{column}' in [{string.Join(", ", Values.Keys)}].");

    public T Get<T>(string column) => (T)this[column]!;

    public T Get<T>(int ordinal) => (T)Values.Values.ElementAt(ordinal)!;

    public override string ToString() => string.Join(", ", Values.Select(v => $"{v.Key}={v.Value}"));
}

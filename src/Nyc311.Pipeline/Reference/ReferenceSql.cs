using System.Globalization;
using Nyc311.Pipeline.Sql;

namespace Nyc311.Pipeline.Reference;

/// <summary>Reference tables rendered as SQL, so either engine can create them from the statement alone.</summary>
public static class ReferenceSql
{
    /// <summary>A SELECT yielding the rows of <paramref name="table"/> with its column names and types.</summary>
    public static string Select(ISqlDialect dialect, ReferenceTable table)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(table);
        if (table.Rows.Count == 0)
        {
            throw new ArgumentException($"Reference table {table.Name} has no rows; an inline table needs at least one.", nameof(table));
        }

        var rows = table.Rows.Select(row => (IReadOnlyList<string>)[.. table.Columns.Select((column, i) => Literal(dialect, column, row[i]))]).ToList();
        var columns = table.Columns.Select(c => dialect.QuoteIdentifier(c.Name)).ToList();
        var items = table.Columns.Select((c, i) => $"CAST(v.{columns[i]} AS {dialect.TypeName(c.Type)}) AS {columns[i]}");
        return $"SELECT\n    {SqlText.List(items)}\nFROM {dialect.InlineTable("v", [.. table.Columns.Select(c => c.Name)], rows)}";
    }

    private static string Literal(ISqlDialect dialect, SqlColumn column, object? value) => value switch
    {
        null => dialect.Null(column.Type),
        string text => dialect.StringLiteral(text),
        DateOnly date => dialect.DateLiteral(date),
        bool flag => flag ? "TRUE" : "FALSE",
        int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        double number => SqlText.Double(number),
        _ => throw new ArgumentException($"Column {column.Name}: values of type {value.GetType().Name} have no SQL literal here.", nameof(value)),
    };
}

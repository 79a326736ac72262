namespace Nyc311.Lake.Sql;

/// <summary>Quoting for identifiers and literals in generated DuckDB SQL.</summary>
public static class SqlText
{
    /// <summary>A double-quoted identifier, with embedded quotes doubled.</summary>
    public static string Identifier(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A qualified name <c>schema.name</c> with both parts quoted.</summary>
    public static string QualifiedName(string qualified)
    {
        ArgumentNullException.ThrowIfNull(qualified);
        var dot = qualified.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? Identifier(qualified) : $"{Identifier(qualified[..dot])}.{Identifier(qualified[(dot + 1)..])}";
    }

    /// <summary>A single-quoted string literal, with embedded quotes doubled.</summary>
    public static string Literal(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    /// <summary>A DuckDB list literal of file paths, for <c>read_parquet([...])</c>.</summary>
    public static string PathList(IEnumerable<string> paths) => "[" + string.Join(", ", paths.Select(Literal)) + "]";
}

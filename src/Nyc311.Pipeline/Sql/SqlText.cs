using System.Globalization;

namespace Nyc311.Pipeline.Sql;

/// <summary>Small helpers for laying out SQL text the same way in every statement.</summary>
internal static class SqlText
{
    /// <summary>Rows of literals as <c>(a, b), (c, d)</c>.</summary>
    public static string Rows(IReadOnlyList<IReadOnlyList<string>> rows) =>
        string.Join(",\n    ", rows.Select(row => "(" + string.Join(", ", row) + ")"));

    /// <summary>Select-list items, one per line, indented by <paramref name="indent"/> spaces.</summary>
    public static string List(IEnumerable<string> items, int indent = 4) =>
        string.Join(",\n" + new string(' ', indent), items);

    /// <summary>An integer literal.</summary>
    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A double literal that reads back to the same value.</summary>
    public static string Double(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Rejects relation names that could not be a table, a view or a parenthesized subquery.</summary>
    public static string Relation(string relation, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relation, parameterName);
        if (relation.Contains(';', StringComparison.Ordinal))
        {
            throw new ArgumentException($"A relation is a table, view or parenthesized query, not several statements: '{relation}'.", parameterName);
        }

        return relation;
    }
}

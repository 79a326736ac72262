namespace Nyc311.Dashboard;

/// <summary>Base of the errors the dashboard raises; the message says what was wrong in plain words.</summary>
public class DashboardException : Exception
{
    protected DashboardException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    /// <summary>The options cannot start a dashboard.</summary>
    public static DashboardException InvalidOptions(string reason) => new InvalidDashboardOptionsException($"invalid dashboard options: {reason}");

    /// <summary>A table exists but could not be read (a corrupt log, a feature the lake layer does not implement, ...).</summary>
    public static DashboardException UnreadableTable(string table, Exception inner) =>
        new UnreadableTableException(table, $"{table} could not be read: {inner?.Message}", inner);
}

/// <summary>The options cannot start a dashboard.</summary>
public sealed class InvalidDashboardOptionsException : DashboardException
{
    internal InvalidDashboardOptionsException(string message)
        : base(message)
    {
    }
}

/// <summary>A table exists but could not be read.</summary>
public sealed class UnreadableTableException : DashboardException
{
    internal UnreadableTableException(string table, string message, Exception? inner)
        : base(message, inner) => Table = table;

    /// <summary>The table, as <c>layer.table</c>.</summary>
    public string Table { get; }
}

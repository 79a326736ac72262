namespace Nyc311.Forecasting;

/// <summary>
/// A forecast table shaped like Prophet's <c>predict</c> output: one row per date (history first, then the
/// future) and named numeric columns in Prophet's order (<c>trend</c>, <c>yhat_lower</c>, <c>yhat_upper</c>,
/// <c>trend_lower</c>, <c>trend_upper</c>, one column per component, ..., <c>yhat</c>). Values are on the
/// scale of the input series; <see cref="double.NaN"/> marks a value that does not exist (for example a
/// baseline's fitted value before it has enough history).
/// </summary>
public sealed class Forecast
{
    private readonly Dictionary<string, ForecastColumn> _byName;

    /// <summary>Creates a forecast table; every column must have one value per date.</summary>
    public Forecast(IReadOnlyList<DateTime> dates, IReadOnlyList<ForecastColumn> columns, int historyCount)
    {
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentOutOfRangeException.ThrowIfNegative(historyCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(historyCount, dates.Count);
        _byName = new Dictionary<string, ForecastColumn>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            if (column.Values.Count != dates.Count)
            {
                throw new ArgumentException($"column '{column.Name}' has {column.Values.Count} values for {dates.Count} dates", nameof(columns));
            }

            if (!_byName.TryAdd(column.Name, column))
            {
                throw new ArgumentException($"duplicate column '{column.Name}'", nameof(columns));
            }
        }

        foreach (var required in new[] { "yhat", "yhat_lower", "yhat_upper" })
        {
            if (!_byName.ContainsKey(required))
            {
                throw new ArgumentException($"a forecast needs a '{required}' column", nameof(columns));
            }
        }

        Dates = dates;
        Columns = columns;
        HistoryCount = historyCount;
    }

    /// <summary>The <c>ds</c> column: one date (or timestamp) per row, ascending.</summary>
    public IReadOnlyList<DateTime> Dates { get; }

    /// <summary>All numeric columns in output order (without <c>ds</c>).</summary>
    public IReadOnlyList<ForecastColumn> Columns { get; }

    /// <summary>How many leading rows are history dates (in-sample fit); the rest are future dates.</summary>
    public int HistoryCount { get; }

    /// <summary>The point forecast.</summary>
    public IReadOnlyList<double> Yhat => _byName["yhat"].Values;

    /// <summary>Lower bound of the prediction interval.</summary>
    public IReadOnlyList<double> YhatLower => _byName["yhat_lower"].Values;

    /// <summary>Upper bound of the prediction interval.</summary>
    public IReadOnlyList<double> YhatUpper => _byName["yhat_upper"].Values;

    /// <summary>The column with the given name (for example <c>trend</c>, <c>weekly</c> or a holiday's name).</summary>
    /// <exception cref="KeyNotFoundException">No such column.</exception>
    public IReadOnlyList<double> this[string name] =>
        _byName.TryGetValue(name, out var column) ? column.Values : throw new KeyNotFoundException($"the forecast has no column '{name}'");

    /// <summary>Whether a column with this name exists.</summary>
    public bool HasColumn(string name) => _byName.ContainsKey(name);
}

/// <summary>One named numeric column of a <see cref="Forecast"/>.</summary>
/// <param name="Name">The column name as Prophet writes it (<c>yhat</c>, <c>weekly_lower</c>, ...).</param>
/// <param name="Values">One value per forecast row.</param>
public sealed record ForecastColumn(string Name, IReadOnlyList<double> Values);

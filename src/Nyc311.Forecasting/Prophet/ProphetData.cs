namespace Nyc311.Forecasting.Prophet;

/// <summary>
/// A series in Prophet's data-frame shape: dates (<c>ds</c>), values (<c>y</c>, <see cref="double.NaN"/> for
/// missing), and the optional <c>cap</c>, <c>floor</c> and regressor columns. Rows need not be sorted.
/// For prediction only <see cref="Dates"/> (and cap, floor, regressors when the model uses them) matter.
/// </summary>
public sealed class ProphetData
{
    /// <summary>Creates a series from dates and, for fitting, values.</summary>
    public ProphetData(IReadOnlyList<DateTime> dates, IReadOnlyList<double>? values = null)
    {
        ArgumentNullException.ThrowIfNull(dates);
        Dates = dates;
        Values = values;
    }

    /// <summary>The <c>ds</c> column: dates or timestamps without time zone.</summary>
    public IReadOnlyList<DateTime> Dates { get; }

    /// <summary>The <c>y</c> column; NaN marks a missing value (dropped from fitting, as Prophet does).</summary>
    public IReadOnlyList<double>? Values { get; }

    /// <summary>Capacity per row, needed for logistic growth.</summary>
    public IReadOnlyList<double>? Cap { get; init; }

    /// <summary>Saturating minimum per row, optional for logistic growth.</summary>
    public IReadOnlyList<double>? Floor { get; init; }

    /// <summary>Values of extra regressors by name, one per row.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> Regressors { get; init; } = new Dictionary<string, IReadOnlyList<double>>();

    /// <summary>Where the data came from (a file name), used in error messages; null for in-memory data.</summary>
    public string? SourceName { get; init; }

    /// <summary>Number of rows.</summary>
    public int Count => Dates.Count;
}

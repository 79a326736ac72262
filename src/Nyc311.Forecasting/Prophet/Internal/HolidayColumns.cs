namespace Nyc311.Forecasting.Prophet.Internal;

/// <summary>
/// Prophet's <c>make_holiday_features</c>: one indicator column per holiday and window offset, named
/// <c>{holiday}_delim_{+|-}{offset}</c> and sorted by name; a row is 1 when its calendar day is that occurrence.
/// </summary>
internal sealed class HolidayColumns
{
    private readonly HashSet<DateOnly>[] _days;

    private HolidayColumns(string[] names, double[] priorScales, HashSet<DateOnly>[] days, string[] holidayNames)
    {
        Names = names;
        PriorScales = priorScales;
        _days = days;
        HolidayNames = holidayNames;
    }

    /// <summary>Column names, sorted ordinally as Python's <c>sorted</c>.</summary>
    public string[] Names { get; }

    /// <summary>Prior scale of each column.</summary>
    public double[] PriorScales { get; }

    /// <summary>Distinct holiday names in order of first appearance (Prophet's <c>train_holiday_names</c>).</summary>
    public string[] HolidayNames { get; }

    public static HolidayColumns? Create(IReadOnlyList<ProphetHoliday> holidays, double defaultPriorScale)
    {
        if (holidays.Count == 0)
        {
            return null;
        }

        var priorByName = new Dictionary<string, double>(StringComparer.Ordinal);
        var holidayNames = new List<string>();
        var daysByColumn = new Dictionary<string, HashSet<DateOnly>>(StringComparer.Ordinal);
        foreach (var holiday in holidays)
        {
            var scale = holiday.PriorScale is { } s && !double.IsNaN(s) ? s : defaultPriorScale;
            if (priorByName.TryGetValue(holiday.Name, out var existing))
            {
                if (existing != scale)
                {
                    throw ForecastOptionsException.Inconsistent("holidays", $"holiday '{holiday.Name}' does not have a consistent prior_scale");
                }
            }
            else
            {
                priorByName.Add(holiday.Name, scale);
                holidayNames.Add(holiday.Name);
            }

            for (var offset = holiday.LowerWindow; offset <= holiday.UpperWindow; offset++)
            {
                var key = $"{holiday.Name}_delim_{(offset >= 0 ? '+' : '-')}{Math.Abs(offset)}";
                if (!daysByColumn.TryGetValue(key, out var days))
                {
                    days = [];
                    daysByColumn.Add(key, days);
                }

                days.Add(holiday.Date.AddDays(offset));
            }
        }

        var names = daysByColumn.Keys.ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        var priorScales = new double[names.Length];
        var columnDays = new HashSet<DateOnly>[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            priorScales[i] = priorByName[ComponentOf(names[i])];
            columnDays[i] = daysByColumn[names[i]];
        }

        return new HolidayColumns(names, priorScales, columnDays, [.. holidayNames]);
    }

    /// <summary>The component (holiday name) of a column: the text before the first <c>_delim_</c>.</summary>
    public static string ComponentOf(string column)
    {
        var at = column.IndexOf("_delim_", StringComparison.Ordinal);
        return at < 0 ? column : column[..at];
    }

    /// <summary>Writes the indicators of each row into the row-major matrix.</summary>
    public void Fill(DateTime[] dates, double[] matrix, int rowWidth, int firstColumn)
    {
        for (var row = 0; row < dates.Length; row++)
        {
            var day = DateOnly.FromDateTime(dates[row]);
            var offset = (row * rowWidth) + firstColumn;
            for (var c = 0; c < _days.Length; c++)
            {
                matrix[offset + c] = _days[c].Contains(day) ? 1.0 : 0.0;
            }
        }
    }
}

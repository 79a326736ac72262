namespace Nyc311.Forecasting.Baselines;

/// <summary>A history sorted by date with missing values removed, validated for the baselines.</summary>
internal sealed class BaselineSeries
{
    private BaselineSeries(DateTime[] dates, double[] values)
    {
        Dates = dates;
        Values = values;
    }

    public DateTime[] Dates { get; }

    public double[] Values { get; }

    public static BaselineSeries Create(IReadOnlyList<DateTime> dates, IReadOnlyList<double> values, string? source)
    {
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(values);
        if (dates.Count != values.Count)
        {
            throw ForecastInputException.Invalid(source, $"{dates.Count} dates but {values.Count} values");
        }

        var pairs = new List<(DateTime Date, double Value)>(dates.Count);
        for (var i = 0; i < dates.Count; i++)
        {
            if (double.IsInfinity(values[i]))
            {
                throw ForecastInputException.Invalid(source, $"y is infinite at row {i + 1}");
            }

            if (!double.IsNaN(values[i]))
            {
                pairs.Add((dates[i], values[i]));
            }
        }

        if (pairs.Count < 2)
        {
            throw ForecastInputException.TooFewRows(source, pairs.Count);
        }

        pairs.Sort((a, b) => a.Date.CompareTo(b.Date));
        for (var i = 1; i < pairs.Count; i++)
        {
            if (pairs[i].Date == pairs[i - 1].Date)
            {
                throw ForecastInputException.Invalid(source, $"date {pairs[i].Date:yyyy-MM-dd HH:mm:ss} appears more than once");
            }
        }

        return new BaselineSeries([.. pairs.Select(p => p.Date)], [.. pairs.Select(p => p.Value)]);
    }
}

using Nyc311.Forecasting.Series;

namespace Nyc311.Forecasting.Models;

/// <summary>
/// The forecast of one series for the days after <see cref="Origin"/>: point forecast and prediction
/// interval per day, in requests per day, never negative.
/// </summary>
/// <param name="Key">The series.</param>
/// <param name="Origin">The last day of history; the first forecast day is the day after.</param>
/// <param name="Mean">Expected requests for day <c>Origin + h</c> at index <c>h - 1</c>.</param>
/// <param name="Lower">Lower bound of the interval, per day.</param>
/// <param name="Upper">Upper bound of the interval, per day.</param>
public sealed record SeriesForecast(SeriesKey Key, DateOnly Origin, IReadOnlyList<double> Mean, IReadOnlyList<double> Lower, IReadOnlyList<double> Upper)
{
    /// <summary>Number of days forecast.</summary>
    public int Horizon => Mean.Count;

    /// <summary>The day forecast at index <paramref name="index"/> (horizon <c>index + 1</c>).</summary>
    public DateOnly DateAt(int index) => Origin.AddDays(index + 1);

    /// <summary>A forecast whose values and bounds are floored at 0 and whose bounds enclose the point forecast.</summary>
    internal static SeriesForecast Counts(SeriesKey key, DateOnly origin, double[] mean, double[] lower, double[] upper)
    {
        for (var i = 0; i < mean.Length; i++)
        {
            mean[i] = Floor(mean[i]);
            lower[i] = Math.Min(Floor(lower[i]), mean[i]);
            upper[i] = Math.Max(Floor(upper[i]), mean[i]);
        }

        return new SeriesForecast(key, origin, mean, lower, upper);
    }

    // NaN (no value, e.g. a baseline without enough history) becomes 0 rather than poisoning the table.
    private static double Floor(double value) => double.IsNaN(value) ? 0 : Math.Max(0, value);
}

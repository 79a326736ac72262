using System.Runtime.ExceptionServices;
using Nyc311.Forecasting.Series;

namespace Nyc311.Forecasting.Models;

/// <summary>A model fitted to each series on its own, series in parallel; results land by index, so order never depends on threads.</summary>
internal abstract class PerSeriesForecaster : IForecaster
{
    public abstract string Name { get; }

    public IReadOnlyList<SeriesForecast> Forecast(IReadOnlyList<DailySeries> histories, ForecastSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var results = new SeriesForecast[histories.Count];
        try
        {
            Parallel.For(
                0,
                histories.Count,
                new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism, CancellationToken = cancellationToken },
                i => results[i] = ForecastOne(histories[i], settings));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count >= 1)
        {
            // A series' own error (a fit that fails, say) reaches the caller as itself, not inside the thread pool's wrapper.
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }

        return results;
    }

    protected abstract SeriesForecast ForecastOne(DailySeries history, ForecastSettings settings);

    /// <summary>The history as Prophet-style timestamps (midnight of each day).</summary>
    protected static DateTime[] Timestamps(DailySeries history)
    {
        var dates = new DateTime[history.Length];
        for (var i = 0; i < dates.Length; i++)
        {
            dates[i] = history.DateAt(i).ToDateTime(TimeOnly.MinValue);
        }

        return dates;
    }

    /// <summary>The future rows of a <see cref="Nyc311.Forecasting.Forecast"/> table as a series forecast.</summary>
    protected static SeriesForecast FutureOf(Forecast table, DailySeries history, int horizon)
    {
        var start = table.HistoryCount;
        var mean = new double[horizon];
        var lower = new double[horizon];
        var upper = new double[horizon];
        for (var h = 0; h < horizon; h++)
        {
            mean[h] = table.Yhat[start + h];
            lower[h] = table.YhatLower[start + h];
            upper[h] = table.YhatUpper[start + h];
        }

        return SeriesForecast.Counts(history.Key, history.End, mean, lower, upper);
    }
}

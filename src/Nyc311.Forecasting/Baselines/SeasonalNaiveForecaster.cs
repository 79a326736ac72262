namespace Nyc311.Forecasting.Baselines;

/// <summary>
/// Seasonal naive: the forecast for a date is the value one season earlier (by default the same weekday
/// last week); further ahead, the last observed value of that season position is repeated. The interval
/// adds the empirical quantiles of the in-sample errors <c>y(t) - y(t - j seasons)</c> for the same number
/// j of seasons back.
/// </summary>
public sealed class SeasonalNaiveForecaster
{
    private readonly TimeSpan _season;
    private readonly BaselineOptions _options;

    /// <summary>Creates the forecaster.</summary>
    /// <param name="season">Season length; null is 7 days (same weekday last week).</param>
    /// <param name="options">Interval width, future spacing and clamping.</param>
    public SeasonalNaiveForecaster(TimeSpan? season = null, BaselineOptions? options = null)
    {
        _season = season ?? TimeSpan.FromDays(7);
        if (_season <= TimeSpan.Zero)
        {
            throw ForecastOptionsException.OutOfRange("season", _season.TotalDays, "must be positive");
        }

        _options = options ?? new BaselineOptions();
        _options.Validate();
    }

    /// <summary>
    /// Fitted values for the history (NaN where the date one season earlier has no value) followed by
    /// <paramref name="periods"/> future dates.
    /// </summary>
    /// <param name="dates">History dates.</param>
    /// <param name="values">History values; NaN marks a missing value.</param>
    /// <param name="periods">Number of future dates.</param>
    /// <param name="sourceName">Name of the data for error messages.</param>
    public Forecast Forecast(IReadOnlyList<DateTime> dates, IReadOnlyList<double> values, int periods, string? sourceName = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(periods);
        var series = BaselineSeries.Create(dates, values, sourceName);
        var byDate = new Dictionary<DateTime, double>(series.Dates.Length);
        for (var i = 0; i < series.Dates.Length; i++)
        {
            byDate[series.Dates[i]] = series.Values[i];
        }

        var last = series.Dates[^1];
        var frequency = _options.Frequency ?? SeriesFrequency.Infer(series.Dates);
        var future = frequency.After(last, periods);
        var allDates = series.Dates.Concat(future).ToArray();
        var n = allDates.Length;
        var yhat = new double[n];
        var seasonsBack = new int[n];
        for (var i = 0; i < n; i++)
        {
            (yhat[i], seasonsBack[i]) = i < series.Dates.Length
                ? (byDate.TryGetValue(allDates[i] - _season, out var v) ? v : double.NaN, 1)
                : LastSeasonalValue(allDates[i], series.Dates[0], last, byDate);
        }

        var intervals = IntervalsBySeasonsBack(series, byDate, seasonsBack.Max());
        var lower = new double[n];
        var upper = new double[n];
        for (var i = 0; i < n; i++)
        {
            var interval = intervals(seasonsBack[i]);
            lower[i] = yhat[i] + interval.Lower;
            upper[i] = yhat[i] + interval.Upper;
        }

        return BaselineForecast.Create(allDates, yhat, lower, upper, series.Dates.Length, _options.ClampAtZero);
    }

    private (double Value, int SeasonsBack) LastSeasonalValue(DateTime target, DateTime first, DateTime last, Dictionary<DateTime, double> byDate)
    {
        var j = (int)Math.Ceiling((double)(target - last).Ticks / _season.Ticks);
        for (var back = Math.Max(j, 1); back < j + 1000; back++)
        {
            var source = target - (back * _season);
            if (source < first)
            {
                break;
            }

            if (byDate.TryGetValue(source, out var value))
            {
                return (value, back);
            }
        }

        return (double.NaN, Math.Max(j, 1));
    }

    private Func<int, EmpiricalInterval> IntervalsBySeasonsBack(BaselineSeries series, Dictionary<DateTime, double> byDate, int maxSeasonsBack)
    {
        var known = new Dictionary<int, EmpiricalInterval>();
        var largest = 0;
        for (var j = 1; j <= maxSeasonsBack; j++)
        {
            var errors = new List<double>();
            for (var i = 0; i < series.Dates.Length; i++)
            {
                if (byDate.TryGetValue(series.Dates[i] - (j * _season), out var earlier))
                {
                    errors.Add(series.Values[i] - earlier);
                }
            }

            if (errors.Count < EmpiricalInterval.MinimumErrors)
            {
                break;
            }

            known[j] = EmpiricalInterval.Of(errors, _options.IntervalWidth);
            largest = j;
        }

        return j =>
        {
            if (known.TryGetValue(j, out var interval))
            {
                return interval;
            }

            // Too few errors this far back: widen the furthest reliable interval like a random walk over seasons.
            return largest == 0
                ? new EmpiricalInterval(double.NaN, double.NaN)
                : known[largest].Scaled(Math.Sqrt((double)j / largest));
        };
    }
}

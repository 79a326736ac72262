namespace Nyc311.Forecasting.Baselines;

/// <summary>
/// Moving average: the forecast is the mean of the last <c>window</c> observed values (for the history, of
/// the <c>window</c> values before each date). The interval adds the empirical quantiles of the in-sample
/// errors at the same horizon (the error of the mean at origin o against the value h steps later).
/// </summary>
public sealed class MovingAverageForecaster
{
    private readonly int _window;
    private readonly BaselineOptions _options;

    /// <summary>Creates the forecaster.</summary>
    /// <param name="window">Number of most recent values averaged; default 7.</param>
    /// <param name="options">Interval width, future spacing and clamping.</param>
    public MovingAverageForecaster(int window = 7, BaselineOptions? options = null)
    {
        if (window < 1)
        {
            throw ForecastOptionsException.OutOfRange("window", window, "must be at least 1");
        }

        _window = window;
        _options = options ?? new BaselineOptions();
        _options.Validate();
    }

    /// <summary>
    /// Fitted values for the history (NaN for the first <c>window</c> values) followed by
    /// <paramref name="periods"/> future dates.
    /// </summary>
    /// <param name="dates">History dates.</param>
    /// <param name="values">History values; NaN marks a missing value (skipped).</param>
    /// <param name="periods">Number of future dates.</param>
    /// <param name="sourceName">Name of the data for error messages.</param>
    public Forecast Forecast(IReadOnlyList<DateTime> dates, IReadOnlyList<double> values, int periods, string? sourceName = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(periods);
        var series = BaselineSeries.Create(dates, values, sourceName);
        var y = series.Values;
        var count = y.Length;
        if (count < _window)
        {
            throw ForecastInputException.Invalid(sourceName, $"the moving average needs at least {_window} values, found {count}");
        }

        // means[o] is the mean of the window ending at index o (NaN before a full window).
        var means = new double[count];
        var sum = 0.0;
        for (var i = 0; i < count; i++)
        {
            sum += y[i];
            if (i >= _window)
            {
                sum -= y[i - _window];
            }

            means[i] = i >= _window - 1 ? sum / _window : double.NaN;
        }

        var frequency = _options.Frequency ?? SeriesFrequency.Infer(series.Dates);
        var future = frequency.After(series.Dates[^1], periods);
        var n = count + periods;
        var allDates = series.Dates.Concat(future).ToArray();
        var yhat = new double[n];
        var horizon = new int[n];
        for (var i = 0; i < n; i++)
        {
            if (i < count)
            {
                yhat[i] = i >= 1 ? means[i - 1] : double.NaN;
                horizon[i] = 1;
            }
            else
            {
                yhat[i] = means[count - 1];
                horizon[i] = i - count + 1;
            }
        }

        var intervals = IntervalsByHorizon(y, means, Math.Max(1, periods));
        var lower = new double[n];
        var upper = new double[n];
        for (var i = 0; i < n; i++)
        {
            var interval = intervals(horizon[i]);
            lower[i] = yhat[i] + interval.Lower;
            upper[i] = yhat[i] + interval.Upper;
        }

        return BaselineForecast.Create(allDates, yhat, lower, upper, count, _options.ClampAtZero);
    }

    private Func<int, EmpiricalInterval> IntervalsByHorizon(double[] y, double[] means, int maxHorizon)
    {
        var known = new Dictionary<int, EmpiricalInterval>();
        var largest = 0;
        var errors = new List<double>(y.Length);
        for (var h = 1; h <= maxHorizon; h++)
        {
            errors.Clear();
            for (var origin = _window - 1; origin + h < y.Length; origin++)
            {
                errors.Add(y[origin + h] - means[origin]);
            }

            if (errors.Count < EmpiricalInterval.MinimumErrors)
            {
                break;
            }

            known[h] = EmpiricalInterval.Of(errors, _options.IntervalWidth);
            largest = h;
        }

        return h =>
        {
            if (known.TryGetValue(h, out var interval))
            {
                return interval;
            }

            return largest == 0
                ? new EmpiricalInterval(double.NaN, double.NaN)
                : known[largest].Scaled(Math.Sqrt((double)h / largest));
        };
    }
}

using System.Runtime.ExceptionServices;
using Nyc311.Forecasting.Prophet.Internal;

namespace Nyc311.Forecasting.Prophet.Diagnostics;

/// <summary>One row of Prophet's <c>cross_validation</c> output: a forecast made at <see cref="Cutoff"/> for <see cref="Ds"/>.</summary>
/// <param name="Ds">The day forecast.</param>
/// <param name="Yhat">The point forecast.</param>
/// <param name="YhatLower">Lower bound of the interval (equal to <paramref name="Yhat"/> without uncertainty samples).</param>
/// <param name="YhatUpper">Upper bound of the interval.</param>
/// <param name="Y">What happened.</param>
/// <param name="Cutoff">The last history date the model was fitted on.</param>
public sealed record CrossValidationRow(DateTime Ds, double Yhat, double YhatLower, double YhatUpper, double Y, DateTime Cutoff)
{
    /// <summary>How far ahead the forecast was (<c>ds - cutoff</c>), the key of <c>performance_metrics</c>.</summary>
    public TimeSpan Horizon => Ds - Cutoff;
}

/// <summary>
/// Prophet's <c>diagnostics.cross_validation</c> and <c>generate_cutoffs</c>: refit the model at several
/// cut-offs on the history up to each, forecast the history rows in <c>(cutoff, cutoff + horizon]</c>, and
/// keep the forecasts beside the actual values.
/// </summary>
public static class ProphetCrossValidation
{
    /// <summary>
    /// Prophet's <c>generate_cutoffs</c>: the last cut-off is the last date minus <paramref name="horizon"/>;
    /// earlier ones step back by <paramref name="period"/> while at least <paramref name="initial"/> of history
    /// remains; a cut-off whose window holds no data moves back to the last date before it, minus the horizon.
    /// </summary>
    /// <returns>The cut-offs, oldest first.</returns>
    /// <exception cref="ForecastInputException">The data is shorter than the horizon, or leaves no cut-off.</exception>
    public static IReadOnlyList<DateTime> GenerateCutoffs(IReadOnlyList<DateTime> dates, TimeSpan horizon, TimeSpan initial, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(dates);
        if (dates.Count == 0)
        {
            throw ForecastInputException.Invalid(null, "cross-validation needs history");
        }

        var first = dates.Min();
        var last = dates.Max();
        var cutoff = last - horizon;
        if (cutoff < first)
        {
            throw ForecastInputException.Invalid(null, $"less data than the horizon of {horizon.TotalDays:0.###} days");
        }

        var result = new List<DateTime> { cutoff };
        while (result[^1] >= first + initial)
        {
            cutoff -= period;
            var windowStart = cutoff;
            if (!dates.Any(d => d > windowStart && d <= windowStart + horizon) && cutoff > first)
            {
                cutoff = dates.Where(d => d <= windowStart).Max() - horizon;
            }

            result.Add(cutoff);
        }

        result.RemoveAt(result.Count - 1);
        if (result.Count == 0)
        {
            throw ForecastInputException.Invalid(null, $"no cut-off leaves {initial.TotalDays:0.###} days of history and a {horizon.TotalDays:0.###}-day horizon; make the initial window shorter");
        }

        result.Reverse();
        return result;
    }

    /// <summary>
    /// Prophet's <c>cross_validation(model, horizon, period, initial, cutoffs=...)</c>. Each cut-off refits a
    /// copy of <paramref name="model"/> as <c>prophet_copy</c> does: the same options, the seasonalities the
    /// fitted model resolved (the 'auto' rules are not re-run on the shorter history) and only the explicit
    /// changepoints before the cut-off. Without <paramref name="cutoffs"/>, the period defaults to half the
    /// horizon and the initial window to the larger of three horizons and the longest seasonality period.
    /// </summary>
    /// <param name="model">The model fitted on <paramref name="history"/>.</param>
    /// <param name="history">The data the model was fitted on (rows without a value are ignored, as Prophet does).</param>
    /// <param name="horizon">How far ahead each cut-off forecasts.</param>
    /// <param name="period">Spacing of generated cut-offs.</param>
    /// <param name="initial">History every generated cut-off must leave.</param>
    /// <param name="cutoffs">Explicit cut-offs, instead of generating them.</param>
    /// <param name="parallelism">Cut-offs fitted at once (Prophet's <c>parallel="processes"</c>).</param>
    /// <param name="cancellationToken">Stops between fits.</param>
    /// <returns>The rows ordered by cut-off, then date.</returns>
    public static IReadOnlyList<CrossValidationRow> Run(
        ProphetModel model,
        ProphetData history,
        TimeSpan horizon,
        TimeSpan? period = null,
        TimeSpan? initial = null,
        IReadOnlyList<DateTime>? cutoffs = null,
        int parallelism = 1,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Run(model.Options, model.Seasonalities, history, horizon, period, initial, cutoffs, parallelism, cancellationToken);
    }

    /// <summary>
    /// The same as <see cref="Run(ProphetModel, ProphetData, TimeSpan, TimeSpan?, TimeSpan?, IReadOnlyList{DateTime}?, int, CancellationToken)"/>
    /// for a model with <paramref name="options"/> that was not fitted: the seasonalities are resolved on
    /// <paramref name="history"/> as the fit would, which saves the full fit when only the cross-validation
    /// matters (a hyperparameter grid, for example).
    /// </summary>
    public static IReadOnlyList<CrossValidationRow> Run(
        ProphetOptions options,
        ProphetData history,
        TimeSpan horizon,
        TimeSpan? period = null,
        TimeSpan? initial = null,
        IReadOnlyList<DateTime>? cutoffs = null,
        int parallelism = 1,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(history);
        options.Validate();
        var dates = ValuedRows(history).Select(i => history.Dates[i]).ToArray();
        if (dates.Length < 2)
        {
            throw ForecastInputException.Invalid(history.SourceName, "cross-validation needs at least two values");
        }

        var seasonalities = ProphetPreprocessor.ResolveSeasonalities(dates, options);
        return Run(options, seasonalities, history, horizon, period, initial, cutoffs, parallelism, cancellationToken);
    }

    private static IReadOnlyList<CrossValidationRow> Run(
        ProphetOptions options,
        IReadOnlyList<ProphetSeasonality> seasonalities,
        ProphetData history,
        TimeSpan horizon,
        TimeSpan? period,
        TimeSpan? initial,
        IReadOnlyList<DateTime>? cutoffs,
        int parallelism,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        if (horizon <= TimeSpan.Zero)
        {
            throw ForecastOptionsException.OutOfRange("horizon", horizon.TotalDays, "must be positive");
        }

        var rows = ValuedRows(history);
        var dates = rows.Select(i => history.Dates[i]).ToArray();
        if (cutoffs is null)
        {
            var longest = seasonalities.Select(s => s.Period).DefaultIfEmpty(0).Max();
            var step = period ?? (horizon / 2);
            var window = initial ?? TimeSpan.FromTicks(Math.Max((horizon * 3).Ticks, TimeSpan.FromDays(longest).Ticks));
            cutoffs = GenerateCutoffs(dates, horizon, window, step);
        }
        else if (cutoffs.Count == 0 || cutoffs.Min() <= dates.Min() || cutoffs.Max() > dates.Max() - horizon)
        {
            throw ForecastOptionsException.Inconsistent("cutoffs", "each cut-off must be after the first date and leave a whole horizon before the last one");
        }

        var copied = CopyOptions(options, seasonalities);
        var results = new IReadOnlyList<CrossValidationRow>[cutoffs.Count];
        try
        {
            Parallel.For(
                0,
                cutoffs.Count,
                new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
                c => results[c] = SingleCutoff(history, rows, cutoffs[c], horizon, copied));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count >= 1)
        {
            // A refit's own error (too little history before a cut-off) reaches the caller as itself.
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
        return [.. results.SelectMany(r => r)];
    }

    /// <summary>The rows with a value, by date (Prophet's <c>model.history</c>).</summary>
    private static int[] ValuedRows(ProphetData history) =>
        [.. Enumerable.Range(0, history.Count).Where(i => history.Values is { } values && !double.IsNaN(values[i])).OrderBy(i => history.Dates[i])];

    /// <summary>Prophet's <c>single_cutoff_forecast</c>.</summary>
    private static List<CrossValidationRow> SingleCutoff(ProphetData history, int[] rows, DateTime cutoff, TimeSpan horizon, ProphetOptions options)
    {
        var train = rows.Where(i => history.Dates[i] <= cutoff).ToArray();
        if (train.Length < 2)
        {
            throw ForecastInputException.Invalid(history.SourceName, $"fewer than two rows before the cut-off {cutoff:yyyy-MM-dd HH:mm:ss}; make the initial window longer");
        }

        if (options.Changepoints is { } changepoints)
        {
            var lastTrain = train.Max(i => history.Dates[i]);
            options = options with { Changepoints = [.. changepoints.Where(c => c < lastTrain)] };
        }

        var test = rows.Where(i => history.Dates[i] > cutoff && history.Dates[i] <= cutoff + horizon).ToArray();
        var fitted = ProphetModel.Fit(Subset(history, train), options);
        var forecast = fitted.Predict(Subset(history, test));
        var hasInterval = options.UncertaintySamples > 0;
        var result = new List<CrossValidationRow>(test.Length);
        for (var r = 0; r < test.Length; r++)
        {
            var yhat = forecast.Yhat[r];
            result.Add(new CrossValidationRow(
                forecast.Dates[r],
                yhat,
                hasInterval ? forecast.YhatLower[r] : yhat,
                hasInterval ? forecast.YhatUpper[r] : yhat,
                history.Values![test[r]],
                cutoff));
        }

        return result;
    }

    /// <summary>
    /// Prophet's <c>prophet_copy</c>: the fitted model's options with its resolved seasonalities fixed (built-in
    /// switches off, every seasonality listed explicitly with its order, prior scale and mode).
    /// </summary>
    private static ProphetOptions CopyOptions(ProphetOptions options, IReadOnlyList<ProphetSeasonality> seasonalities) => options with
    {
        YearlySeasonality = SeasonalitySetting.Disabled,
        WeeklySeasonality = SeasonalitySetting.Disabled,
        DailySeasonality = SeasonalitySetting.Disabled,
        ExtraSeasonalities = [.. seasonalities.Select(s => new CustomSeasonality(s.Name, s.Period, s.FourierOrder, s.PriorScale, s.Mode))],
    };

    private static ProphetData Subset(ProphetData data, int[] rows) => new(
        rows.Select(i => data.Dates[i]).ToArray(),
        data.Values is { } values ? rows.Select(i => values[i]).ToArray() : null)
    {
        Cap = data.Cap is { } cap ? rows.Select(i => cap[i]).ToArray() : null,
        Floor = data.Floor is { } floor ? rows.Select(i => floor[i]).ToArray() : null,
        Regressors = data.Regressors.ToDictionary(p => p.Key, p => (IReadOnlyList<double>)[.. rows.Select(i => p.Value[i])], StringComparer.Ordinal),
        SourceName = data.SourceName,
    };
}

using Nyc311.Forecasting.Prophet.Internal;

namespace Nyc311.Forecasting.Prophet;

/// <summary>
/// A fitted Prophet model: the C# equivalent of <c>Prophet(**options).fit(df)</c>. Create one with
/// <see cref="Fit"/>, then call <see cref="MakeFutureDates"/> and <see cref="Predict(ProphetData)"/> as in
/// <c>m.predict(m.make_future_dataframe(periods))</c>. Instances are immutable and thread-safe.
/// </summary>
public sealed partial class ProphetModel
{
    private readonly PreparedFit _prepared;
    private readonly double[] _delta;
    private readonly double[] _beta;

    private ProphetModel(ProphetOptions options, PreparedFit prepared, double[] x, ProphetFitInfo fitInfo)
    {
        Options = options;
        _prepared = prepared;
        var data = prepared.Data;
        if (options.CmdStanSignificantDigits is { } digits)
        {
            x = RoundLikeCmdStan(x, data.SigmaIndex, digits);
        }

        var k = x[0];
        _delta = x.AsSpan(2, data.S).ToArray();
        if (prepared.HasDummyChangepoint)
        {
            // Prophet folds the dummy changepoint's rate change into k when no changepoints exist.
            k += _delta[0];
            _delta[0] = 0;
        }

        _beta = x.AsSpan(data.BetaIndex, data.K).ToArray();
        Parameters = new ProphetParameters(k, x[1], _delta, Math.Exp(x[data.SigmaIndex]), _beta);
        FitInfo = fitInfo;
    }

    /// <summary>The options the model was fitted with.</summary>
    public ProphetOptions Options { get; }

    /// <summary>The MAP parameters (Prophet's <c>m.params</c>).</summary>
    public ProphetParameters Parameters { get; }

    /// <summary>How the optimisation went.</summary>
    public ProphetFitInfo FitInfo { get; }

    /// <summary>Dates of the trend changepoints (Prophet's <c>m.changepoints</c>).</summary>
    public IReadOnlyList<DateTime> ChangepointDates => _prepared.ChangepointDates;

    /// <summary>Seasonalities in use after the 'auto' rules.</summary>
    public IReadOnlyList<ProphetSeasonality> Seasonalities => _prepared.Layout.Seasonalities;

    /// <summary>Names of the feature columns, in the order of <see cref="ProphetParameters.Beta"/>.</summary>
    public IReadOnlyList<string> FeatureNames => _prepared.Layout.ColumnNames;

    /// <summary>The y scale (max |y| under absmax).</summary>
    public double YScale => _prepared.Scales.YScale;

    /// <summary>The first history date, where scaled time is 0.</summary>
    public DateTime Start => _prepared.Scales.Start;

    /// <summary>The span of the history, which is one unit of scaled time.</summary>
    public TimeSpan TimeScale => TimeSpan.FromTicks(_prepared.Scales.TimeScaleTicks);

    /// <summary>All distinct dates of the data the model was fitted on, including rows without a value.</summary>
    public IReadOnlyList<DateTime> HistoryDates => _prepared.HistoryDates;

    /// <summary>
    /// Fits the model by MAP estimation, as <c>Prophet(...).fit(df)</c>.
    /// </summary>
    /// <exception cref="ForecastInputException">The data cannot be used (fewer than two values, missing cap, ...).</exception>
    /// <exception cref="ForecastOptionsException">An option is invalid.</exception>
    /// <exception cref="ForecastFitException">The optimiser failed.</exception>
    public static ProphetModel Fit(ProphetData history, ProphetOptions? options = null)
    {
        options ??= new ProphetOptions();
        var prepared = ProphetPreprocessor.Prepare(history, options);
        var (x, info) = Optimize(prepared, options);
        return new ProphetModel(options, prepared, x, info);
    }

    /// <summary>
    /// CmdStan writes the optimum to CSV with a fixed number of significant digits (6 by default) and Prophet
    /// reads the parameters back from there; sigma_obs is written on its natural (constrained) scale.
    /// </summary>
    private static double[] RoundLikeCmdStan(double[] x, int sigmaIndex, int digits)
    {
        var rounded = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            var value = i == sigmaIndex ? Math.Exp(x[i]) : x[i];
            value = double.Parse(value.ToString("G" + digits, System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
            rounded[i] = i == sigmaIndex ? Math.Log(value) : value;
        }

        return rounded;
    }

    /// <summary>
    /// The dates of <c>make_future_dataframe(periods, freq)</c>: the history dates (when
    /// <paramref name="includeHistory"/>) followed by <paramref name="periods"/> dates after the last one.
    /// </summary>
    /// <param name="periods">Number of future dates.</param>
    /// <param name="frequency">Spacing of future dates; null is daily, Prophet's default.</param>
    /// <param name="includeHistory">Whether to start with the history dates.</param>
    public IReadOnlyList<DateTime> MakeFutureDates(int periods, SeriesFrequency? frequency = null, bool includeHistory = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(periods);
        var history = _prepared.HistoryDates;
        var future = (frequency ?? SeriesFrequency.Daily).After(history[^1], periods);
        return includeHistory ? [.. history, .. future] : future;
    }
}


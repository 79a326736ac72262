namespace Nyc311.Forecasting.Prophet;

/// <summary>
/// Settings of a Prophet model. Every default is Prophet's own (<c>Prophet.__init__</c>), so a default
/// instance reproduces <c>Prophet()</c>; <see cref="Seed"/> and <see cref="ClampAtZero"/> are additions.
/// </summary>
public sealed record ProphetOptions
{
    /// <summary>Trend model; default linear.</summary>
    public ProphetGrowth Growth { get; init; } = ProphetGrowth.Linear;

    /// <summary>Explicit changepoint dates (inside the history); null places <see cref="ChangepointCount"/> automatically.</summary>
    public IReadOnlyList<DateTime>? Changepoints { get; init; }

    /// <summary>Number of automatic changepoints (<c>n_changepoints</c>); default 25.</summary>
    public int ChangepointCount { get; init; } = 25;

    /// <summary>Share of the history, from the start, in which automatic changepoints are placed; default 0.8.</summary>
    public double ChangepointRange { get; init; } = 0.8;

    /// <summary>Yearly seasonality (period 365.25 days, default order 10); default auto (on with two years of history).</summary>
    public SeasonalitySetting YearlySeasonality { get; init; } = SeasonalitySetting.Auto;

    /// <summary>Weekly seasonality (period 7 days, default order 3); default auto (on with two weeks of sub-weekly data).</summary>
    public SeasonalitySetting WeeklySeasonality { get; init; } = SeasonalitySetting.Auto;

    /// <summary>Daily seasonality (period 1 day, default order 4); default auto (on with two days of sub-daily data).</summary>
    public SeasonalitySetting DailySeasonality { get; init; } = SeasonalitySetting.Auto;

    /// <summary>Extra seasonalities (<c>add_seasonality</c>).</summary>
    public IReadOnlyList<CustomSeasonality> ExtraSeasonalities { get; init; } = [];

    /// <summary>Holidays table; empty for none.</summary>
    public IReadOnlyList<ProphetHoliday> Holidays { get; init; } = [];

    /// <summary>Extra regressors (<c>add_regressor</c>), with values supplied in <see cref="ProphetData.Regressors"/>.</summary>
    public IReadOnlyList<ProphetRegressor> Regressors { get; init; } = [];

    /// <summary>Mode of the built-in seasonalities (and of holidays and regressors unless set); default additive.</summary>
    public SeasonalityMode SeasonalityMode { get; init; } = SeasonalityMode.Additive;

    /// <summary>Mode of holidays; null follows <see cref="SeasonalityMode"/>.</summary>
    public SeasonalityMode? HolidaysMode { get; init; }

    /// <summary>Prior scale of seasonality coefficients (normal prior standard deviation); default 10.</summary>
    public double SeasonalityPriorScale { get; init; } = 10.0;

    /// <summary>Prior scale of holiday coefficients; default 10.</summary>
    public double HolidaysPriorScale { get; init; } = 10.0;

    /// <summary>Scale of the Laplace prior on trend changes (<c>tau</c>); default 0.05.</summary>
    public double ChangepointPriorScale { get; init; } = 0.05;

    /// <summary>Width of the prediction intervals, in (0, 1); default 0.80 (10th to 90th percentile).</summary>
    public double IntervalWidth { get; init; } = 0.80;

    /// <summary>Number of simulated paths for the intervals; 0 skips intervals. Default 1000.</summary>
    public int UncertaintySamples { get; init; } = 1000;

    /// <summary>Scaling of y; default absmax.</summary>
    public ProphetScaling Scaling { get; init; } = ProphetScaling.AbsMax;

    /// <summary>Optimiser; default as Prophet chooses.</summary>
    public ProphetAlgorithm Algorithm { get; init; } = ProphetAlgorithm.Auto;

    /// <summary>Seed of the interval simulation; the same seed gives the same intervals. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// Floors <c>yhat</c>, <c>yhat_lower</c> and <c>yhat_upper</c> at 0, for series of counts. Off by default,
    /// which is Prophet's behaviour.
    /// </summary>
    public bool ClampAtZero { get; init; }

    /// <summary>
    /// Significant digits kept of each fitted parameter, as Prophet gets them back from CmdStan's CSV output
    /// (CmdStan's default is 6). Null keeps full precision. This only matters for badly scaled series (for
    /// example y near 6e8 under absmax scaling), where Prophet's own forecasts carry the rounding.
    /// </summary>
    public int? CmdStanSignificantDigits { get; init; } = 6;

    /// <summary>The mode holidays actually use.</summary>
    internal SeasonalityMode EffectiveHolidaysMode => HolidaysMode ?? SeasonalityMode;

    internal void Validate()
    {
        Positive("changepoint-prior-scale", ChangepointPriorScale);
        Positive("seasonality-prior-scale", SeasonalityPriorScale);
        Positive("holidays-prior-scale", HolidaysPriorScale);
        if (ChangepointCount < 0)
        {
            throw ForecastOptionsException.OutOfRange("n-changepoints", ChangepointCount, "must be 0 or more");
        }

        if (!(ChangepointRange is > 0 and <= 1))
        {
            throw ForecastOptionsException.OutOfRange("changepoint-range", ChangepointRange, "must be in (0, 1]");
        }

        if (!(IntervalWidth is > 0 and < 1))
        {
            throw ForecastOptionsException.OutOfRange("interval-width", IntervalWidth, "must be in (0, 1)");
        }

        if (UncertaintySamples < 0)
        {
            throw ForecastOptionsException.OutOfRange("uncertainty-samples", UncertaintySamples, "must be 0 or more");
        }

        foreach (var seasonality in ExtraSeasonalities)
        {
            if (!(seasonality.Period > 0) || double.IsInfinity(seasonality.Period))
            {
                throw ForecastOptionsException.OutOfRange($"seasonality {seasonality.Name} period", seasonality.Period, "must be positive");
            }

            if (seasonality.FourierOrder <= 0)
            {
                throw ForecastOptionsException.OutOfRange($"seasonality {seasonality.Name} order", seasonality.FourierOrder, "must be positive");
            }

            if (seasonality.PriorScale is { } scale)
            {
                Positive($"seasonality {seasonality.Name} prior scale", scale);
            }
        }

        foreach (var holiday in Holidays)
        {
            if (string.IsNullOrWhiteSpace(holiday.Name))
            {
                throw ForecastOptionsException.Inconsistent("holidays", "a holiday has no name");
            }

            if (holiday.LowerWindow > 0 || holiday.UpperWindow < 0)
            {
                throw ForecastOptionsException.Inconsistent("holidays", $"holiday '{holiday.Name}' needs lower_window <= 0 <= upper_window");
            }

            if (holiday.PriorScale is { } scale && !double.IsNaN(scale))
            {
                Positive($"holiday {holiday.Name} prior scale", scale);
            }
        }

        foreach (var regressor in Regressors)
        {
            if (regressor.PriorScale is { } scale)
            {
                Positive($"regressor {regressor.Name} prior scale", scale);
            }
        }
    }

    private static void Positive(string option, double value)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            throw ForecastOptionsException.OutOfRange(option, value, "must be positive and finite");
        }
    }
}

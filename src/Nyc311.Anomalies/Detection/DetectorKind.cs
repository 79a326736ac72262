namespace Nyc311.Anomalies.Detection;

/// <summary>The detectors, chosen by <see cref="AnomalyOptions.Detector"/>.</summary>
public enum DetectorKind
{
    /// <summary>Count forecast, robust z-score and STL combined: twice the median of their p-values (valid under any dependence).</summary>
    Ensemble,

    /// <summary>A Poisson or negative binomial predictive distribution around the expected count.</summary>
    CountForecast,

    /// <summary>The plain forecast-interval method of the original design: a normal distribution fitted to the interval.</summary>
    ForecastInterval,

    /// <summary>Robust z-score of the day's residual against the median and MAD of past residuals.</summary>
    RobustZ,

    /// <summary>STL decomposition of the recent past; the day is judged against trend plus last week's seasonal value.</summary>
    Stl,
}

/// <summary>How a day's expected requests are computed from the days before it.</summary>
public enum ExpectationKind
{
    WeekdayMedian,
    SeasonalNaive,
    MovingAverage,
    Prophet,
}

/// <summary>The configuration names of detectors and expectations.</summary>
public static class DetectorNames
{
    public static string Of(DetectorKind kind) => kind switch
    {
        DetectorKind.Ensemble => "ensemble",
        DetectorKind.CountForecast => "count_forecast",
        DetectorKind.ForecastInterval => "forecast_interval",
        DetectorKind.RobustZ => "robust_z",
        _ => "stl",
    };

    public static string Of(ExpectationKind kind) => kind switch
    {
        ExpectationKind.WeekdayMedian => "weekday_median",
        ExpectationKind.SeasonalNaive => "seasonal_naive",
        ExpectationKind.MovingAverage => "moving_average",
        _ => "prophet",
    };

    public static IReadOnlyList<string> Detectors { get; } = [.. Enum.GetValues<DetectorKind>().Select(Of)];

    /// <summary>Parses a configuration name (<c>count_forecast</c>, case-insensitive).</summary>
    public static DetectorKind ParseDetector(string name)
    {
        foreach (var kind in Enum.GetValues<DetectorKind>())
        {
            if (Of(kind).Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        throw AnomalyOptionsException.Invalid([$"Detector '{name}' is not one of {string.Join(", ", Detectors)}"]);
    }

    public static ExpectationKind ParseExpectation(string name)
    {
        foreach (var kind in Enum.GetValues<ExpectationKind>())
        {
            if (Of(kind).Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        throw AnomalyOptionsException.Invalid([$"Expectation '{name}' is not one of weekday_median, seasonal_naive, moving_average, prophet"]);
    }
}

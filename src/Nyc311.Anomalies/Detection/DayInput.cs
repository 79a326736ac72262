using Nyc311.Anomalies.Detection.Expectations;

namespace Nyc311.Anomalies.Detection;

/// <summary>What a detector sees of one judged day: the history strictly before it, and the expectation made from that history.</summary>
internal readonly ref struct DayInput(ReadOnlySpan<double> history, DateOnly historyStart, double observed, ExpectationFit fit, ExternalForecast? forecast)
{
    public ReadOnlySpan<double> History { get; } = history;

    public DateOnly HistoryStart { get; } = historyStart;

    /// <summary>The judged day: the day after the history.</summary>
    public DateOnly Date => HistoryStart.AddDays(History.Length);

    public double Observed { get; } = observed;

    public ExpectationFit Fit { get; } = fit;

    public ExternalForecast? Forecast { get; } = forecast;

    /// <summary>Observed minus expected over the residual window (NaN where either is unknown).</summary>
    public double[] Residuals()
    {
        var fitted = Fit.Fitted;
        var residuals = new double[fitted.Length];
        for (var k = 0; k < fitted.Length; k++)
        {
            var t = History.Length - fitted.Length + k;
            residuals[k] = t >= 0 ? History[t] - fitted[k] : double.NaN;
        }

        return residuals;
    }

    /// <summary>The observed values of the residual window, aligned with <see cref="ExpectationFit.Fitted"/>.</summary>
    public double[] WindowObserved()
    {
        var window = new double[Fit.Fitted.Length];
        for (var k = 0; k < window.Length; k++)
        {
            var t = History.Length - window.Length + k;
            window[k] = t >= 0 ? History[t] : double.NaN;
        }

        return window;
    }
}

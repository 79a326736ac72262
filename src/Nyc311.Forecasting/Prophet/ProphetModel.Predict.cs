using Nyc311.Forecasting.Prophet.Internal;

namespace Nyc311.Forecasting.Prophet;

/// <summary>Point forecasts and components, as Prophet's <c>predict</c>.</summary>
public sealed partial class ProphetModel
{
    /// <summary>Forecast for these dates (for example from <see cref="MakeFutureDates"/>).</summary>
    public Forecast Predict(IReadOnlyList<DateTime> dates) => Predict(new ProphetData(dates));

    /// <summary>
    /// The forecast for the rows of <paramref name="data"/> (sorted by date), with Prophet's columns:
    /// <c>trend</c>, [<c>cap</c>], [<c>floor</c>], <c>yhat_lower</c>, <c>yhat_upper</c>, <c>trend_lower</c>,
    /// <c>trend_upper</c>, each component with its <c>_lower</c> and <c>_upper</c>, then <c>yhat</c>. With
    /// <see cref="ProphetOptions.UncertaintySamples"/> = 0 there are no interval columns (as in Prophet, where
    /// the point forecast is still returned). Rows after the last history date are counted as future.
    /// </summary>
    /// <exception cref="ForecastInputException">cap, floor or a regressor is needed but missing.</exception>
    public Forecast Predict(ProphetData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Count == 0)
        {
            throw ForecastInputException.Invalid(data.SourceName, "the data frame to predict has no rows");
        }

        var frame = PredictionFrame.Create(data, this);
        var n = frame.Dates.Length;
        var scales = _prepared.Scales;
        var layout = _prepared.Layout;

        var trendScaled = new double[n];
        TrendOf(frame.Time, frame.CapScaled, trendScaled);
        var trend = new double[n];
        for (var i = 0; i < n; i++)
        {
            trend[i] = (trendScaled[i] * scales.YScale) + frame.Floor[i];
        }

        var features = layout.Build(frame.Dates, frame.Regressors);
        var width = layout.ColumnCount;
        var components = new List<(ComponentColumns Component, double[] Values)>();
        double[]? additiveTerms = null;
        double[]? multiplicativeTerms = null;
        foreach (var component in layout.Components)
        {
            var values = new double[n];
            for (var i = 0; i < n; i++)
            {
                var sum = 0.0;
                foreach (var c in component.Columns)
                {
                    sum += features[(i * width) + c] * _beta[c];
                }

                values[i] = component.IsAdditive ? sum * scales.YScale : sum;
            }

            components.Add((component, values));
            if (component.Name == "additive_terms")
            {
                additiveTerms = values;
            }
            else if (component.Name == "multiplicative_terms")
            {
                multiplicativeTerms = values;
            }
        }

        var yhat = new double[n];
        for (var i = 0; i < n; i++)
        {
            yhat[i] = (trend[i] * (1 + multiplicativeTerms![i])) + additiveTerms![i];
        }

        var intervals = Options.UncertaintySamples > 0
            ? SimulateIntervals(frame, trendScaled, additiveTerms!, multiplicativeTerms!)
            : null;

        if (Options.ClampAtZero)
        {
            ClampAtZero(yhat);
            if (intervals is not null)
            {
                ClampAtZero(intervals.YhatLower);
                ClampAtZero(intervals.YhatUpper);
            }
        }

        var columns = new List<ForecastColumn> { new("trend", trend) };
        if (data.Cap is not null)
        {
            columns.Add(new ForecastColumn("cap", frame.Cap!));
        }

        if (scales.LogisticFloor)
        {
            columns.Add(new ForecastColumn("floor", frame.Floor));
        }

        if (intervals is not null)
        {
            columns.Add(new ForecastColumn("yhat_lower", intervals.YhatLower));
            columns.Add(new ForecastColumn("yhat_upper", intervals.YhatUpper));
            columns.Add(new ForecastColumn("trend_lower", intervals.TrendLower));
            columns.Add(new ForecastColumn("trend_upper", intervals.TrendUpper));
        }
        else
        {
            // A forecast always has bounds; without simulation they collapse onto the point forecast.
            columns.Add(new ForecastColumn("yhat_lower", yhat));
            columns.Add(new ForecastColumn("yhat_upper", yhat));
        }

        foreach (var (component, values) in components)
        {
            columns.Add(new ForecastColumn(component.Name, values));
            if (intervals is not null)
            {
                // With a MAP fit there is one parameter draw, so a component's percentiles are the component itself.
                columns.Add(new ForecastColumn(component.Name + "_lower", values));
                columns.Add(new ForecastColumn(component.Name + "_upper", values));
            }
        }

        columns.Add(new ForecastColumn("yhat", yhat));
        var historyCount = 0;
        var lastHistory = _prepared.HistoryDates[^1];
        while (historyCount < n && frame.Dates[historyCount] <= lastHistory)
        {
            historyCount++;
        }

        return new Forecast(frame.Dates, columns, historyCount);
    }

    /// <summary>The trend on scaled axes for scaled times (before multiplying by the y scale).</summary>
    private void TrendOf(double[] t, double[] capScaled, double[] result)
    {
        var changepoints = _prepared.Data.Changepoints;
        switch (Options.Growth)
        {
            case ProphetGrowth.Linear:
                TrendFunctions.PiecewiseLinear(t, _delta, Parameters.K, Parameters.M, changepoints, result);
                break;
            case ProphetGrowth.Logistic:
                TrendFunctions.PiecewiseLogistic(t, capScaled, _delta, Parameters.K, Parameters.M, changepoints, result);
                break;
            default:
                TrendFunctions.Flat(Parameters.M, result);
                break;
        }
    }

    private static void ClampAtZero(double[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] < 0)
            {
                values[i] = 0;
            }
        }
    }
}

namespace Nyc311.Forecasting.Prophet.Internal;

/// <summary>The rows to predict, sorted by date, with Prophet's derived columns (<c>setup_dataframe</c>).</summary>
internal sealed class PredictionFrame
{
    private PredictionFrame(DateTime[] dates, double[] time, double[] floor, double[]? cap, double[] capScaled, double[][] regressors)
    {
        Dates = dates;
        Time = time;
        Floor = floor;
        Cap = cap;
        CapScaled = capScaled;
        Regressors = regressors;
    }

    public DateTime[] Dates { get; }

    /// <summary>Scaled time; above 1 after the history.</summary>
    public double[] Time { get; }

    /// <summary>The floor added back to the trend (the logistic floor, or the y offset).</summary>
    public double[] Floor { get; }

    public double[]? Cap { get; }

    public double[] CapScaled { get; }

    /// <summary>Raw regressor values in the model's regressor order.</summary>
    public double[][] Regressors { get; }

    public static PredictionFrame Create(ProphetData data, ProphetModel model)
    {
        var options = model.Options;
        var n = data.Count;
        var order = Enumerable.Range(0, n).ToArray();
        var keys = data.Dates.ToArray();
        Array.Sort(keys, order);
        var scales = model.Scales;
        if (scales.LogisticFloor && data.Floor is null)
        {
            throw ForecastInputException.MissingColumn(data.SourceName, "floor");
        }

        if (options.Growth == ProphetGrowth.Logistic && data.Cap is null)
        {
            throw ForecastInputException.MissingColumn(data.SourceName, "cap");
        }

        var time = new double[n];
        var floor = new double[n];
        var cap = data.Cap is null ? null : new double[n];
        var capScaled = new double[n];
        for (var r = 0; r < n; r++)
        {
            var i = order[r];
            time[r] = scales.ScaledTime(keys[r]);
            floor[r] = scales.LogisticFloor ? data.Floor![i] : scales.YMin;
            if (cap is not null)
            {
                cap[r] = data.Cap![i];
                capScaled[r] = (cap[r] - floor[r]) / scales.YScale;
            }
        }

        var regressorNames = model.RegressorNames;
        var regressors = new double[regressorNames.Count][];
        for (var c = 0; c < regressorNames.Count; c++)
        {
            if (!data.Regressors.TryGetValue(regressorNames[c], out var values))
            {
                throw ForecastInputException.MissingColumn(data.SourceName, regressorNames[c]);
            }

            regressors[c] = order.Select(i => values[i]).ToArray();
            if (Array.Exists(regressors[c], double.IsNaN))
            {
                throw ForecastInputException.Invalid(data.SourceName, $"regressor '{regressorNames[c]}' has missing values");
            }
        }

        return new PredictionFrame(keys, time, floor, cap, capScaled, regressors);
    }
}

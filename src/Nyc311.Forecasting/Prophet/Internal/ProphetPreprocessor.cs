namespace Nyc311.Forecasting.Prophet.Internal;

/// <summary>
/// Prophet's steps before optimisation (<c>fit</c> up to the Stan call): drop rows without y, sort,
/// scale, choose seasonalities, build features, place changepoints and initialise the parameters.
/// </summary>
internal static partial class ProphetPreprocessor
{
    public static PreparedFit Prepare(ProphetData data, ProphetOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var source = data.SourceName;
        if (data.Values is null)
        {
            throw ForecastInputException.Invalid(source, "fitting needs the y values");
        }

        RequireLength(data, data.Values, "y");
        var logisticFloor = options.Growth == ProphetGrowth.Logistic && data.Floor is not null;
        if (options.Growth == ProphetGrowth.Logistic && data.Cap is null)
        {
            throw ForecastInputException.MissingColumn(source, "cap");
        }

        var rows = new List<int>(data.Count);
        for (var i = 0; i < data.Count; i++)
        {
            var y = data.Values[i];
            if (double.IsInfinity(y))
            {
                throw ForecastInputException.Invalid(source, $"y is infinite at row {i + 1}");
            }

            if (!double.IsNaN(y))
            {
                rows.Add(i);
            }
        }

        if (rows.Count < 2)
        {
            throw ForecastInputException.TooFewRows(source, rows.Count);
        }

        var order = rows.ToArray();
        var keys = order.Select(i => data.Dates[i]).ToArray();
        Array.Sort(keys, order);
        var n = order.Length;
        var ds = new DateTime[n];
        var y0 = new double[n];
        var floor = new double[n];
        var cap = new double[n];
        for (var r = 0; r < n; r++)
        {
            var i = order[r];
            ds[r] = data.Dates[i];
            y0[r] = data.Values[i];
            floor[r] = logisticFloor ? data.Floor![i] : 0;
            cap[r] = data.Cap is null ? 0 : data.Cap[i];
        }

        var start = ds[0];
        var timeScale = ds[^1].Ticks - start.Ticks;
        if (timeScale == 0)
        {
            throw ForecastInputException.Invalid(source, "all dates with a value are equal; the series needs at least two distinct dates");
        }

        var (yScale, yMin) = Scale(options, y0, floor, cap, logisticFloor);
        var scales = new ModelScales(yScale, yMin, logisticFloor, start, timeScale);
        if (!logisticFloor)
        {
            Array.Fill(floor, yMin);
        }

        var t = new double[n];
        var yScaled = new double[n];
        var capScaled = new double[n];
        for (var r = 0; r < n; r++)
        {
            t[r] = scales.ScaledTime(ds[r]);
            yScaled[r] = (y0[r] - floor[r]) / yScale;
            if (options.Growth == ProphetGrowth.Logistic)
            {
                if (cap[r] <= floor[r])
                {
                    throw ForecastInputException.Invalid(source, $"cap must be greater than floor (which defaults to 0); row dated {ds[r]:yyyy-MM-dd HH:mm:ss} is not");
                }

                capScaled[r] = (cap[r] - floor[r]) / yScale;
            }
        }

        var regressors = StandardizeRegressors(data, options, order);
        var seasonalities = ResolveSeasonalities(ds, options);
        var holidays = HolidayColumns.Create(options.Holidays, options.HolidaysPriorScale);
        var layout = FeatureLayout.Create(seasonalities, holidays, regressors, options.EffectiveHolidaysMode);
        var regressorValues = regressors.Select(r => order.Select(i => data.Regressors[r.Name][i]).ToArray()).ToArray();
        var features = layout.Build(ds, regressorValues);

        var changepointDates = Changepoints(ds, options);
        var changepointTimes = changepointDates.Select(scales.ScaledTime).ToArray();
        Array.Sort(changepointTimes);
        var dummy = changepointTimes.Length == 0;
        if (dummy)
        {
            changepointTimes = [0.0];
        }

        var modelData = new ModelData(
            t, yScaled, capScaled, changepointTimes, features, layout.PriorScales, options.ChangepointPriorScale,
            options.Growth, layout.Additive, layout.Multiplicative);
        var (k, m) = InitialTrend(options.Growth, t, yScaled, capScaled);
        var historyDates = data.Dates.Distinct().Order().ToArray();
        return new PreparedFit
        {
            Scales = scales,
            Layout = layout,
            Data = modelData,
            HistoryDs = ds,
            HistoryDates = historyDates,
            ChangepointDates = changepointDates,
            HasDummyChangepoint = dummy,
            InitialK = k,
            InitialM = m,
            HistoryY = y0,
        };
    }

    private static void RequireLength(ProphetData data, IReadOnlyList<double> column, string name)
    {
        if (column.Count != data.Count)
        {
            throw ForecastInputException.Invalid(data.SourceName, $"column '{name}' has {column.Count} values for {data.Count} dates");
        }
    }
}

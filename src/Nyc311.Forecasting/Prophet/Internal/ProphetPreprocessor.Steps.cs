namespace Nyc311.Forecasting.Prophet.Internal;

/// <summary>The individual preprocessing steps: scales, regressors, seasonalities, changepoints and initial trend.</summary>
internal static partial class ProphetPreprocessor
{
    private static (double YScale, double YMin) Scale(ProphetOptions options, double[] y, double[] floor, double[] cap, bool logisticFloor)
    {
        double yScale;
        double yMin;
        if (logisticFloor)
        {
            if (options.Scaling == ProphetScaling.AbsMax)
            {
                yMin = y.Select((v, i) => Math.Abs(v - floor[i])).Min();
                yScale = y.Select((v, i) => Math.Abs(v - floor[i])).Max();
            }
            else
            {
                yMin = floor.Min();
                yScale = cap.Max() - yMin;
            }
        }
        else if (options.Scaling == ProphetScaling.AbsMax)
        {
            yMin = 0;
            yScale = y.Max(Math.Abs);
        }
        else
        {
            yMin = y.Min();
            yScale = y.Max() - yMin;
        }

        return (yScale == 0 ? 1.0 : yScale, yMin);
    }

    private static List<RegressorColumn> StandardizeRegressors(ProphetData data, ProphetOptions options, int[] historyRows)
    {
        var result = new List<RegressorColumn>();
        foreach (var regressor in options.Regressors)
        {
            if (!data.Regressors.TryGetValue(regressor.Name, out var values))
            {
                throw ForecastInputException.MissingColumn(data.SourceName, regressor.Name);
            }

            RequireLength(data, values, regressor.Name);
            var history = historyRows.Select(i => values[i]).ToArray();
            if (Array.Exists(history, double.IsNaN))
            {
                throw ForecastInputException.Invalid(data.SourceName, $"regressor '{regressor.Name}' has missing values");
            }

            var distinct = history.Distinct().ToArray();
            var standardize = distinct.Length >= 2
                && (regressor.Standardize ?? !(distinct.Length == 2 && distinct.Contains(0.0) && distinct.Contains(1.0)));
            var mean = 0.0;
            var std = 1.0;
            if (standardize)
            {
                mean = history.Average();
                var sum = 0.0;
                foreach (var v in history)
                {
                    sum += (v - mean) * (v - mean);
                }

                std = Math.Sqrt(sum / (history.Length - 1));
            }

            result.Add(new RegressorColumn(
                regressor.Name, mean, std, regressor.PriorScale ?? options.HolidaysPriorScale, regressor.Mode ?? options.SeasonalityMode));
        }

        return result;
    }

    /// <summary>Prophet's <c>set_auto_seasonalities</c> followed by the custom seasonalities.</summary>
    internal static List<ProphetSeasonality> ResolveSeasonalities(DateTime[] sortedDates, ProphetOptions options)
    {
        var first = sortedDates[0];
        var last = sortedDates[^1];
        var span = last - first;
        var minGap = TimeSpan.MaxValue;
        for (var i = 1; i < sortedDates.Length; i++)
        {
            var gap = sortedDates[i] - sortedDates[i - 1];
            if (gap > TimeSpan.Zero && gap < minGap)
            {
                minGap = gap;
            }
        }

        var custom = options.ExtraSeasonalities.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var result = new List<ProphetSeasonality>();
        void BuiltIn(string name, SeasonalitySetting setting, bool autoDisable, int defaultOrder, double period)
        {
            var fourierOrder = setting.ResolveOrder(autoDisable, defaultOrder, custom.Contains(name));
            if (fourierOrder > 0 && !custom.Contains(name))
            {
                result.Add(new ProphetSeasonality(name, period, fourierOrder, options.SeasonalityPriorScale, options.SeasonalityMode));
            }
        }

        BuiltIn("yearly", options.YearlySeasonality, span < TimeSpan.FromDays(730), 10, 365.25);
        BuiltIn("weekly", options.WeeklySeasonality, span < TimeSpan.FromDays(14) || minGap >= TimeSpan.FromDays(7), 3, 7);
        BuiltIn("daily", options.DailySeasonality, span < TimeSpan.FromDays(2) || minGap >= TimeSpan.FromDays(1), 4, 1);
        foreach (var extra in options.ExtraSeasonalities)
        {
            result.Add(new ProphetSeasonality(
                extra.Name, extra.Period, extra.FourierOrder, extra.PriorScale ?? options.SeasonalityPriorScale, extra.Mode ?? options.SeasonalityMode));
        }

        return result;
    }

    private static DateTime[] Changepoints(DateTime[] ds, ProphetOptions options)
    {
        if (options.Changepoints is { } explicitDates)
        {
            foreach (var date in explicitDates)
            {
                if (date < ds[0] || date > ds[^1])
                {
                    throw ForecastOptionsException.Inconsistent("changepoints", $"changepoint {date:yyyy-MM-dd HH:mm:ss} is outside the training data");
                }
            }

            return [.. explicitDates.Order()];
        }

        return ChangepointGrid.Indices(ds.Length, options.ChangepointCount, options.ChangepointRange).Select(i => ds[i]).ToArray();
    }

    /// <summary>Prophet's <c>linear_growth_init</c>, <c>logistic_growth_init</c> and <c>flat_growth_init</c>.</summary>
    internal static (double K, double M) InitialTrend(ProphetGrowth growth, double[] t, double[] yScaled, double[] capScaled)
    {
        var last = t.Length - 1;
        var span = t[last] - t[0];
        switch (growth)
        {
            case ProphetGrowth.Linear:
            {
                var k = (yScaled[last] - yScaled[0]) / span;
                return (k, yScaled[0] - (k * t[0]));
            }

            case ProphetGrowth.Logistic:
            {
                var c0 = capScaled[0];
                var c1 = capScaled[last];
                var y0 = Math.Max(0.01 * c0, Math.Min(0.99 * c0, yScaled[0]));
                var y1 = Math.Max(0.01 * c1, Math.Min(0.99 * c1, yScaled[last]));
                var r0 = c0 / y0;
                var r1 = c1 / y1;
                if (Math.Abs(r0 - r1) <= 0.01)
                {
                    r0 *= 1.05;
                }

                var l0 = Math.Log(r0 - 1);
                var l1 = Math.Log(r1 - 1);
                var m = l0 * span / (l0 - l1);
                return ((l0 - l1) / span, m);
            }

            default:
                return (0.0, yScaled.Average());
        }
    }
}

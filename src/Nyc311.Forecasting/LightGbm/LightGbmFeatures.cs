using Nyc311.Forecasting.Models;

namespace Nyc311.Forecasting.LightGbm;

/// <summary>What the global model knows about a series besides its values.</summary>
/// <param name="Series">Index of the series among those fitted.</param>
/// <param name="ComplaintType">Index of its complaint type (rollup included).</param>
/// <param name="Borough">Index of its borough (rollup included).</param>
/// <param name="Level">Recent mean requests per day (at least 1): targets and value features are divided by it.</param>
/// <param name="RollupType">True for the <c>(all)</c> complaint type.</param>
/// <param name="RollupBorough">True for the <c>(all)</c> borough.</param>
internal readonly record struct SeriesFacts(int Series, int ComplaintType, int Borough, double Level, bool RollupType, bool RollupBorough);

/// <summary>
/// The feature vector of one (series, day): lags and rolling statistics of the level-scaled values,
/// calendar and holiday features of the day, and the series' identity. Values before the series starts are
/// missing (NaN), which LightGBM handles natively.
/// </summary>
internal static class LightGbmFeatures
{
    public static readonly string[] Names =
    [
        "lag_1", "lag_2", "lag_3", "lag_4", "lag_5", "lag_6", "lag_7", "lag_14", "lag_21", "lag_28",
        "mean_7", "mean_28", "std_7", "same_weekday_mean_4",
        "day_of_week", "day_of_month", "month", "year_sin", "year_cos",
        "holiday", "holiday_tomorrow", "holiday_yesterday",
        "series", "complaint_type", "borough", "log_level", "rollup_type", "rollup_borough",
    ];

    public const int Count = 28;

    /// <summary>The first target index with at least a week of history (earlier rows teach little).</summary>
    public const int FirstTrainingIndex = 7;

    /// <summary>Fills <paramref name="features"/> for the value at index <paramref name="t"/> of <paramref name="values"/> (only indices before t are read).</summary>
    public static void Fill(Span<float> features, IReadOnlyList<double> values, int t, DateOnly day, in SeriesFacts facts)
    {
        var scale = facts.Level;
        double Lag(int k) => t - k >= 0 ? values[t - k] / scale : double.NaN;

        for (var k = 1; k <= 7; k++)
        {
            features[k - 1] = (float)Lag(k);
        }

        features[7] = (float)Lag(14);
        features[8] = (float)Lag(21);
        features[9] = (float)Lag(28);
        features[10] = (float)Mean(values, t, 7, scale);
        features[11] = (float)Mean(values, t, 28, scale);
        features[12] = (float)StandardDeviation(values, t, 7, scale);
        var sameWeekday = 0.0;
        var weeks = 0;
        for (var w = 1; w <= 4 && t - (7 * w) >= 0; w++)
        {
            sameWeekday += values[t - (7 * w)] / scale;
            weeks++;
        }

        features[13] = weeks == 0 ? float.NaN : (float)(sameWeekday / weeks);
        features[14] = (int)day.DayOfWeek;
        features[15] = day.Day;
        features[16] = day.Month;
        var angle = 2 * Math.PI * (day.DayOfYear - 1) / 365.25;
        features[17] = (float)Math.Sin(angle);
        features[18] = (float)Math.Cos(angle);
        features[19] = NycHolidays.IsHoliday(day) ? 1 : 0;
        features[20] = NycHolidays.IsHoliday(day.AddDays(1)) ? 1 : 0;
        features[21] = NycHolidays.IsHoliday(day.AddDays(-1)) ? 1 : 0;
        features[22] = facts.Series;
        features[23] = facts.ComplaintType;
        features[24] = facts.Borough;
        features[25] = (float)Math.Log(scale);
        features[26] = facts.RollupType ? 1 : 0;
        features[27] = facts.RollupBorough ? 1 : 0;
    }

    private static double Mean(IReadOnlyList<double> values, int t, int window, double scale)
    {
        var from = Math.Max(0, t - window);
        if (from >= t)
        {
            return double.NaN;
        }

        var sum = 0.0;
        for (var i = from; i < t; i++)
        {
            sum += values[i];
        }

        return sum / (t - from) / scale;
    }

    private static double StandardDeviation(IReadOnlyList<double> values, int t, int window, double scale)
    {
        var from = Math.Max(0, t - window);
        var n = t - from;
        if (n < 2)
        {
            return double.NaN;
        }

        var mean = Mean(values, t, window, 1);
        var squares = 0.0;
        for (var i = from; i < t; i++)
        {
            squares += (values[i] - mean) * (values[i] - mean);
        }

        return Math.Sqrt(squares / (n - 1)) / scale;
    }
}

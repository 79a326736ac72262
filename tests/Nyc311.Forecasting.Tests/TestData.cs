using Nyc311.Forecasting.Prophet;
using Nyc311.Forecasting.Prophet.Csv;

namespace Nyc311.Forecasting.Tests;

/// <summary>Prophet's example and unit-test files, copied under Data/prophet (see the README there).</summary>
internal static class TestData
{
    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Data", "prophet", file);

    public static ProphetData Peyton => Cached("example_wp_log_peyton_manning.csv");

    /// <summary>Prophet's unit-test fixture <c>data.csv</c> (510 daily rows).</summary>
    public static ProphetData DailyUnivariate => Cached("prophet_tests_data.csv");

    public static ProphetData SubDaily => Cached("prophet_tests_data2.csv");

    public static ProphetData LargeNumbers => Cached("prophet_tests_data3.csv");

    public static ProphetData Head(ProphetData data, int rows) =>
        new(data.Dates.Take(rows).ToArray(), data.Values!.Take(rows).ToArray()) { SourceName = data.SourceName };

    public static ProphetData Tail(ProphetData data, int rows) =>
        new(data.Dates.Skip(data.Count - rows).ToArray(), data.Values!.Skip(data.Count - rows).ToArray()) { SourceName = data.SourceName };

    private static readonly Dictionary<string, ProphetData> Loaded = [];

    private static ProphetData Cached(string file)
    {
        lock (Loaded)
        {
            if (!Loaded.TryGetValue(file, out var data))
            {
                data = ProphetCsv.ReadSeries(PathOf(file));
                Loaded[file] = data;
            }

            return data;
        }
    }
}

using Nyc311.Forecasting.Prophet;
using Nyc311.Forecasting.Prophet.Internal;

namespace Nyc311.Forecasting.Tests.Prophet;

/// <summary>REFERENCE.md T4 to T7: cases from Prophet's own unit tests.</summary>
public class UnitTestCaseTests
{
    [Fact]
    public void Regressors_are_standardised_unless_binary_as_in_test_added_regressors()
    {
        var (data, options) = RegressorCase();
        var prepared = ProphetPreprocessor.Prepare(data, options);
        var regressors = prepared.Layout.Regressors.ToDictionary(r => r.Name);
        regressors["binary_feature"].Mean.ShouldBe(0);
        regressors["binary_feature"].Std.ShouldBe(1);
        regressors["binary_feature"].PriorScale.ShouldBe(0.2);
        regressors["numeric_feature"].Mean.ShouldBe(254.5, 1e-5);
        regressors["numeric_feature"].Std.ShouldBe(147.368585, 1e-5);
        regressors["numeric_feature2"].Mode.ShouldBe(SeasonalityMode.Multiplicative);
        regressors["binary_feature2"].Mean.ShouldBe(0.1960784, 1e-5);
        regressors["binary_feature2"].Std.ShouldBe(0.3974183, 1e-5);

        prepared.Data.K.ShouldBe(30);
        var names = prepared.Layout.ColumnNames;
        prepared.Data.Features[Array.IndexOf(names, "numeric_feature")].ShouldBe(-1.726962, 1e-4);
        prepared.Data.Features[Array.IndexOf(names, "binary_feature2")].ShouldBe(2.022859, 1e-4);
    }

    [Fact]
    public void Regressor_components_combine_as_in_test_added_regressors()
    {
        var (data, options) = RegressorCase();
        var model = ProphetModel.Fit(data, options);
        var future = new ProphetData([new DateTime(2014, 6, 1)])
        {
            Regressors = new Dictionary<string, IReadOnlyList<double>>
            {
                ["binary_feature"] = [0.0],
                ["numeric_feature"] = [10.0],
                ["numeric_feature2"] = [10.0],
                ["binary_feature2"] = [0.0],
            },
        };
        var f = model.Predict(future);

        // ds plus 36 columns: Prophet's forecast has 37.
        (f.Columns.Count + 1).ShouldBe(37);
        f["binary_feature"][0].ShouldBe(0);
        f["extra_regressors_additive"][0].ShouldBe(f["numeric_feature"][0] + f["binary_feature2"][0], 1e-9);
        f["extra_regressors_multiplicative"][0].ShouldBe(f["numeric_feature2"][0], 1e-12);
        f["additive_terms"][0].ShouldBe(f["yearly"][0] + f["weekly"][0] + f["extra_regressors_additive"][0], 1e-9);
        f["multiplicative_terms"][0].ShouldBe(f["extra_regressors_multiplicative"][0], 1e-12);
        f.Yhat[0].ShouldBe((f["trend"][0] * (1 + f["multiplicative_terms"][0])) + f["additive_terms"][0], 1e-9);
    }

    // T5: train on all but the last 30 rows, forecast 30 days, RMSE against the held-out values.
    [Theory]
    [InlineData("prophet_tests_data.csv", ProphetScaling.AbsMax, ProphetAlgorithm.Auto, 10.64, 0.1)]
    [InlineData("prophet_tests_data.csv", ProphetScaling.MinMax, ProphetAlgorithm.Auto, 11.13, 0.1)]
    [InlineData("prophet_tests_data.csv", ProphetScaling.AbsMax, ProphetAlgorithm.Newton, 23.44, 0.01)]
    [InlineData("prophet_tests_data.csv", ProphetScaling.MinMax, ProphetAlgorithm.Newton, 11.29, 0.01)]
    [InlineData("prophet_tests_data3.csv", ProphetScaling.AbsMax, ProphetAlgorithm.Auto, 127.01, 0.01)]
    [InlineData("prophet_tests_data3.csv", ProphetScaling.MinMax, ProphetAlgorithm.Auto, 93.45, 0.01)]
    public void Out_of_sample_rmse_matches_Prophets_fit_predict_tests(string file, ProphetScaling scaling, ProphetAlgorithm algorithm, double expected, double relativeTolerance)
    {
        var data = Csv.Load(file);
        var train = TestData.Head(data, data.Count - 30);
        var test = TestData.Tail(data, 30);
        var model = ProphetModel.Fit(train, new ProphetOptions { Scaling = scaling, Algorithm = algorithm, UncertaintySamples = 0 });
        var forecast = model.Predict(model.MakeFutureDates(30, includeHistory: false));
        forecast.Dates.Count.ShouldBe(30);

        // As Prophet's test does, rows are compared by position (data.csv has gaps, the future frame has none).
        var rmse = Math.Sqrt(forecast.Yhat.Select((v, i) => Math.Pow(v - test.Values![i], 2)).Average());
        rmse.ShouldBe(expected, expected * relativeTolerance);
    }

    [Theory]
    [InlineData(ProphetScaling.AbsMax)]
    [InlineData(ProphetScaling.MinMax)]
    public void Flat_growth_has_no_slope_and_a_trend_of_30(ProphetScaling scaling)
    {
        // T6: y = 30 + sin(8x), x = linspace(0, 2 pi, 56), daily from 2020-01-01.
        var x = ChangepointGrid.Linspace(0, 2 * Math.PI, 56);
        var dates = Enumerable.Range(0, 56).Select(i => new DateTime(2020, 1, 1).AddDays(i)).ToArray();
        var model = ProphetModel.Fit(new ProphetData(dates, x.Select(v => 30 + Math.Sin(8 * v)).ToArray()), new ProphetOptions { Growth = ProphetGrowth.Flat, Scaling = scaling });
        model.Parameters.K.ShouldBe(0);
        var forecast = model.Predict(model.MakeFutureDates(10));
        forecast["trend"].ShouldAllBe(t => Math.Round(t, 1) == 30.0);
    }

    [Fact]
    public void Auto_seasonalities_switch_on_and_off_as_in_test_auto_seasonalities()
    {
        Orders(TestData.DailyUnivariate).ShouldBe([("yearly", 10), ("weekly", 3)]);
        Orders(TestData.Head(TestData.DailyUnivariate, 240)).ShouldNotContain(s => s.Name == "yearly");
        Orders(TestData.Head(TestData.DailyUnivariate, 15)).ShouldContain(("weekly", 3));
        Orders(TestData.SubDaily).ShouldContain(("daily", 4));
        ProphetPreprocessor.ResolveSeasonalities([.. TestData.SubDaily.Dates], new ProphetOptions()).Single(s => s.Name == "daily").Period.ShouldBe(1);
        Orders(TestData.Head(TestData.SubDaily, 430)).ShouldNotContain(s => s.Name == "daily");
        Orders(TestData.DailyUnivariate).ShouldNotContain(s => s.Name == "daily");
    }

    [Fact]
    public void Explicit_settings_override_the_auto_rules()
    {
        var options = new ProphetOptions { YearlySeasonality = SeasonalitySetting.Enabled, WeeklySeasonality = SeasonalitySetting.WithOrder(5), DailySeasonality = SeasonalitySetting.Disabled };
        ProphetPreprocessor.ResolveSeasonalities([.. TestData.Head(TestData.SubDaily, 100).Dates], options)
            .Select(s => (s.Name, s.FourierOrder)).ShouldBe([("yearly", 10), ("weekly", 5)]);
    }

    [Fact]
    public void The_future_frame_continues_daily_after_the_history()
    {
        var model = ProphetModel.Fit(TestData.Head(TestData.DailyUnivariate, 234), new ProphetOptions { UncertaintySamples = 0 });
        model.MakeFutureDates(3, SeriesFrequency.Daily, includeHistory: false)
            .ShouldBe([new DateTime(2013, 4, 26), new DateTime(2013, 4, 27), new DateTime(2013, 4, 28)]);
    }

    private static List<(string Name, int Order)> Orders(ProphetData data) =>
        [.. ProphetPreprocessor.ResolveSeasonalities([.. data.Dates.Order()], new ProphetOptions()).Select(s => (s.Name, s.FourierOrder))];

    private static (ProphetData Data, ProphetOptions Options) RegressorCase()
    {
        var source = TestData.DailyUnivariate;
        var n = source.Count;
        var data = new ProphetData(source.Dates, source.Values)
        {
            Regressors = new Dictionary<string, IReadOnlyList<double>>
            {
                ["binary_feature"] = [.. Enumerable.Range(0, n).Select(i => i < 255 ? 0.0 : 1.0)],
                ["numeric_feature"] = [.. Enumerable.Range(0, n).Select(i => (double)i)],
                ["numeric_feature2"] = [.. Enumerable.Range(0, n).Select(i => (double)i)],
                ["binary_feature2"] = [.. Enumerable.Range(0, n).Select(i => i < 100 ? 1.0 : 0.0)],
            },
        };
        var options = new ProphetOptions
        {
            Regressors =
            [
                new ProphetRegressor("binary_feature", PriorScale: 0.2),
                new ProphetRegressor("numeric_feature", PriorScale: 0.5),
                new ProphetRegressor("numeric_feature2", PriorScale: 0.5, Mode: SeasonalityMode.Multiplicative),
                new ProphetRegressor("binary_feature2", Standardize: true),
            ],
        };
        return (data, options);
    }

    private static class Csv
    {
        public static ProphetData Load(string file) => Nyc311.Forecasting.Prophet.Csv.ProphetCsv.ReadSeries(TestData.PathOf(file));
    }
}

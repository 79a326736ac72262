using Nyc311.Forecasting.Prophet;

namespace Nyc311.Forecasting.Tests.Prophet;

/// <summary>
/// REFERENCE.md D6: the first rows of <c>cross_validation(m, initial='730 days', period='180 days',
/// horizon='365 days')</c>, which come from a model refitted on the history up to the first cutoff.
/// </summary>
public class CrossValidationCutoffTests
{
    public static TheoryData<string, double, double, double, double> FirstRows => new()
    {
        { "2010-02-16", 8.954582, 8.462876, 9.452305, 8.242493 },
        { "2010-02-17", 8.720932, 8.222682, 9.242788, 8.008033 },
        { "2010-02-18", 8.604608, 8.066920, 9.144968, 8.045268 },
        { "2010-02-19", 8.526379, 8.029189, 9.043045, 7.928766 },
        { "2010-02-20", 8.268247, 7.749520, 8.741847, 7.745003 },
    };

    private static readonly DateTime Cutoff = new(2010, 2, 15);

    private static readonly Lazy<Forecast> AfterFirstCutoff = new(() =>
    {
        var peyton = TestData.Peyton;
        var rows = Enumerable.Range(0, peyton.Count).Where(i => peyton.Dates[i] <= Cutoff).ToArray();
        var history = new ProphetData(rows.Select(i => peyton.Dates[i]).ToArray(), rows.Select(i => peyton.Values![i]).ToArray());
        var model = ProphetModel.Fit(history);
        var horizon = peyton.Dates.Where(d => d > Cutoff && d <= Cutoff.AddDays(365)).ToArray();
        return model.Predict(horizon);
    });

    [Fact]
    public void The_first_cutoff_steps_back_from_the_end_by_the_period_and_leaves_the_initial_window()
    {
        // generate_cutoffs: last = max ds - horizon, then back by 180 days while at least 730 days of history remain.
        var peyton = TestData.Peyton;
        var cutoff = peyton.Dates.Max().AddDays(-365);
        var cutoffs = new List<DateTime>();
        while (cutoff - peyton.Dates.Min() >= TimeSpan.FromDays(730))
        {
            cutoffs.Add(cutoff);
            cutoff = cutoff.AddDays(-180);
        }

        cutoffs.Count.ShouldBe(11);
        cutoffs.Min().ShouldBe(Cutoff);
    }

    [Theory]
    [MemberData(nameof(FirstRows))]
    public void The_refitted_model_matches_the_published_cross_validation_rows(string date, double yhat, double lower, double upper, double y)
    {
        var forecast = AfterFirstCutoff.Value;
        var index = forecast.Dates.ToList().IndexOf(DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        index.ShouldBeGreaterThanOrEqualTo(0);
        TestData.Peyton.Values![TestData.Peyton.Dates.ToList().IndexOf(forecast.Dates[index])].ShouldBe(y, 1e-6);
        forecast.Yhat[index].ShouldBe(yhat, 0.01 * yhat);
        var width = upper - lower;
        forecast.YhatLower[index].ShouldBe(lower, 0.10 * width);
        forecast.YhatUpper[index].ShouldBe(upper, 0.10 * width);
    }
}

using Nyc311.Forecasting.Prophet;

namespace Nyc311.Forecasting.Tests.Prophet;

/// <summary>Fits on the Peyton Manning data shared by several test classes (each fit once per run).</summary>
internal static class PeytonFits
{
    /// <summary>The docs' holidays table: every row has lower_window 0 and upper_window 1.</summary>
    public static IReadOnlyList<ProphetHoliday> PlayoffsAndSuperbowls { get; } =
    [
        .. new[]
        {
            "2008-01-13", "2009-01-03", "2010-01-16", "2010-01-24", "2010-02-07", "2011-01-08", "2013-01-12",
            "2014-01-12", "2014-01-19", "2014-02-02", "2015-01-11", "2016-01-17", "2016-01-24", "2016-02-07",
        }.Select(d => new ProphetHoliday("playoff", DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture), 0, 1)),
        .. new[] { "2010-02-07", "2014-02-02", "2016-02-07" }
            .Select(d => new ProphetHoliday("superbowl", DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture), 0, 1)),
    ];

    private static readonly Lazy<(ProphetModel Model, Forecast Forecast)> DefaultFit = new(() => FitAndPredict(new ProphetOptions()));

    private static readonly Lazy<(ProphetModel Model, Forecast Forecast)> HolidayFit = new(() =>
        FitAndPredict(new ProphetOptions { Holidays = PlayoffsAndSuperbowls }));

    private static readonly Lazy<(ProphetModel Model, Forecast Forecast)> DampedHolidayFit = new(() =>
        FitAndPredict(new ProphetOptions { Holidays = PlayoffsAndSuperbowls, HolidaysPriorScale = 0.05 }));

    /// <summary><c>Prophet().fit(df)</c> and <c>predict(make_future_dataframe(365))</c>.</summary>
    public static (ProphetModel Model, Forecast Forecast) Default => DefaultFit.Value;

    /// <summary>The same with the playoffs and superbowls holidays of the docs.</summary>
    public static (ProphetModel Model, Forecast Forecast) Holidays => HolidayFit.Value;

    /// <summary>The same holidays with <c>holidays_prior_scale=0.05</c>.</summary>
    public static (ProphetModel Model, Forecast Forecast) DampedHolidays => DampedHolidayFit.Value;

    private static (ProphetModel Model, Forecast Forecast) FitAndPredict(ProphetOptions options)
    {
        var model = ProphetModel.Fit(TestData.Peyton, options);
        return (model, model.Predict(model.MakeFutureDates(365)));
    }
}

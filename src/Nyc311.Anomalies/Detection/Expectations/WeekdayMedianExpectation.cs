using Nyc311.Anomalies.Maths;

namespace Nyc311.Anomalies.Detection.Expectations;

/// <summary>
/// The median of the same weekday in the last <c>weeks</c> weeks (holidays left out, since their level is
/// not the weekday's); a holiday is expected at the median of the last Sundays. Robust to past anomalies by construction. A sparse series (fewer than
/// <c>sparseLevel</c> requests a day on average over four weeks) has no usable weekly shape, so its
/// expectation is that four-week mean.
/// </summary>
internal sealed class WeekdayMedianExpectation(int weeks = 5, double sparseLevel = 5) : IExpectationModel
{
    public string Name => "weekday_median";

    public ExpectationFit Fit(ReadOnlySpan<double> history, DateOnly historyStart, int window)
    {
        var fitted = new double[window];
        for (var k = 0; k < window; k++)
        {
            var t = history.Length - window + k;
            fitted[k] = t < 0 ? double.NaN : PredictAt(history, historyStart, t);
        }

        return new ExpectationFit(PredictAt(history, historyStart, history.Length), fitted);
    }

    /// <summary>The expectation for index <paramref name="t"/> from <c>values[..t]</c>.</summary>
    public double PredictAt(ReadOnlySpan<double> values, DateOnly start, int t)
    {
        var recent = values[Math.Max(0, t - 28)..t];
        var mean = RobustStatistics.Mean(recent);
        if (double.IsNaN(mean) || mean < sparseLevel)
        {
            return mean;
        }

        // A holiday's level is a Sunday's (offices closed), so it is compared with recent Sundays.
        var holiday = Holidays.IsHoliday(start.AddDays(t));
        var step = holiday ? ((int)start.AddDays(t).DayOfWeek + 7 - (int)DayOfWeek.Sunday) % 7 : 7;
        Span<double> candidates = stackalloc double[weeks];
        var found = 0;
        for (var back = 0; found < weeks && back < weeks + 3; back++)
        {
            var i = t - (step == 0 ? 7 : step) - (7 * back);
            if (i < 0)
            {
                break;
            }

            if (double.IsFinite(values[i]) && !Holidays.IsHoliday(start.AddDays(i)))
            {
                candidates[found++] = values[i];
            }
        }

        if (found >= 2)
        {
            return RobustStatistics.Median(candidates[..found]);
        }

        // Too little weekly history: the median of the last two weeks.
        return RobustStatistics.Median(values[Math.Max(0, t - 14)..t]);
    }
}

using Nyc311.Dashboard.Filters;

namespace Nyc311.Dashboard.Data;

/// <summary>Where an expected value comes from.</summary>
internal enum ExpectedSource
{
    /// <summary>Nothing to compare with (no forecast, and under four weeks of history).</summary>
    None,

    /// <summary>A row of <c>gold.forecasts</c>: the newest origin before the day.</summary>
    Forecast,

    /// <summary>The mean of the same weekday in the four weeks before (used while there are no forecasts).</summary>
    Baseline,
}

/// <summary>One day of a series: requests (null after the data ends) and what was expected.</summary>
/// <param name="Date">New York calendar day.</param>
/// <param name="Actual">Requests created that day.</param>
/// <param name="Expected">Expected requests.</param>
/// <param name="Lower">Lower bound of the expected range.</param>
/// <param name="Upper">Upper bound of the expected range.</param>
/// <param name="Source">Where <paramref name="Expected"/> comes from.</param>
internal sealed record SeriesPoint(DateOnly Date, long? Actual, double? Expected, double? Lower, double? Upper, ExpectedSource Source)
{
    /// <summary>Requests above expected (negative when below).</summary>
    public double? Excess => Actual is { } a && Expected is { } e ? a - e : null;

    public bool AboveRange => Actual is { } a && Upper is { } u && a > u;

    public bool BelowRange => Actual is { } a && Lower is { } l && a < l;
}

/// <summary>A series' days over a range, with the forecast model used (null when none).</summary>
internal sealed record SeriesFrame(SeriesKey Series, string? Model, IReadOnlyList<SeriesPoint> Points)
{
    public long TotalActual => Points.Sum(p => p.Actual ?? 0);

    /// <summary>Expected requests summed over the days that have both a count and an expectation.</summary>
    public double TotalExpected => Points.Where(p => p.Actual is not null && p.Expected is not null).Sum(p => p.Expected!.Value);

    /// <summary>Mean absolute percentage error of the expectation over days with requests, or null.</summary>
    public double? Mape
    {
        get
        {
            var errors = Points.Where(p => p.Actual is > 0 && p.Expected is not null).Select(p => Math.Abs(p.Actual!.Value - p.Expected!.Value) / p.Actual.Value).ToList();
            return errors.Count == 0 ? null : errors.Average();
        }
    }

    public int DaysAbove => Points.Count(p => p.AboveRange);

    public int DaysBelow => Points.Count(p => p.BelowRange);

    public ExpectedSource Source => Points.Any(p => p.Source == ExpectedSource.Forecast) ? ExpectedSource.Forecast
        : Points.Any(p => p.Source == ExpectedSource.Baseline) ? ExpectedSource.Baseline : ExpectedSource.None;

    /// <summary>Several series added day by day (expected ranges summed too, an upper bound on the combined spread).</summary>
    public static SeriesFrame Sum(SeriesKey label, IReadOnlyList<SeriesFrame> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var days = frames.SelectMany(f => f.Points).GroupBy(p => p.Date).OrderBy(g => g.Key).Select(g =>
        {
            var points = g.ToList();
            var complete = points.Count == frames.Count && points.All(p => p.Expected is not null);
            return new SeriesPoint(
                g.Key,
                points.Any(p => p.Actual is not null) ? points.Sum(p => p.Actual ?? 0) : null,
                complete ? points.Sum(p => p.Expected!.Value) : null,
                complete && points.All(p => p.Lower is not null) ? points.Sum(p => p.Lower!.Value) : null,
                complete && points.All(p => p.Upper is not null) ? points.Sum(p => p.Upper!.Value) : null,
                !complete ? ExpectedSource.None : points.All(p => p.Source == ExpectedSource.Forecast) ? ExpectedSource.Forecast : ExpectedSource.Baseline);
        });
        var models = frames.Select(f => f.Model).Distinct().ToList();
        return new SeriesFrame(label, models.Count == 1 ? models[0] : null, [.. days]);
    }
}

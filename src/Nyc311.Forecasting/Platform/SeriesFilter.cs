namespace Nyc311.Forecasting.Platform;

/// <summary>Which series of <c>gold.daily_counts</c> are forecast; every default is stated on its property.</summary>
public sealed record SeriesFilter
{
    /// <summary>Only these complaint types (<c>(all)</c> for the rollup); null (default) for every one.</summary>
    public IReadOnlyList<string>? ComplaintTypes { get; init; }

    /// <summary>Only these boroughs (<c>(all)</c> for the rollup); null (default) for every one.</summary>
    public IReadOnlyList<string>? Boroughs { get; init; }

    /// <summary>Series averaging fewer requests per day over the last <see cref="VolumeDays"/> days are left out; default 1.</summary>
    public double MinimumMeanDaily { get; init; } = 1.0;

    /// <summary>The window of <see cref="MinimumMeanDaily"/>, in days; default 56.</summary>
    public int VolumeDays { get; init; } = 56;

    /// <summary>Series with fewer days of history are left out; default 56.</summary>
    public int MinimumHistoryDays { get; init; } = 56;

    /// <summary>Keep only this many series, the busiest first; null (default) for no limit.</summary>
    public int? MaxSeries { get; init; }

    internal void Validate()
    {
        if (MinimumMeanDaily < 0 || !double.IsFinite(MinimumMeanDaily))
        {
            throw ForecastOptionsException.OutOfRange("min-daily", MinimumMeanDaily, "must be 0 or more");
        }

        if (VolumeDays < 1 || MinimumHistoryDays < 1)
        {
            throw ForecastOptionsException.OutOfRange("history", Math.Min(VolumeDays, MinimumHistoryDays), "day counts must be at least 1");
        }

        if (MaxSeries is < 1)
        {
            throw ForecastOptionsException.OutOfRange("max-series", MaxSeries.Value, "must be at least 1");
        }
    }
}

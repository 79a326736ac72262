namespace Nyc311.Forecasting.Prophet.Csv;

/// <summary>
/// One stand-alone Prophet run on files, as an analyst runs Prophet today:
/// <c>m = Prophet(**options).fit(read_csv(input)); m.predict(m.make_future_dataframe(periods, freq))</c>.
/// </summary>
public sealed record ProphetCsvJob
{
    /// <summary>The series CSV (<c>ds</c>, <c>y</c>, optional <c>cap</c>, <c>floor</c>).</summary>
    public required string InputPath { get; init; }

    /// <summary>Where to write the forecast CSV; null writes nothing (the forecast is still returned).</summary>
    public string? OutputPath { get; init; }

    /// <summary>An optional holidays CSV with Prophet's columns; its rows are added to <see cref="Options"/>' holidays.</summary>
    public string? HolidaysPath { get; init; }

    /// <summary>Number of future periods; default 365 (as the Prophet quick start).</summary>
    public int Periods { get; init; } = 365;

    /// <summary>Spacing of future dates; null infers it from the last dates of the history (daily when irregular).</summary>
    public SeriesFrequency? Frequency { get; init; }

    /// <summary>Model options; default Prophet's defaults.</summary>
    public ProphetOptions Options { get; init; } = new();

    /// <summary>Whether the output starts with the history rows (Prophet's <c>include_history</c>); default true.</summary>
    public bool IncludeHistory { get; init; } = true;
}

/// <summary>Runs a <see cref="ProphetCsvJob"/>.</summary>
public static partial class ProphetCsv
{
    /// <summary>Reads, fits, predicts and (when <see cref="ProphetCsvJob.OutputPath"/> is set) writes the forecast.</summary>
    /// <returns>The fitted model and its forecast.</returns>
    public static (ProphetModel Model, Forecast Forecast) Run(ProphetCsvJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Periods < 0)
        {
            throw ForecastOptionsException.OutOfRange("periods", job.Periods, "must be 0 or more");
        }

        var history = ReadSeries(job.InputPath);
        var options = job.Options;
        if (job.HolidaysPath is { } holidaysPath)
        {
            options = options with { Holidays = [.. options.Holidays, .. ReadHolidays(holidaysPath)] };
        }

        if (options.Growth == ProphetGrowth.Logistic)
        {
            throw ForecastOptionsException.Inconsistent(
                "growth", "logistic growth needs future capacities, which a series file cannot give; use the API with ProphetData.Cap");
        }

        var model = ProphetModel.Fit(history, options);
        var frequency = job.Frequency ?? SeriesFrequency.Infer(model.HistoryDates);
        var forecast = model.Predict(model.MakeFutureDates(job.Periods, frequency, job.IncludeHistory));
        if (job.OutputPath is { } outputPath)
        {
            WriteForecast(forecast, outputPath);
        }

        return (model, forecast);
    }

    /// <summary>Parses <c>additive</c> or <c>multiplicative</c> (for <c>--seasonality-mode</c>).</summary>
    public static SeasonalityMode ParseMode(string text, string option = "seasonality-mode")
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToUpperInvariant() switch
        {
            "ADDITIVE" => SeasonalityMode.Additive,
            "MULTIPLICATIVE" => SeasonalityMode.Multiplicative,
            _ => throw ForecastOptionsException.Unrecognized(option, text, "additive or multiplicative"),
        };
    }

    /// <summary>
    /// Parses a frequency: <c>auto</c> (null, infer), <c>D</c>, <c>W</c>, <c>H</c>, <c>MS</c>, <c>M</c>,
    /// or a count and unit such as <c>5min</c>, <c>2H</c>, <c>3D</c>.
    /// </summary>
    public static SeriesFrequency? ParseFrequency(string text, string option = "freq")
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (trimmed == "MS")
        {
            return SeriesFrequency.MonthStart;
        }

        if (trimmed is "M" or "ME")
        {
            return SeriesFrequency.MonthEnd;
        }

        var digits = 0;
        while (digits < trimmed.Length && char.IsAsciiDigit(trimmed[digits]))
        {
            digits++;
        }

        var count = digits == 0 ? 1 : int.Parse(trimmed[..digits], System.Globalization.CultureInfo.InvariantCulture);
        TimeSpan? unit = trimmed[digits..].ToUpperInvariant() switch
        {
            "D" => TimeSpan.FromDays(1),
            "W" => TimeSpan.FromDays(7),
            "H" => TimeSpan.FromHours(1),
            "MIN" or "T" => TimeSpan.FromMinutes(1),
            "S" => TimeSpan.FromSeconds(1),
            _ => null,
        };
        if (unit is null || count <= 0)
        {
            throw ForecastOptionsException.Unrecognized(option, text, "auto, D, W, H, MS, M or a count with a unit such as 5min");
        }

        return SeriesFrequency.Fixed(unit.Value * count);
    }
}

namespace Nyc311.Forecasting;

/// <summary>An option has a value the model cannot use (out of range, unrecognised text, or inconsistent with others).</summary>
public sealed class ForecastOptionsException : ForecastingException
{
    private ForecastOptionsException(string option, string problem)
        : base($"option '{option}': {problem}")
    {
        Option = option;
    }

    /// <summary>The option's name as the user wrote it (for example <c>changepoint-prior-scale</c>).</summary>
    public string Option { get; }

    /// <summary>A numeric option is outside its allowed range.</summary>
    public static ForecastOptionsException OutOfRange(string option, double value, string rule) =>
        new(option, $"{value.ToString(System.Globalization.CultureInfo.InvariantCulture)} is not allowed ({rule})");

    /// <summary>An option's text is not one of the accepted spellings.</summary>
    public static ForecastOptionsException Unrecognized(string option, string text, string accepted) =>
        new(option, $"'{text}' is not recognised (expected {accepted})");

    /// <summary>Options that contradict each other or the data.</summary>
    public static ForecastOptionsException Inconsistent(string option, string problem) => new(option, problem);
}

using System.Globalization;

namespace Nyc311.Forecasting.Tuning;

/// <summary>How a numeric hyperparameter is searched.</summary>
public enum ParameterScale
{
    /// <summary>Evenly over [min, max].</summary>
    Linear,

    /// <summary>Evenly over [log min, log max] (for scales that matter by order of magnitude).</summary>
    Log,
}

/// <summary>One hyperparameter's range: numbers in [Min, Max] (integers when <see cref="IsInteger"/>), or one of <see cref="Choices"/>.</summary>
public sealed record ParameterRange
{
    private ParameterRange(string name, double min, double max, ParameterScale scale, bool isInteger, IReadOnlyList<string> choices)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Min = min;
        Max = max;
        Scale = scale;
        IsInteger = isInteger;
        Choices = choices;
    }

    /// <summary>The parameter's name in the model spec.</summary>
    public string Name { get; }

    /// <summary>Smallest value (numeric ranges).</summary>
    public double Min { get; }

    /// <summary>Largest value (numeric ranges).</summary>
    public double Max { get; }

    /// <summary>Linear or log scale (numeric ranges).</summary>
    public ParameterScale Scale { get; }

    /// <summary>True for whole numbers.</summary>
    public bool IsInteger { get; }

    /// <summary>The options of a categorical parameter; empty for numeric ones.</summary>
    public IReadOnlyList<string> Choices { get; }

    /// <summary>True for a categorical parameter.</summary>
    public bool IsCategorical => Choices.Count > 0;

    /// <summary>A real number in [min, max].</summary>
    public static ParameterRange Real(string name, double min, double max, ParameterScale scale = ParameterScale.Linear) => Numeric(name, min, max, scale, false);

    /// <summary>A whole number in [min, max].</summary>
    public static ParameterRange Integer(string name, int min, int max, ParameterScale scale = ParameterScale.Linear) => Numeric(name, min, max, scale, true);

    /// <summary>One of several options.</summary>
    public static ParameterRange Categorical(string name, params string[] choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (choices.Length == 0)
        {
            throw ForecastOptionsException.Inconsistent(name, "a categorical parameter needs at least one choice");
        }

        return new ParameterRange(name, 0, choices.Length - 1, ParameterScale.Linear, false, choices);
    }

    /// <summary>Maps a value to the search's internal axis (log for log scales, the index for choices).</summary>
    internal double ToInternal(string text)
    {
        if (IsCategorical)
        {
            var index = Choices.ToList().IndexOf(text);
            return index < 0 ? 0 : index;
        }

        var value = double.Parse(text, CultureInfo.InvariantCulture);
        return Scale == ParameterScale.Log ? Math.Log(value) : value;
    }

    /// <summary>The internal axis bounds.</summary>
    internal (double Low, double High) InternalBounds =>
        IsCategorical ? (0, Choices.Count - 1) : Scale == ParameterScale.Log ? (Math.Log(Min), Math.Log(Max)) : (Min, Max);

    /// <summary>Formats an internal value as the parameter's text (rounded for integers, clamped to the range).</summary>
    internal string FromInternal(double value)
    {
        if (IsCategorical)
        {
            return Choices[Math.Clamp((int)Math.Round(value), 0, Choices.Count - 1)];
        }

        var actual = Math.Clamp(Scale == ParameterScale.Log ? Math.Exp(value) : value, Min, Max);
        return IsInteger
            ? ((long)Math.Round(actual)).ToString(CultureInfo.InvariantCulture)
            : double.Parse(actual.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);
    }

    private static ParameterRange Numeric(string name, double min, double max, ParameterScale scale, bool isInteger)
    {
        if (!(min < max) || !double.IsFinite(min) || !double.IsFinite(max) || (scale == ParameterScale.Log && min <= 0))
        {
            throw ForecastOptionsException.Inconsistent(name, $"the range [{min}, {max}] is empty or not usable on a {scale} scale");
        }

        return new ParameterRange(name, min, max, scale, isInteger, []);
    }
}

/// <summary>The hyperparameters a search may change, and the values it starts from.</summary>
/// <param name="Ranges">Each parameter's range.</param>
/// <param name="Defaults">The model's default values, tried first so a search never ends worse than them.</param>
public sealed record SearchSpace(IReadOnlyList<ParameterRange> Ranges, IReadOnlyDictionary<string, string> Defaults)
{
    /// <summary>True when there is nothing to tune.</summary>
    public bool IsEmpty => Ranges.Count == 0;
}

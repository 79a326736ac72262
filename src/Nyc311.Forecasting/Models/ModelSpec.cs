using System.Globalization;

namespace Nyc311.Forecasting.Models;

/// <summary>
/// A model and its hyperparameters, as text keyed by name (as MLflow records parameters). A parameter
/// that is absent takes the model's default.
/// </summary>
public sealed record ModelSpec
{
    /// <summary>Creates a spec; <paramref name="model"/> must be one of <see cref="ModelNames.All"/>.</summary>
    public ModelSpec(string model, IReadOnlyDictionary<string, string>? parameters = null)
    {
        Model = ModelNames.Parse(model);
        Parameters = new SortedDictionary<string, string>(
            (IDictionary<string, string>?)parameters?.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal) ?? new Dictionary<string, string>(),
            StringComparer.Ordinal);
    }

    /// <summary>The model's name.</summary>
    public string Model { get; }

    /// <summary>Hyperparameters by name, sorted by name.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>A number parameter, or <paramref name="fallback"/> when absent.</summary>
    public double Number(string name, double fallback) =>
        Parameters.TryGetValue(name, out var text)
            ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
                ? value
                : throw ForecastOptionsException.Unrecognized($"{Model}.{name}", text, "a number")
            : fallback;

    /// <summary>An integer parameter (rounded), or <paramref name="fallback"/> when absent.</summary>
    public int Integer(string name, int fallback) => (int)Math.Round(Number(name, fallback));

    /// <summary>A text parameter, or <paramref name="fallback"/> when absent.</summary>
    public string Text(string name, string fallback) => Parameters.GetValueOrDefault(name, fallback);

    /// <summary>The same model with some parameters replaced or added.</summary>
    public ModelSpec With(IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var merged = Parameters.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        foreach (var (key, value) in parameters)
        {
            merged[key] = value;
        }

        return new ModelSpec(Model, merged);
    }

    /// <summary>Structural equality (records compare dictionaries by reference).</summary>
    public bool Equals(ModelSpec? other) =>
        other is not null && Model == other.Model && Parameters.Count == other.Parameters.Count
        && Parameters.All(p => other.Parameters.TryGetValue(p.Key, out var v) && v == p.Value);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Model, string.Join(';', Parameters.Select(p => $"{p.Key}={p.Value}")));

    /// <inheritdoc />
    public override string ToString() =>
        Parameters.Count == 0 ? Model : $"{Model}({string.Join(", ", Parameters.Select(p => $"{p.Key}={p.Value}"))})";
}

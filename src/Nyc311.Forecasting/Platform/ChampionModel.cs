using System.Text.Json;
using System.Text.Json.Serialization;
using Nyc311.Forecasting.Models;
using Nyc311.Forecasting.Series;

namespace Nyc311.Forecasting.Platform;

/// <summary>The model chosen for one series by the backtest.</summary>
/// <param name="ComplaintType">The series' complaint type.</param>
/// <param name="Borough">The series' borough.</param>
/// <param name="Model">The chosen model.</param>
/// <param name="Mase">Its mean backtest MASE.</param>
public sealed record ChampionChoice(string ComplaintType, string Borough, string Model, double Mase);

/// <summary>
/// What a registered model version is: the tuned hyperparameters of each model, the model chosen per series
/// (and the fallback for series the backtest did not see), and LightGBM's conformal calibration from backtest
/// residuals. Stored as <c>champion.json</c> in the training run's <c>model</c> artifacts. Forecasting refits
/// each series' model with these settings on the latest data, since a time-series model's state is its history.
/// </summary>
public sealed record ChampionModel
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Days forecast.</summary>
    public required int Horizon { get; init; }

    /// <summary>Width of the prediction intervals.</summary>
    public required double IntervalWidth { get; init; }

    /// <summary>Seed of every model.</summary>
    public required int Seed { get; init; }

    /// <summary>Each model's hyperparameters, by model name.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Models { get; init; }

    /// <summary>The choice per series.</summary>
    public required IReadOnlyList<ChampionChoice> Choices { get; init; }

    /// <summary>The model for series without a choice (the best on average).</summary>
    public required string Fallback { get; init; }

    /// <summary>LightGBM's interval calibration; null when LightGBM was not trained.</summary>
    public ConformalCalibration? LightGbmCalibration { get; init; }

    /// <summary>The training run.</summary>
    public required string TrainingRunId { get; init; }

    /// <summary>The table version trained on.</summary>
    public required TableInput TrainedOn { get; init; }

    /// <summary>The last day of the training data.</summary>
    public required DateOnly LastDay { get; init; }

    /// <summary>The model spec for a series: its choice, else the fallback.</summary>
    public ModelSpec SpecFor(SeriesKey series)
    {
        var model = Choices.FirstOrDefault(c => c.ComplaintType == series.ComplaintType && c.Borough == series.Borough)?.Model ?? Fallback;
        return new ModelSpec(model, Models.GetValueOrDefault(model));
    }

    /// <summary>The JSON document.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a JSON document written by <see cref="ToJson"/>.</summary>
    public static ChampionModel FromJson(string json, string source)
    {
        try
        {
            return JsonSerializer.Deserialize<ChampionModel>(json, Json) ?? throw TrackingException.Corrupt(source, "empty champion document");
        }
        catch (JsonException e)
        {
            throw TrackingException.Corrupt(source, $"not a champion document: {e.Message}", e);
        }
    }

    /// <summary>Reads <c>champion.json</c> from a registered version's folder.</summary>
    public static ChampionModel Load(string folder)
    {
        var path = Path.Combine(folder, FileName);
        return File.Exists(path) ? FromJson(File.ReadAllText(path), path) : throw TrackingException.Corrupt(path, "the registered version's champion.json is missing");
    }

    /// <summary>The file name inside the version's folder.</summary>
    public const string FileName = "champion.json";
}

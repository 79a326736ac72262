using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;
using Nyc311.Forecasting.Series;

namespace Nyc311.Forecasting.LightGbm;

/// <summary>
/// One LightGBM regression over every (series, day) of a set of histories, predicting the level-scaled
/// next value; forecasts are made recursively, one day at a time for all series at once, each predicted
/// day feeding the lags of the next.
/// </summary>
internal sealed class LightGbmGlobalModel
{
    private const int LevelDays = 56;

    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly Dictionary<string, int> _complaintTypes;
    private readonly Dictionary<string, int> _boroughs;

    private LightGbmGlobalModel(MLContext ml, ITransformer model, Dictionary<string, int> complaintTypes, Dictionary<string, int> boroughs, int trainingRows)
    {
        _ml = ml;
        _model = model;
        _complaintTypes = complaintTypes;
        _boroughs = boroughs;
        TrainingRows = trainingRows;
    }

    /// <summary>Rows the model was trained on.</summary>
    public int TrainingRows { get; }

    public static LightGbmGlobalModel Train(IReadOnlyList<DailySeries> histories, LightGbmParameters parameters, int seed, CancellationToken cancellationToken)
    {
        var complaintTypes = Vocabulary(histories.Select(h => h.Key.ComplaintType));
        var boroughs = Vocabulary(histories.Select(h => h.Key.Borough));
        var rows = new List<FeatureRow>();
        for (var s = 0; s < histories.Count; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var history = histories[s];
            var facts = Facts(history, s, complaintTypes, boroughs);
            var first = Math.Max(LightGbmFeatures.FirstTrainingIndex, history.Length - parameters.TrainingDays);
            for (var t = first; t < history.Length; t++)
            {
                var features = new float[LightGbmFeatures.Count];
                LightGbmFeatures.Fill(features, history.Values, t, history.DateAt(t), facts);
                rows.Add(new FeatureRow { Features = features, Label = (float)(history.Values[t] / facts.Level) });
            }
        }

        if (rows.Count < 2 * parameters.MinimumExampleCountPerLeaf)
        {
            throw ForecastInputException.Invalid("lightgbm", $"{rows.Count} training rows are too few (the series need at least {LightGbmFeatures.FirstTrainingIndex + 1} days)");
        }

        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(rows);
        var trainer = ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
        {
            NumberOfLeaves = parameters.NumberOfLeaves,
            LearningRate = parameters.LearningRate,
            NumberOfIterations = parameters.NumberOfIterations,
            MinimumExampleCountPerLeaf = parameters.MinimumExampleCountPerLeaf,
            NumberOfThreads = parameters.Threads,
            Seed = seed,
            Silent = true,
            Verbose = false,
            Booster = new GradientBooster.Options
            {
                FeatureFraction = parameters.FeatureFraction,
                L2Regularization = parameters.L2Regularization,
            },
        });
        return new LightGbmGlobalModel(ml, trainer.Fit(data), complaintTypes, boroughs, rows.Count);
    }

    /// <summary>Point forecasts for <paramref name="horizon"/> days after each history's last day (never negative).</summary>
    public double[][] Predict(IReadOnlyList<DailySeries> histories, int horizon, CancellationToken cancellationToken)
    {
        var extended = new double[histories.Count][];
        var facts = new SeriesFacts[histories.Count];
        for (var s = 0; s < histories.Count; s++)
        {
            var history = histories[s];
            extended[s] = new double[history.Length + horizon];
            for (var i = 0; i < history.Length; i++)
            {
                extended[s][i] = history.Values[i];
            }

            facts[s] = Facts(history, s, _complaintTypes, _boroughs);
        }

        var forecasts = histories.Select(_ => new double[horizon]).ToArray();
        var batch = new FeatureRow[histories.Count];
        for (var h = 0; h < horizon; h++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var s = 0; s < histories.Count; s++)
            {
                var t = histories[s].Length + h;
                var features = new float[LightGbmFeatures.Count];
                LightGbmFeatures.Fill(features, extended[s], t, histories[s].DateAt(t), facts[s]);
                batch[s] = new FeatureRow { Features = features };
            }

            var scores = _model.Transform(_ml.Data.LoadFromEnumerable(batch)).GetColumn<float>("Score").ToArray();
            for (var s = 0; s < histories.Count; s++)
            {
                var value = Math.Max(0, scores[s] * facts[s].Level);
                extended[s][histories[s].Length + h] = value;
                forecasts[s][h] = value;
            }
        }

        return forecasts;
    }

    /// <summary>Saves the trained trees as an ML.NET model file (for inspection and artifacts).</summary>
    public void Save(Stream stream)
    {
        var schema = _ml.Data.LoadFromEnumerable(Array.Empty<FeatureRow>()).Schema;
        _ml.Model.Save(_model, schema, stream);
    }

    private static SeriesFacts Facts(DailySeries history, int index, Dictionary<string, int> complaintTypes, Dictionary<string, int> boroughs) => new(
        index,
        complaintTypes.GetValueOrDefault(history.Key.ComplaintType, -1),
        boroughs.GetValueOrDefault(history.Key.Borough, -1),
        Math.Max(1, history.RecentMean(LevelDays)),
        history.Key.ComplaintType == SeriesKey.All,
        history.Key.Borough == SeriesKey.All);

    private static Dictionary<string, int> Vocabulary(IEnumerable<string> names) =>
        names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);

    /// <summary>One row of the ML.NET data view.</summary>
    private sealed class FeatureRow
    {
        [VectorType(LightGbmFeatures.Count)]
        public float[] Features { get; set; } = [];

        public float Label { get; set; }
    }
}

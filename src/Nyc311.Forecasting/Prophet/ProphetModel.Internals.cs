using Nyc311.Forecasting.Prophet.Internal;

namespace Nyc311.Forecasting.Prophet;

/// <summary>Internal views used by the prediction frame and tests.</summary>
public sealed partial class ProphetModel
{
    internal ModelScales Scales => _prepared.Scales;

    internal IReadOnlyList<string> RegressorNames => _prepared.Layout.Regressors.Select(r => r.Name).ToArray();

    internal PreparedFit Prepared => _prepared;
}

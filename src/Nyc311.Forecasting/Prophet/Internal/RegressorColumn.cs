namespace Nyc311.Forecasting.Prophet.Internal;

/// <summary>An extra regressor with the standardisation learnt from the history (<c>(x - Mean) / Std</c>).</summary>
internal sealed record RegressorColumn(string Name, double Mean, double Std, double PriorScale, SeasonalityMode Mode);

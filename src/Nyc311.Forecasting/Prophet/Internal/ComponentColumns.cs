namespace Nyc311.Forecasting.Prophet.Internal;

/// <summary>
/// One forecast component (a seasonality, a holiday, a regressor, or a total such as <c>additive_terms</c>)
/// and the feature columns it sums. <see cref="IsAdditive"/> components are multiplied by the y scale.
/// </summary>
internal sealed record ComponentColumns(string Name, int[] Columns, bool IsAdditive);

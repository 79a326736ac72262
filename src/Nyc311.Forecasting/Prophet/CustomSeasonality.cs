namespace Nyc311.Forecasting.Prophet;

/// <summary>An extra seasonality, as Prophet's <c>add_seasonality</c>.</summary>
/// <param name="Name">Component name (a forecast column). Naming it yearly, weekly or daily replaces the built-in one.</param>
/// <param name="Period">Length of one cycle in days.</param>
/// <param name="FourierOrder">Number of sine/cosine pairs.</param>
/// <param name="PriorScale">Prior scale; null uses the model's seasonality prior scale.</param>
/// <param name="Mode">Mode; null uses the model's seasonality mode.</param>
public sealed record CustomSeasonality(string Name, double Period, int FourierOrder, double? PriorScale = null, SeasonalityMode? Mode = null);

/// <summary>An extra regressor, as Prophet's <c>add_regressor</c>; its values come from <see cref="ProphetData.Regressors"/>.</summary>
/// <param name="Name">Column name in the data and in the forecast.</param>
/// <param name="PriorScale">Prior scale; null uses the model's holidays prior scale (as Prophet does).</param>
/// <param name="Standardize">True or false to force; null is Prophet's 'auto' (standardise unless binary 0/1).</param>
/// <param name="Mode">Mode; null uses the model's seasonality mode.</param>
public sealed record ProphetRegressor(string Name, double? PriorScale = null, bool? Standardize = null, SeasonalityMode? Mode = null);

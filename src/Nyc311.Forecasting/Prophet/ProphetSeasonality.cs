namespace Nyc311.Forecasting.Prophet;

/// <summary>A seasonality of a fitted model, after Prophet's 'auto' rules were applied.</summary>
/// <param name="Name">Component name (<c>yearly</c>, <c>weekly</c>, <c>daily</c> or a custom name).</param>
/// <param name="Period">Cycle length in days.</param>
/// <param name="FourierOrder">Number of sine/cosine pairs; the model has 2 x this many columns for it.</param>
/// <param name="PriorScale">Standard deviation of the normal prior on its coefficients.</param>
/// <param name="Mode">Additive or multiplicative.</param>
public sealed record ProphetSeasonality(string Name, double Period, int FourierOrder, double PriorScale, SeasonalityMode Mode);

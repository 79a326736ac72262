namespace Nyc311.Forecasting.Prophet;

/// <summary>
/// One row of Prophet's holidays table (<c>holiday</c>, <c>ds</c>, <c>lower_window</c>, <c>upper_window</c>,
/// <c>prior_scale</c>). The holiday affects the days from <c>ds + LowerWindow</c> to <c>ds + UpperWindow</c>,
/// each with its own coefficient; rows with the same name share a component.
/// </summary>
/// <param name="Name">The holiday's name; it becomes a forecast column.</param>
/// <param name="Date">The calendar day of this occurrence.</param>
/// <param name="LowerWindow">Days before <paramref name="Date"/> that are affected, as 0 or a negative number.</param>
/// <param name="UpperWindow">Days after <paramref name="Date"/> that are affected, as 0 or a positive number.</param>
/// <param name="PriorScale">This holiday's prior scale; null uses the model's holidays prior scale.</param>
public sealed record ProphetHoliday(string Name, DateOnly Date, int LowerWindow = 0, int UpperWindow = 0, double? PriorScale = null);

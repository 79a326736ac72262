namespace Nyc311.Pipeline.Reference;

/// <summary>One New York calendar day with at least one holiday (observed days included).</summary>
/// <param name="Date">The day.</param>
/// <param name="Name">The holiday's name, with " (observed)" on observed days; several names joined by " / ".</param>
/// <param name="IsUsHoliday">True when a US federal holiday falls or is observed on the day.</param>
/// <param name="IsNycHoliday">True when New York City government observes a holiday on the day (federal or City-only).</param>
public sealed record HolidayDay(DateOnly Date, string Name, bool IsUsHoliday, bool IsNycHoliday);

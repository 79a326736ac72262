namespace Nyc311.Dashboard.Filters;

/// <summary>Calendar days in America/New_York, both ends included.</summary>
public readonly record struct DateRange(DateOnly From, DateOnly To)
{
    public int Days => To.DayNumber - From.DayNumber + 1;

    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary>The range widened by <paramref name="before"/> days at the start and <paramref name="after"/> at the end.</summary>
    public DateRange Widen(int before, int after) => new(From.AddDays(-before), To.AddDays(after));

    public override string ToString() => From == To ? $"{From:yyyy-MM-dd}" : $"{From:yyyy-MM-dd} to {To:yyyy-MM-dd}";
}

using Nyc311.Simulation.Calibration;
using Nyc311.Simulation.Model;

namespace Nyc311.Simulation;

/// <summary>The real facts the simulator is calibrated on, for tests, reports and the README.</summary>
public static class CalibrationFacts
{
    /// <summary>The real citywide requests per day, 2010-01-01..2026-08-05, and the days treated as missing.</summary>
    public static DailyTotals DailyTotals => DailyTotals.Real;

    /// <summary>The real events the mix reacts to, at their real dates.</summary>
    public static IReadOnlyList<RealEvent> Events => [.. ModelTables.Instance.Events.Select(e => e.Event)];

    /// <summary>The real Street Flooding count of a day (2010-01-02..2020-12-31), which the simulator writes exactly; null outside.</summary>
    public static int? StreetFloodingOn(DateOnly date) => StreetFloodingSeries.Real.On(date);
}

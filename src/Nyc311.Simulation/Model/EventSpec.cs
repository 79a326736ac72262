using Nyc311.Simulation.Calibration;

namespace Nyc311.Simulation.Model;

/// <summary>An event's effect on one complaint type.</summary>
internal sealed record EventEffect(int TypeIndex, double ExcessWeight, double[] Multipliers)
{
    public double MultiplierOn(int dayOffset) => Multipliers[Math.Min(dayOffset, Multipliers.Length - 1)];
}

/// <summary>An event with its effects, as the day mix uses it.</summary>
internal sealed record EventSpec(RealEvent Event, double ExcessShare, IReadOnlyList<EventEffect> Effects);

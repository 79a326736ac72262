namespace Nyc311.Simulation.Output;

/// <summary>The two JSON layouts of the Socrata API output.</summary>
public enum SocrataJsonLayout
{
    /// <summary>One JSON array, one record per line (<c>[{..}\n,{..}]</c>), as the SODA 2.x <c>.json</c> endpoint returns it.</summary>
    Array,

    /// <summary>Newline-delimited JSON: one object per line.</summary>
    Ndjson,
}

namespace Nyc311.Simulation.Model;

/// <summary>
/// The numbers calibration fits (see <see cref="MixCalibration"/>): a base weight per type, log
/// multipliers at the anchor dates of the published tables, and per-borough and per-hour factors.
/// </summary>
internal sealed class MixParameters
{
    /// <summary>Middle of the 2022-2023 study (Tussey): the type mix is the base weights here and after.</summary>
    public static readonly DateOnly Anchor2023 = new(2023, 1, 1);

    /// <summary>Middle of calendar 2017 (DBRS type-by-borough table).</summary>
    public static readonly DateOnly Anchor2017 = new(2017, 7, 2);

    /// <summary>Middle of Q1 2015 (datatellsme agency table); the mix is held flat before it.</summary>
    public static readonly DateOnly Anchor2015 = new(2015, 2, 14);

    /// <summary>Middle of 2025 (response-equity borough sample); borough factors are held flat after it.</summary>
    public static readonly DateOnly Anchor2025 = new(2025, 7, 2);

    public MixParameters(int types, int agencies)
    {
        Base = new double[types];
        Log2017 = new double[types];
        LogAgency2015 = new double[agencies];
        LogBorough2017 = new double[5];
        LogBorough2025 = new double[5];
        HourTables = new double[types][];
    }

    public double[] Base { get; }

    public double[] Log2017 { get; }

    public double[] LogAgency2015 { get; }

    public double[] LogBorough2017 { get; }

    public double[] LogBorough2025 { get; }

    /// <summary>Per type, the probability of each hour of creation (sums to 1).</summary>
    public double[][] HourTables { get; }
}

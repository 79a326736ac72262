using Nyc311.Simulation.Geography;

namespace Nyc311.Simulation.Tests.Support;

/// <summary>
/// Counts over generated records, kept as tallies only (records are dropped as they stream by).
/// Rows are counted once per request: stale versions of re-published requests are skipped.
/// </summary>
internal sealed class SampleStatistics
{
    public long Rows { get; private set; }

    public long ClosedRows { get; private set; }

    public Dictionary<string, long> Types { get; } = [];

    public Dictionary<string, long> Agencies { get; } = [];

    public long[] Boroughs { get; } = new long[5];

    public long[] Hours { get; } = new long[24];

    public long[] Weekdays { get; } = new long[7];

    public Dictionary<QualityProblems, long> Problems { get; } = [];

    public Dictionary<string, long> Statuses { get; } = [];

    public static SampleStatistics Of(SimulatorOptions options, IEnumerable<DateOnly> days)
    {
        var simulator = new ServiceRequestSimulator(options);
        var stats = new SampleStatistics();
        foreach (var day in days)
        {
            foreach (var record in simulator.GenerateDay(day).Records)
            {
                stats.Add(record);
            }
        }

        return stats;
    }

    public double Share(Dictionary<string, long> counts, string key) => (double)counts.GetValueOrDefault(key) / Rows;

    public double ProblemShare(QualityProblems problem, bool ofClosed = false) =>
        (double)Problems.GetValueOrDefault(problem) / (ofClosed ? ClosedRows : Rows);

    private void Add(SimulatedRequest record)
    {
        if (record.Problems.HasFlag(QualityProblems.StaleVersion))
        {
            return;
        }

        Rows++;
        if (record.Closed is not null)
        {
            ClosedRows++;
        }

        Increment(Types, Simulate.Standard(record.Type.Name));
        Increment(Agencies, record.Type.Agency.Code);
        Increment(Statuses, record.Status.ToUpperInvariant());
        Boroughs[record.Borough]++;
        Hours[record.Created.Hour]++;
        Weekdays[((int)record.Day.DayOfWeek + 6) % 7]++;
        foreach (var flag in Enum.GetValues<QualityProblems>())
        {
            if (flag != QualityProblems.None && record.Problems.HasFlag(flag))
            {
                Problems[flag] = Problems.GetValueOrDefault(flag) + 1;
            }
        }
    }

    private static void Increment(Dictionary<string, long> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    public static int BoroughIndex(string borough) => NycMap.BoroughIndex(borough);

    public static IReadOnlyList<string> BoroughNames => Nyc311.Domain.Boroughs.All;
}

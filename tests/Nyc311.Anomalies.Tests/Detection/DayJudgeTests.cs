using Nyc311.Anomalies.Detection;
using Nyc311.Anomalies.Incidents;
using Nyc311.Anomalies.Series;

namespace Nyc311.Anomalies.Tests.Detection;

public sealed class DayJudgeTests
{
    private static readonly DateOnly Day = new(2026, 8, 4);

    private static DayScore Score(double observed, double expected, double spikeP, double dropP = 0.5) =>
        new(Day, observed, expected, expected * 0.8, expected * 1.2, spikeP, dropP);

    [Fact]
    public void Alarms_are_bounded_by_the_false_discovery_rate_across_series()
    {
        var options = new AnomalyOptions { FdrLevel = 0.01 };
        var judge = new DayJudge(options, DetectionSettings.From(options));
        var scores = Enumerable.Range(0, 100).ToDictionary(i => new SeriesKey($"type {i:00}", "QUEENS"), i => Score(100, 50, i == 0 ? 1e-5 : i == 1 ? 0.004 : 0.5));

        var judged = judge.Correct(Day, scores);

        // 1e-5 * 100 = 1e-3 passes; 0.004 * 100 / 2 = 0.2 does not, though it would alone.
        judged.Where(j => j.Flag == IncidentKind.Spike).Select(j => j.Series.ComplaintType).ShouldBe(["type 00"]);
        judged.Single(j => j.Series.ComplaintType == "type 00").SpikeQ.ShouldBe(1e-3, 1e-12);
    }

    [Fact]
    public void Small_counts_drops_of_quiet_series_and_holiday_drops_are_not_alarms()
    {
        var options = new AnomalyOptions();
        var judge = new DayJudge(options, DetectionSettings.From(options));
        var scores = new Dictionary<SeriesKey, DayScore>
        {
            [new("Tiny", "BRONX")] = Score(6, 0.5, 1e-12),
            [new("Quiet", "BRONX")] = Score(0, 12, 0.9, 1e-9),
            [new("Busy", "BRONX")] = Score(10, 400, 0.9, 1e-40),
            [new("Big", "BRONX")] = Score(900, 100, 1e-40),
        };
        var flags = judge.Correct(Day, scores).ToDictionary(j => j.Series.ComplaintType, j => j.Flag);
        flags["Tiny"].ShouldBeNull();
        flags["Quiet"].ShouldBeNull();
        flags["Busy"].ShouldBe(IncidentKind.Drop);
        flags["Big"].ShouldBe(IncidentKind.Spike);

        var christmas = new DateOnly(2025, 12, 25);
        var holiday = judge.Correct(christmas, new Dictionary<SeriesKey, DayScore> { [new("Busy", "BRONX")] = Score(10, 400, 0.9, 1e-40) with { Date = christmas } });
        holiday.Single().Flag.ShouldBeNull();
    }
}

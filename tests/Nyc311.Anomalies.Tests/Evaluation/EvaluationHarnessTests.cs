using Nyc311.Anomalies.Evaluation;
using Nyc311.Anomalies.Tests.Support;

namespace Nyc311.Anomalies.Tests.Evaluation;

public sealed class EvaluationHarnessTests
{
    private static readonly DateOnly Start = new(2025, 1, 6);

    [Fact]
    public void Injected_spikes_are_placed_by_the_seed_and_add_their_size()
    {
        var clean = new EvaluationSeries("s", "simulated", Start, SyntheticSeries.Poisson(Start, 300, 100, seed: 1));
        var a = SpikeInjector.Inject(clean, [1.0], 4, Start.AddDays(60), seed: 3);
        var b = SpikeInjector.Inject(clean, [1.0], 4, Start.AddDays(60), seed: 3);

        a.Events.Count.ShouldBe(4);
        a.Events.ShouldBe(b.Events);
        foreach (var e in a.Events)
        {
            var peak = e.Start.AddDays(1).DayNumber - Start.DayNumber;
            (a.Values[peak] - clean.Values[peak]).ShouldBeInRange(80, 120);
            e.End.ShouldBe(e.Start.AddDays(2));
        }

        a.Values.Zip(clean.Values).Count(p => p.First != p.Second).ShouldBe(12);
    }

    [Fact]
    public void The_harness_measures_recall_delay_and_false_alarms_at_the_budget()
    {
        var suite = Enumerable.Range(0, 4)
            .Select(i => SpikeInjector.Inject(new EvaluationSeries($"s{i}", "simulated", Start, SyntheticSeries.Poisson(Start, 250, 80, seed: i)) { JudgeFrom = Start.AddDays(60) }, [2.0], 3, Start.AddDays(60), seed: i))
            .ToList();
        var methods = new[] { new EvaluationMethod("count", new AnomalyOptions { Detector = "count_forecast" }), new EvaluationMethod("fi", new AnomalyOptions { Detector = "forecast_interval" }) };

        var (results, _) = EvaluationHarness.Evaluate("synthetic", suite, methods, budget: 0.01);

        results.Count.ShouldBe(4);
        var count = results.Single(r => r.Method == "count" && r.Setting == "budget");
        count.Events.ShouldBe(12);
        count.Recall.ShouldBe(1);
        count.MeanDelayDays.ShouldBeLessThanOrEqualTo(1);
        count.FalseAlarmsPer1000.ShouldBeLessThanOrEqualTo(10);
        count.NormalSeriesDays.ShouldBeGreaterThan(600);
        results.Single(r => r.Method == "count" && r.Setting == "fdr").Recall.ShouldBeGreaterThan(0.9);

        count.FalseAlerts.ShouldBeLessThanOrEqualTo(count.FalseAlarms);
        var table = EvaluationReport.Table(results, "budget");
        table.ShouldContain("recall +200%");
        table.Split('\n').Count(l => l.StartsWith("synthetic", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Fact]
    public void Consecutive_false_alarms_of_a_series_are_one_alert()
    {
        // A flat series with an unlabelled two-day bump: two false alarm-days, one incident, one alert.
        var values = Enumerable.Repeat(100.0, 120).ToArray();
        values[90] = values[91] = 300;
        var series = new EvaluationSeries("flat", "simulated", Start, values) { JudgeFrom = Start.AddDays(60) };

        var (results, _) = EvaluationHarness.Evaluate("flat", [series], [new EvaluationMethod("count", new AnomalyOptions { Detector = "count_forecast" })], budget: 0.01);

        var fdr = results.Single(r => r.Setting == "fdr");
        fdr.FalseAlarms.ShouldBe(2);
        fdr.FalseAlerts.ShouldBe(1);
        fdr.NormalDates.ShouldBe(60);
        fdr.AlertsPerNormalDay.ShouldBe(1 / 60.0, 1e-12);
        fdr.FalseAlarmDays.Select(d => d.Score.Date).ShouldBe([Start.AddDays(90), Start.AddDays(91)]);
    }
}

using Nyc311.Anomalies.Evaluation;
using Nyc311.Anomalies.Incidents;
using Nyc311.Anomalies.Tests.Support;

namespace Nyc311.Anomalies.Tests.Evaluation;

public sealed class LabelEvaluationTests
{
    private static readonly DateTimeOffset Now = new(2026, 8, 5, 12, 0, 0, TimeSpan.Zero);

    private static Incident Incident(string id, string detector, IncidentKind kind = IncidentKind.Spike) =>
        SampleIncidents.DamagedTree(Now) with { IncidentId = id, Detector = detector, Kind = kind };

    [Fact]
    public void Precision_per_detector_counts_each_incident_by_its_latest_label()
    {
        var incidents = new[]
        {
            Incident("a", "ensemble"), Incident("b", "ensemble"), Incident("c", "ensemble"), Incident("d", "ensemble"),
            Incident("e", "robust_z"), Incident("f", "ensemble", IncidentKind.Drop), Incident("g", "ensemble", IncidentKind.DataProblem),
        };
        var feedback = new[]
        {
            new IncidentFeedback("a", IncidentLabel.FalsePositive, null, "ops", Now),
            new IncidentFeedback("a", IncidentLabel.Acknowledged, "it was real after all", "ops", Now.AddHours(1)),
            new IncidentFeedback("b", IncidentLabel.FalsePositive, null, "ops", Now),
            new IncidentFeedback("c", IncidentLabel.NewNormal, null, "ops", Now),
            new IncidentFeedback("e", IncidentLabel.FalsePositive, null, "ops", Now),
            new IncidentFeedback("g", IncidentLabel.FalsePositive, null, "ops", Now),
        };

        var rows = LabelEvaluation.ByDetector(incidents, feedback);

        rows.Select(r => (r.Detector, r.Kind, r.Incidents, r.Labelled, r.Acknowledged, r.FalsePositives, r.NewNormals)).ShouldBe(
        [
            ("ensemble", "drop", 1, 0, 0, 0, 0),
            ("ensemble", "spike", 4, 3, 1, 1, 1),
            ("robust_z", "spike", 1, 1, 0, 1, 0),
        ]);
        rows[1].Precision.ShouldBe(2 / 3.0, 1e-12);
        rows[2].Precision.ShouldBe(0);
        double.IsNaN(rows[0].Precision).ShouldBeTrue();

        var table = LabelEvaluation.Table(rows).Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        table[0].ShouldStartWith("detector");
        table[2].ShouldEndWith("67%");
        table[1].ShouldEndWith("-");
    }
}

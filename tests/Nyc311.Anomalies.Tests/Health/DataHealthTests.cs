using Nyc311.Anomalies.Detection;
using Nyc311.Anomalies.Health;
using Nyc311.Anomalies.Series;
using Nyc311.Anomalies.Tests.Support;
using Nyc311.Simulation;

namespace Nyc311.Anomalies.Tests.Health;

public sealed class DataHealthTests
{
    [Fact]
    public void The_known_partial_days_of_the_real_citywide_series_are_data_problems_and_holidays_are_not()
    {
        // The real totals of 2023-06..2024-01 hold three partial days (Sep 15, Sep 23, Nov 27) and Thanksgiving and Christmas lows.
        var totals = CalibrationFacts.DailyTotals;
        var start = new DateOnly(2023, 6, 1);
        var values = Enumerable.Range(0, 245).Select(i => (double)totals.PublishedOn(start.AddDays(i))).ToArray();

        var findings = TotalHealthCheck.Run(SeriesKey.Citywide, values, start, 0, new AnomalyOptions());

        findings.Select(f => f.Date).ShouldBe([new(2023, 9, 15), new(2023, 9, 23), new(2023, 11, 27)]);
        findings.ShouldAllBe(f => f.Kind == DataProblemKind.PartialDay);
        findings[2].Explanation.ShouldStartWith("Partial day: All requests citywide had 483 requests on 2023-11-27");
        double.IsNaN(values[new DateOnly(2023, 11, 27).DayNumber - start.DayNumber]).ShouldBeTrue();
    }

    [Fact]
    public void A_day_without_rows_or_requests_is_an_ingestion_gap()
    {
        var start = new DateOnly(2025, 1, 6);
        var values = SyntheticSeries.Poisson(start, 60, 500, seed: 1);
        values[50] = double.NaN;
        values[55] = 0;
        var findings = TotalHealthCheck.Run(SeriesKey.Citywide, values, start, 0, new AnomalyOptions());
        findings.Select(f => (f.Date, f.Kind)).ShouldBe([(start.AddDays(50), DataProblemKind.IngestionGap), (start.AddDays(55), DataProblemKind.IngestionGap)]);
    }

    [Fact]
    public void Requests_moving_between_types_while_the_total_holds_are_a_reclassification()
    {
        var day = new DateOnly(2026, 3, 10);
        var options = new AnomalyOptions();
        DayScore Score(double observed, double expected, double spikeP, double dropP) => new(day, observed, expected, 0, 0, spikeP, dropP);
        var types = new List<(SeriesKey, double, DayScore?)>
        {
            (new("Noise", SeriesKey.All), 3, Score(3, 300, 1, 1e-60)),
            (new("Noise - Residential", SeriesKey.All), 310, Score(310, 20, 1e-90, 1)),
            (new("Rodent", SeriesKey.All), 80, Score(80, 78, 0.4, 0.6)),
        };

        var findings = ReclassificationCheck.Run(day, types, Score(10_010, 10_000, 0.4, 0.6), options);

        var finding = findings.ShouldHaveSingleItem();
        finding.Kind.ShouldBe(DataProblemKind.Reclassification);
        finding.Series.ComplaintType.ShouldBe("Noise");
        finding.RelatedComplaintType.ShouldBe("Noise - Residential");
        finding.Explanation.ShouldContain("Noise fell to 3 requests (expected 300) while Noise - Residential rose to 310");

        // The same moves with the total jumping are real changes, not a re-classification.
        ReclassificationCheck.Run(day, types, Score(10_400, 10_000, 1e-9, 1), options).ShouldBeEmpty();
    }
}

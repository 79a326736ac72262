using Nyc311.Simulation.Calibration;
using Nyc311.Simulation.Tests.Support;

namespace Nyc311.Simulation.Tests.Generation;

public class QualityProblemTests
{
    private static readonly PublishedMix Published = PublishedMix.Real;

    [Fact]
    public void Agency_patterns_appear_at_about_their_published_2022_2023_rates()
    {
        var sample = Samples.Study2022To2023;
        var rows = Published.Rows2022To2023;
        var quality = Published.Quality2022To2023;

        sample.ProblemShare(QualityProblems.CreatedAtNoon).ShouldBe(quality["created_exactly_noon"] / rows, 0.003);
        sample.ProblemShare(QualityProblems.ClosedAtMidnight).ShouldBe(quality["closed_exactly_midnight"] / rows, 0.006);
        sample.ProblemShare(QualityProblems.ClosedAtNoon).ShouldBe(quality["closed_exactly_noon"] / rows, 0.004);
        sample.ProblemShare(QualityProblems.ZeroDuration).ShouldBe(quality["closed_equals_created_zero_duration"] / rows, 0.005);
        sample.ProblemShare(QualityProblems.ClosedBeforeCreated).ShouldBe(quality["closed_before_created_negative_duration"] / rows, 0.001);
    }

    [Fact]
    public void Modelled_problems_appear_at_about_their_configured_rates()
    {
        var sample = Samples.Study2022To2023;
        var rates = QualityProblemRates.Default;
        var unspecified = sample.ProblemShare(QualityProblems.UnspecifiedBoroughRecoverableFromZip)
            + sample.ProblemShare(QualityProblems.UnspecifiedBoroughRecoverableFromParkBorough)
            + sample.ProblemShare(QualityProblems.UnspecifiedBoroughUnrecoverable);
        unspecified.ShouldBe(rates.UnspecifiedBorough, rates.UnspecifiedBorough * 0.2);
        sample.ProblemShare(QualityProblems.OddComplaintTypeFormatting).ShouldBe(rates.OddComplaintTypeFormatting, rates.OddComplaintTypeFormatting * 0.25);
        sample.ProblemShare(QualityProblems.Republished, ofClosed: true).ShouldBe(rates.Republished, rates.Republished * 0.15);
        sample.ProblemShare(QualityProblems.CoordinatesOutsideCity).ShouldBe(rates.CoordinatesOutsideCity, rates.CoordinatesOutsideCity * 0.5);
        sample.Problems.GetValueOrDefault(QualityProblems.MissingUniqueKey).ShouldBeInRange(1, 60);
        sample.Problems.GetValueOrDefault(QualityProblems.UnparseableCreatedDate).ShouldBeInRange(1, 60);
    }

    [Fact]
    public void Switching_problems_off_leaves_clean_records_and_the_same_requests()
    {
        var date = new DateOnly(2023, 3, 14);
        var clean = Simulate.Day(date, quality: false);
        var dirty = Simulate.Day(date, quality: true);

        clean.Records.ShouldAllBe(r => r.Problems == QualityProblems.None);
        clean.Records.Count.ShouldBe(clean.Requests);
        dirty.Records.Count(r => !r.Problems.HasFlag(QualityProblems.StaleVersion)).ShouldBe(dirty.Requests);
        // The natural values come from their own random stream: the same types in the same amounts.
        dirty.Records.Where(r => !r.Problems.HasFlag(QualityProblems.StaleVersion)).Select(r => r.Type.Name).Order()
            .ShouldBe(clean.Records.Select(r => r.Type.Name).Order());
    }

    [Fact]
    public void A_republished_request_appears_first_open_then_closed_with_a_later_update_time()
    {
        var day = Simulate.Day(new DateOnly(2023, 3, 14));
        var finals = day.Records.Where(r => r.Problems.HasFlag(QualityProblems.Republished)).ToList();
        finals.ShouldNotBeEmpty();
        foreach (var final in finals)
        {
            var rows = day.Records.Select((r, i) => (r, i)).Where(x => x.r["unique_key"] == final["unique_key"]).ToList();
            rows.Count.ShouldBe(2);
            var (stale, staleAt) = rows[0];
            stale.Problems.HasFlag(QualityProblems.StaleVersion).ShouldBeTrue();
            stale["closed_date"].ShouldBeNull();
            stale["status"].ShouldNotBe("Closed");
            rows[1].r.ShouldBeSameAs(final);
            final["status"].ShouldBe("Closed");
            rows[1].i.ShouldBeGreaterThan(staleAt);
            string.CompareOrdinal(final[":updated_at"], stale[":updated_at"]).ShouldBeGreaterThan(0);
        }
    }

    [Fact]
    public void Unspecified_boroughs_are_recoverable_exactly_as_flagged()
    {
        var map = Nyc311.Simulation.Geography.NycMap.Instance;
        var records = Simulate.Day(new DateOnly(2021, 10, 5)).Records
            .Concat(Simulate.Day(new DateOnly(2021, 10, 6)).Records)
            .Where(r => r["borough"] == "Unspecified").ToList();
        records.ShouldNotBeEmpty();
        foreach (var r in records)
        {
            var truth = Nyc311.Domain.Boroughs.All[r.Borough];
            if (r.Problems.HasFlag(QualityProblems.UnspecifiedBoroughRecoverableFromZip))
            {
                map.ZipBorough[r["incident_zip"]!].ShouldBe(r.Borough);
            }
            else if (r.Problems.HasFlag(QualityProblems.UnspecifiedBoroughRecoverableFromParkBorough))
            {
                r["incident_zip"].ShouldBeNull();
                r["park_borough"].ShouldBe(truth);
            }
            else
            {
                r.Problems.HasFlag(QualityProblems.UnspecifiedBoroughUnrecoverable).ShouldBeTrue();
                r["incident_zip"].ShouldBeNull();
                r["park_borough"].ShouldBe("Unspecified");
                r["latitude"].ShouldBeNull();
                r["city"].ShouldBeNull();
            }

            r["community_board"].ShouldBe("0 Unspecified");
        }
    }

    [Fact]
    public void Odd_complaint_types_differ_only_in_case_and_whitespace()
    {
        var records = Simulate.Day(new DateOnly(2021, 10, 5)).Records.Where(r => r.Problems.HasFlag(QualityProblems.OddComplaintTypeFormatting)).ToList();
        records.ShouldNotBeEmpty();
        foreach (var r in records)
        {
            r["complaint_type"].ShouldNotBe(r.Type.Name);
            Simulate.Standard(r["complaint_type"]!).ShouldBe(Simulate.Standard(r.Type.Name));
        }
    }
}

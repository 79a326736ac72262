using Nyc311.Simulation.Calibration;
using Nyc311.Simulation.Output;
using Nyc311.Simulation.Tests.Support;

namespace Nyc311.Simulation.Tests;

public class ServiceRequestSimulatorTests
{
    [Theory]
    [InlineData("2010-01-02")]
    [InlineData("2016-01-23")]
    [InlineData("2020-08-04")]
    [InlineData("2025-12-25")]
    public void A_day_holds_exactly_its_real_number_of_requests(string date)
    {
        var day = Simulate.Day(DateOnly.Parse(date));
        var real = DailyTotals.Real.RequestsOn(day.Date)!.Value;

        day.Requests.ShouldBe(real);
        var requests = day.Records.Where(r => !r.Problems.HasFlag(QualityProblems.StaleVersion)).ToList();
        requests.Count.ShouldBe(real);
        var keyed = requests.Where(r => r["unique_key"] is not null).ToList();
        keyed.Select(r => r["unique_key"]).Distinct().Count().ShouldBe(keyed.Count);
        day.Records.ShouldAllBe(r => r.Day == day.Date);
    }

    [Fact]
    public void A_missing_day_produces_no_records_and_says_so()
    {
        var day = Simulate.Day(new DateOnly(2023, 11, 27));
        day.IsMissing.ShouldBeTrue();
        day.Requests.ShouldBe(0);
        day.Records.ShouldBeEmpty();
    }

    [Fact]
    public void The_same_seed_gives_identical_bytes_and_another_seed_different_ones()
    {
        var date = new DateOnly(2011, 5, 8);
        var first = Simulate.Day(date, seed: 7).Records;
        var again = Simulate.Day(date, seed: 7).Records;
        var other = Simulate.Day(date, seed: 8).Records;

        Simulate.Csv(again).ShouldBe(Simulate.Csv(first));
        Simulate.Json(again, SocrataJsonLayout.Array).ShouldBe(Simulate.Json(first, SocrataJsonLayout.Array));
        Simulate.Csv(other).ShouldNotBe(Simulate.Csv(first));
        other.Count(r => !r.Problems.HasFlag(QualityProblems.StaleVersion)).ShouldBe(first.Count(r => !r.Problems.HasFlag(QualityProblems.StaleVersion)));
    }

    [Fact]
    public void The_json_location_shape_changes_nothing_else()
    {
        var date = new DateOnly(2011, 5, 8);
        var mixed = Simulate.Day(date).Records;
        var options = Simulate.Options(date, date) with { LocationShape = LocationShape.LatitudeLongitude };
        var legacy = new ServiceRequestSimulator(options).GenerateDay(date).Records;

        Simulate.Csv(legacy).ShouldBe(Simulate.Csv(mixed));
        legacy.Where(r => r["location"] is not null).ShouldAllBe(r => r["location"]!.Contains("human_address", StringComparison.Ordinal));
    }

    [Fact]
    public void A_day_file_does_not_depend_on_the_range_order_or_threads_that_produce_it()
    {
        var folder = Directory.CreateTempSubdirectory("nyc311-sim-");
        try
        {
            var options = Simulate.Options(new DateOnly(2012, 2, 27), new DateOnly(2012, 3, 2)) with { MaxDegreeOfParallelism = 2 };
            var summary = SimulationRun.WriteFiles(options, folder.FullName, OutputFormat.Csv, cancellationToken: TestContext.Current.CancellationToken);

            var alone = Simulate.Csv(Simulate.Day(new DateOnly(2012, 2, 29)).Records);
            File.ReadAllBytes(Path.Combine(folder.FullName, "311_2012-02-29.csv")).ShouldBe(alone);
            summary.Files.Select(Path.GetFileName).ShouldBe(["311_2012-02-27.csv", "311_2012-02-28.csv", "311_2012-02-29.csv", "311_2012-03-01.csv", "311_2012-03-02.csv"]);
            summary.RequestsWritten.ShouldBe(DailyTotals.Real.RequestsBetween(options.From, options.To));
            summary.BytesWritten.ShouldBe(summary.Files.Sum(f => new FileInfo(f).Length));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Writing_files_skips_missing_days_and_reports_them()
    {
        var folder = Directory.CreateTempSubdirectory("nyc311-sim-");
        try
        {
            var progress = new List<SimulationProgress>();
            var options = Simulate.Options(new DateOnly(2026, 7, 29), new DateOnly(2026, 7, 31)) with { MaxDegreeOfParallelism = 1 };
            var summary = SimulationRun.WriteFiles(options, folder.FullName, OutputFormat.Ndjson, new SynchronousProgress(progress), TestContext.Current.CancellationToken);

            summary.MissingDays.ShouldBe([new DateOnly(2026, 7, 30)]);
            summary.Files.Select(Path.GetFileName).ShouldBe(["311_2026-07-29.ndjson", "311_2026-07-31.ndjson"]);
            progress.Select(p => p.DaysDone).ShouldBe([1, 2, 3]);
            progress[^1].RecordsWritten.ShouldBe(summary.RecordsWritten);
            File.Exists(Path.Combine(folder.FullName, "311_2026-07-30.ndjson")).ShouldBeFalse();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("2009-12-31", "2010-01-02")]
    [InlineData("2026-08-01", "2026-08-06")]
    public void A_range_outside_the_real_series_is_refused(string from, string to)
    {
        Should.Throw<SimulationRangeException>(() => new ServiceRequestSimulator(Simulate.Options(DateOnly.Parse(from), DateOnly.Parse(to))));
    }

    [Fact]
    public void Invalid_options_are_refused_with_the_option_named()
    {
        Should.Throw<SimulationRangeException>(() => new ServiceRequestSimulator(Simulate.Options(new DateOnly(2020, 1, 2), new DateOnly(2020, 1, 1))));
        var early = Simulate.Options(new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 2)) with { PublishedAsOf = new DateTime(2020, 1, 2, 12, 0, 0) };
        Should.Throw<SimulationOptionsException>(() => new ServiceRequestSimulator(early)).Message.ShouldContain("PublishedAsOf");
        var rates = Simulate.Options(new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 2)) with { QualityRates = new QualityProblemRates { Republished = 1.5 } };
        Should.Throw<SimulationOptionsException>(() => new ServiceRequestSimulator(rates)).Message.ShouldContain("Republished");
    }

    [Fact]
    public void Generating_a_range_is_lazy_and_memory_stays_flat()
    {
        var simulator = new ServiceRequestSimulator(Simulate.Options(new DateOnly(2023, 1, 1), new DateOnly(2023, 1, 24)));
        long rows = 0;
        long afterFourDays = 0;
        var day = 0;
        foreach (var generated in simulator.GenerateDays())
        {
            rows += generated.Records.Count;
            if (++day == 4)
            {
                afterFourDays = LiveBytes();
            }
        }

        var afterAll = LiveBytes();
        rows.ShouldBeGreaterThan(150_000);
        // Twenty more days (~170,000 rows, ~70 MB if kept) leave the live heap where it was.
        (afterAll - afterFourDays).ShouldBeLessThan(8_000_000);
    }

    [Fact]
    public void A_whole_year_range_is_produced_a_day_at_a_time_on_demand()
    {
        var simulator = new ServiceRequestSimulator(Simulate.Options(new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31)));
        var first = simulator.Generate().Take(100).ToList();
        first.ShouldAllBe(r => r.Day == new DateOnly(2023, 1, 1));
        simulator.GenerateDays().Skip(1).First().Date.ShouldBe(new DateOnly(2023, 1, 2));
    }

    private static long LiveBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private sealed class SynchronousProgress(List<SimulationProgress> reports) : IProgress<SimulationProgress>
    {
        public void Report(SimulationProgress value) => reports.Add(value);
    }
}

using CsCheck;
using Nyc311.Anomalies.Detection;
using Nyc311.Anomalies.Tests.Support;

namespace Nyc311.Anomalies.Tests.Detection;

public sealed class DetectorTests
{
    private static readonly DateOnly Start = new(2025, 3, 3);

    public static TheoryData<string> Detectors => [.. DetectorNames.Detectors];

    private static SeriesScorer Scorer(string detector, string expectation = "weekday_median") =>
        new(DetectionSettings.From(new AnomalyOptions { Detector = detector, Expectation = expectation }));

    [Theory]
    [MemberData(nameof(Detectors))]
    public void Every_detector_finds_a_fivefold_spike_and_passes_an_ordinary_day(string detector)
    {
        var values = SyntheticSeries.Poisson(Start, 120, 60, seed: 1);
        var scorer = Scorer(detector);
        var ordinary = scorer.Score(values, Start, 110)!.Value;
        ordinary.SpikePValue.ShouldBeGreaterThan(1e-3);
        ordinary.Expected.ShouldBe(values[110], 40);

        values[119] = 5 * 60;
        var spike = scorer.Score(values, Start, 119)!.Value;
        spike.SpikePValue.ShouldBeLessThan(1e-6);
        spike.Upper.ShouldBeLessThan(spike.Observed);
        spike.Lower.ShouldBeLessThanOrEqualTo(spike.Expected);
    }

    [Theory]
    [MemberData(nameof(Detectors))]
    public void No_detector_looks_ahead(string detector)
    {
        // Changing any day after the judged one never changes its score.
        var scorer = Scorer(detector);
        Gen.Select(Gen.Int[60, 100], Gen.Int[0, 1000], Gen.Double[0, 5000]).Sample((t, seed, replacement) =>
        {
            var values = SyntheticSeries.Poisson(Start, 110, 30, seed);
            var before = scorer.Score(values, Start, t);
            for (var i = t + 1; i < values.Length; i++)
            {
                values[i] = replacement;
            }

            var after = scorer.Score(values.AsSpan(0, t + 1), Start, t);
            return before == after && scorer.Score(values, Start, t) == before;
        }, iter: 25);
    }

    [Fact]
    public void Prophet_and_the_forecasting_baselines_serve_as_expectations()
    {
        var values = SyntheticSeries.Poisson(Start, 100, 80, seed: 4);
        values[99] = 400;
        foreach (var expectation in new[] { "seasonal_naive", "moving_average", "prophet" })
        {
            var score = Scorer("count_forecast", expectation).Score(values, Start, 99)!.Value;
            score.Expected.ShouldBe(80, 30, expectation);
            score.SpikePValue.ShouldBeLessThan(1e-6, expectation);
        }
    }

    [Fact]
    public void A_day_without_enough_history_is_not_judged()
    {
        var values = SyntheticSeries.Poisson(Start, 40, 50, seed: 2);
        Scorer("ensemble").Score(values, Start, 20).ShouldBeNull();
        values[35] = double.NaN;
        Scorer("ensemble").Score(values, Start, 35).ShouldBeNull();
    }

    [Fact]
    public void A_stored_forecast_sets_the_count_distribution()
    {
        var values = SyntheticSeries.Poisson(Start, 60, 50, seed: 3);
        values[59] = 130;
        var forecast = new ExternalForecast(120, 100, 140, 0.8, "prophet", Start.AddDays(57));
        var withForecast = Scorer("count_forecast").Score(values, Start, 59, forecast)!.Value;
        withForecast.Expected.ShouldBe(120);
        withForecast.SpikePValue.ShouldBeGreaterThan(0.1);
        Scorer("count_forecast").Score(values, Start, 59)!.Value.SpikePValue.ShouldBeLessThan(1e-6);
    }

    [Fact]
    public void The_ensemble_needs_two_of_three_detectors_to_agree()
    {
        EnsembleDetector.Combine(1e-9, 1e-8, 0.5).ShouldBe(2e-8, 1e-20);
        EnsembleDetector.Combine(1e-9, 0.4, 0.5).ShouldBe(0.8, 1e-12);
        EnsembleDetector.Combine(0.6, 0.7, 0.9).ShouldBe(1);
        EnsembleDetector.Combine(1e-6, double.NaN, 1e-4).ShouldBe(1.01e-4, 1e-12);
    }

    [Fact]
    public void Holidays_are_expected_at_the_level_of_recent_sundays()
    {
        // Thanksgiving 2025 is Thursday 2025-11-27.
        var start = new DateOnly(2025, 9, 1);
        var values = SyntheticSeries.Poisson(start, 88, 100, seed: 6);
        var model = new Anomalies.Detection.Expectations.WeekdayMedianExpectation();
        var thanksgiving = new DateOnly(2025, 11, 27).DayNumber - start.DayNumber;
        var sundays = Enumerable.Range(1, 5).Select(w => values[thanksgiving - 4 - (7 * (w - 1))]).Order().ToArray();
        model.PredictAt(values, start, thanksgiving).ShouldBe(sundays[2]);
    }
}

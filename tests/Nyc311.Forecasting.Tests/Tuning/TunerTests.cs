using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Nyc311.Forecasting.Tuning;

namespace Nyc311.Forecasting.Tests.Tuning;

public class TunerTests
{
    private static readonly SearchSpace Bowl = new(
        [ParameterRange.Real("scale", 0.001, 10, ParameterScale.Log), ParameterRange.Integer("leaves", 2, 200), ParameterRange.Categorical("mode", "additive", "multiplicative")],
        new Dictionary<string, string> { ["scale"] = "1", ["leaves"] = "100", ["mode"] = "additive" });

    // Minimum 0 at scale = 0.05, leaves = 40, mode = multiplicative.
    private static double Objective(IReadOnlyDictionary<string, string> p, CancellationToken _)
    {
        var scale = Math.Log10(double.Parse(p["scale"], CultureInfo.InvariantCulture) / 0.05);
        var leaves = (double.Parse(p["leaves"], CultureInfo.InvariantCulture) - 40) / 50;
        return (scale * scale) + (leaves * leaves) + (p["mode"] == "multiplicative" ? 0 : 0.5);
    }

    [Fact]
    public void The_first_trial_is_the_defaults_and_the_search_improves_on_them()
    {
        var result = Tuner.Minimize(Bowl, Objective, new TuningOptions { MaxTrials = 30, Patience = 30, Seed = 1 }, cancellationToken: TestContext.Current.CancellationToken);

        result.Trials[0].Parameters.ShouldBe(Bowl.Defaults);
        result.Trials.Count.ShouldBe(30);
        result.BestScore.ShouldBeLessThan(Objective(Bowl.Defaults, TestContext.Current.CancellationToken) / 4);
        result.Best["mode"].ShouldBe("multiplicative");
    }

    [Fact]
    public void TPE_finds_better_points_than_random_search_with_the_same_budget()
    {
        var tpe = new List<double>();
        var random = new List<double>();
        for (var seed = 0; seed < 8; seed++)
        {
            tpe.Add(Tuner.Minimize(Bowl, Objective, new TuningOptions { MaxTrials = 30, Patience = 30, Seed = seed }, cancellationToken: TestContext.Current.CancellationToken).BestScore);
            random.Add(Tuner.Minimize(Bowl, Objective, new TuningOptions { MaxTrials = 30, Patience = 30, Seed = seed, StartupTrials = 30 }, cancellationToken: TestContext.Current.CancellationToken).BestScore);
        }

        tpe.Average().ShouldBeLessThan(random.Average());
    }

    [Fact]
    public void The_same_seed_proposes_the_same_trials_whatever_the_thread_timing()
    {
        var first = Tuner.Minimize(Bowl, Objective, new TuningOptions { MaxTrials = 12, Patience = 12, Seed = 9, Parallelism = 2 }, cancellationToken: TestContext.Current.CancellationToken);
        var second = Tuner.Minimize(Bowl, (p, t) =>
        {
            // Finish the second trial of each batch first.
            Thread.Sleep(p == Bowl.Defaults ? 5 : 0);
            return Objective(p, t);
        }, new TuningOptions { MaxTrials = 12, Patience = 12, Seed = 9, Parallelism = 2 }, cancellationToken: TestContext.Current.CancellationToken);

        second.Trials.Select(t => t.Parameters).ShouldBe(first.Trials.Select(t => t.Parameters));
    }

    [Fact]
    public void The_trials_of_a_batch_run_at_the_same_time()
    {
        // Each trial waits for the other of its batch: run one after the other, the first would wait in vain.
        using var barrier = new Barrier(2);
        var met = new System.Collections.Concurrent.ConcurrentQueue<bool>();

        var result = Tuner.Minimize(
            Bowl,
            (p, t) =>
            {
                met.Enqueue(barrier.SignalAndWait(TimeSpan.FromSeconds(30), t));
                return Objective(p, t);
            },
            new TuningOptions { MaxTrials = 6, Patience = 6, Parallelism = 2 },
            cancellationToken: TestContext.Current.CancellationToken);

        result.Trials.Count.ShouldBe(6);
        met.ShouldAllBe(m => m);
    }

    [Fact]
    public void A_search_without_improvement_stops_early()
    {
        var result = Tuner.Minimize(Bowl, (_, _) => 1.0, new TuningOptions { MaxTrials = 50, Patience = 4, Parallelism = 1 }, cancellationToken: TestContext.Current.CancellationToken);

        result.Trials.Count.ShouldBe(5);
        result.StopReason.ShouldContain("no improvement in 4 trials");
    }

    [Fact]
    public void No_batch_starts_after_the_time_budget()
    {
        var clock = new FakeTimeProvider();
        var result = Tuner.Minimize(
            Bowl,
            (p, t) =>
            {
                clock.Advance(TimeSpan.FromSeconds(10));
                return Objective(p, t);
            },
            new TuningOptions { MaxTrials = 50, Patience = 50, Parallelism = 1, TimeBudget = TimeSpan.FromSeconds(35) },
            clock,
            cancellationToken: TestContext.Current.CancellationToken);

        result.Trials.Count.ShouldBe(4);
        result.StopReason.ShouldContain("time budget");
    }

    [Fact]
    public void Failed_trials_are_recorded_and_never_chosen()
    {
        var result = Tuner.Minimize(
            Bowl,
            (p, t) => p["mode"] == "additive" ? throw ForecastOptionsException.Inconsistent("mode", "refused") : Objective(p, t),
            new TuningOptions { MaxTrials = 10, Patience = 10, Seed = 2 }, cancellationToken: TestContext.Current.CancellationToken);

        result.Trials[0].Succeeded.ShouldBeFalse();
        result.Trials[0].Error.ShouldNotBeNull().ShouldContain("refused");
        result.Best["mode"].ShouldBe("multiplicative");
    }

    [Fact]
    public void Every_proposal_stays_inside_its_ranges()
    {
        var result = Tuner.Minimize(Bowl, Objective, new TuningOptions { MaxTrials = 40, Patience = 40, Seed = 4 }, cancellationToken: TestContext.Current.CancellationToken);

        foreach (var trial in result.Trials)
        {
            double.Parse(trial.Parameters["scale"], CultureInfo.InvariantCulture).ShouldBeInRange(0.001, 10);
            int.Parse(trial.Parameters["leaves"], CultureInfo.InvariantCulture).ShouldBeInRange(2, 200);
            trial.Parameters["mode"].ShouldBeOneOf("additive", "multiplicative");
        }
    }
}

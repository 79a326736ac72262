namespace Nyc311.Forecasting.Tuning;

/// <summary>
/// Minimises an objective over a <see cref="SearchSpace"/>: the defaults first, a few random points, then
/// TPE proposals, evaluated in batches of <see cref="TuningOptions.Parallelism"/> trials at once. Each batch
/// is proposed from the trials completed before it, so the sequence of trials depends only on the seed and
/// the scores, never on thread timing. Stops at the trial budget, the time budget (checked between batches)
/// or when <see cref="TuningOptions.Patience"/> trials pass without an improvement.
/// </summary>
public static class Tuner
{
    /// <summary>Runs the search.</summary>
    /// <param name="space">Parameters to tune and their defaults.</param>
    /// <param name="objective">Scores a set of parameters (lower is better); a <see cref="ForecastingException"/> marks the trial failed.</param>
    /// <param name="options">Budget, early stopping, parallelism and seed.</param>
    /// <param name="time">Clock of the time budget; the system clock by default.</param>
    /// <param name="progress">Told each trial as its batch completes.</param>
    /// <param name="cancellationToken">Stops between trials.</param>
    public static TuningResult Minimize(
        SearchSpace space,
        Func<IReadOnlyDictionary<string, string>, CancellationToken, double> objective,
        TuningOptions options,
        TimeProvider? time = null,
        IProgress<Trial>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        time ??= TimeProvider.System;
        var started = time.GetTimestamp();
        var sampler = new TpeSampler(space, options);
        var random = new Random(options.Seed);
        var trials = new List<Trial>();
        var bestScore = double.PositiveInfinity;
        var lastImprovement = 0;
        var stopReason = $"trial budget of {options.MaxTrials} reached";
        while (trials.Count < options.MaxTrials)
        {
            if (options.TimeBudget is { } budget && time.GetElapsedTime(started) >= budget)
            {
                stopReason = $"time budget of {budget.TotalSeconds:0.#} s reached";
                break;
            }

            var batch = Math.Min(options.Parallelism, options.MaxTrials - trials.Count);
            var proposals = new IReadOnlyDictionary<string, string>[batch];
            for (var b = 0; b < batch; b++)
            {
                var number = trials.Count + b;
                proposals[b] = number == 0 ? space.Defaults
                    : number < options.StartupTrials ? sampler.Random(random)
                    : sampler.Propose(trials, random);
            }

            var results = new Trial[batch];
            Parallel.For(0, batch, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken }, b =>
            {
                var number = trials.Count + b;
                try
                {
                    var score = objective(proposals[b], cancellationToken);
                    results[b] = new Trial(number, proposals[b], double.IsNaN(score) ? double.PositiveInfinity : score, double.IsFinite(score) ? null : "the objective is not finite");
                }
                catch (ForecastingException e)
                {
                    results[b] = new Trial(number, proposals[b], double.PositiveInfinity, e.Message);
                }
            });

            foreach (var trial in results)
            {
                trials.Add(trial);
                progress?.Report(trial);
                if (trial.Succeeded && trial.Score < bestScore)
                {
                    if (trial.Score < bestScore * (1 - options.MinImprovement) || double.IsInfinity(bestScore))
                    {
                        lastImprovement = trial.Number;
                    }

                    bestScore = trial.Score;
                }
            }

            if (trials.Count - 1 - lastImprovement >= options.Patience)
            {
                stopReason = $"stopped early: no improvement in {options.Patience} trials";
                break;
            }
        }

        var best = trials.Where(t => t.Succeeded).OrderBy(t => t.Score).ThenBy(t => t.Number).FirstOrDefault();
        return new TuningResult(best?.Parameters ?? space.Defaults, best?.Score ?? double.PositiveInfinity, trials, stopReason);
    }
}

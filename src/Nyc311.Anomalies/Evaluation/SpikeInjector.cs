using Nyc311.Anomalies.Maths;

namespace Nyc311.Anomalies.Evaluation;

/// <summary>
/// Injects spikes of known size into a series: each adds size × level requests on its middle day and half
/// that on the day before and after (a three-day event that starts small, so detection delay is
/// measurable), where the level is the median of the 28 days before it. Events are placed at random days
/// (seeded) at least <c>gap</c> days apart.
/// </summary>
public static class SpikeInjector
{
    /// <param name="series">The clean series (not changed).</param>
    /// <param name="sizes">Event sizes relative to the level, cycled through (for example 0.5, 1, 2).</param>
    /// <param name="count">Events to inject.</param>
    /// <param name="from">First possible first day of an event.</param>
    /// <param name="seed">Random seed: the same seed places the same events.</param>
    /// <param name="gap">Minimum days between two events' first days.</param>
    public static EvaluationSeries Inject(EvaluationSeries series, IReadOnlyList<double> sizes, int count, DateOnly from, int seed, int gap = 21)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(sizes);
        var values = (double[])series.Values.Clone();
        var random = new Random(seed);
        var first = Math.Max(28, from.DayNumber - series.Start.DayNumber);
        var last = values.Length - 3;
        var starts = new List<int>();
        for (var tries = 0; starts.Count < count && tries < count * 200 && last > first; tries++)
        {
            var candidate = random.Next(first, last);
            if (starts.TrueForAll(s => Math.Abs(s - candidate) >= gap) && series.Events.All(e => !Overlaps(series, e, candidate, gap)))
            {
                starts.Add(candidate);
            }
        }

        starts.Sort();
        var events = new List<LabeledWindow>(series.Events);
        var ignored = new List<LabeledWindow>(series.Ignored);
        for (var n = 0; n < starts.Count; n++)
        {
            var s = starts[n];
            var size = sizes[n % sizes.Count];
            var level = Math.Max(RobustStatistics.Median(values.AsSpan(s - 28, 28)), 1);
            var added = new[] { 0.5 * size * level, size * level, 0.5 * size * level };
            for (var k = 0; k < 3; k++)
            {
                if (double.IsFinite(values[s + k]))
                {
                    values[s + k] += Math.Round(added[k]);
                }
            }

            var day = series.Start.AddDays(s);
            events.Add(new LabeledWindow(day, day.AddDays(2), $"+{size:P0} of level for 3 days", size));
            ignored.Add(new LabeledWindow(day.AddDays(3), day.AddDays(6), "after an injected spike"));
        }

        return series with { Values = values, Events = events, Ignored = ignored };
    }

    private static bool Overlaps(EvaluationSeries series, LabeledWindow window, int index, int gap)
    {
        var start = window.Start.DayNumber - series.Start.DayNumber;
        var end = window.End.DayNumber - series.Start.DayNumber;
        return index + 3 + gap > start && index - gap < end;
    }
}

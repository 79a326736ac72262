using Nyc311.Simulation.Calibration;

namespace Nyc311.Simulation.Generation;

/// <summary>
/// Realistic, unique 8-digit keys. Each day owns a disjoint key range whose start grows with the
/// real cumulative request count, scaled between anchor keys (erm2-nwe9 keys run ahead of the row
/// count because keys are shared with requests the dataset does not publish):
/// 2010-01-01 ≈ 15,000,000 (approximate), 2022-05-01 = 54,045,000 (the real rows of that night
/// start at 54,045,643), 2026-07-27 = 69,850,000 (a real request of 21:03 that day is 69,860,415);
/// the last slope continues after it. Within a day, keys are a sorted random subset of the range
/// assigned in creation order with small local shuffles, so they increase with time only roughly.
/// </summary>
internal sealed class UniqueKeys
{
    private const int ShuffleBlock = 16;

    private static readonly (DateOnly Day, long Key)[] Anchors =
    [
        (new DateOnly(2010, 1, 1), 15_000_000),
        (new DateOnly(2022, 5, 1), 54_045_000),
        (new DateOnly(2026, 7, 27), 69_850_000),
    ];

    private readonly DailyTotals _totals;
    private readonly long[] _cumulative;

    private UniqueKeys(DailyTotals totals)
    {
        _totals = totals;
        _cumulative = new long[totals.Days.Count + 1];
        for (var i = 0; i < totals.Days.Count; i++)
        {
            var day = totals.Days[i];
            // A partial day still used up its share of keys in the live system.
            var volume = day.IsMissing ? totals.UsualOn(day.Date) : day.PublishedRequests;
            _cumulative[i + 1] = _cumulative[i] + volume;
        }
    }

    public static UniqueKeys Real => LazyReal.Value;

    private static readonly Lazy<UniqueKeys> LazyReal = new(() => new UniqueKeys(DailyTotals.Real));

    /// <summary>The first key of the day's range (inclusive) and the first key of the next day's.</summary>
    public (long Start, long End) RangeOf(DateOnly date) => (KeyAt(Index(date)), KeyAt(Index(date) + 1));

    /// <summary>Gives each draft (in creation order) a distinct key from the day's range.</summary>
    public void Assign(IReadOnlyList<SimulatedRequest> drafts, DateOnly date, SimulationRandom random)
    {
        var (start, end) = RangeOf(date);
        var n = drafts.Count;
        var span = Math.Max(end - start, n);
        var keys = new long[n];

        // Sequential selection (Knuth's Algorithm S): a uniform sorted subset of n of the span.
        var chosen = 0;
        for (long offset = 0; offset < span && chosen < n; offset++)
        {
            if ((span - offset) * random.NextDouble() < n - chosen)
            {
                keys[chosen++] = start + offset;
            }
        }

        for (var block = 0; block < n; block += ShuffleBlock)
        {
            var length = Math.Min(ShuffleBlock, n - block);
            for (var i = length - 1; i > 0; i--)
            {
                var j = random.NextInt(i + 1);
                (keys[block + i], keys[block + j]) = (keys[block + j], keys[block + i]);
            }
        }

        for (var i = 0; i < n; i++)
        {
            drafts[i].UniqueKey = keys[i];
        }
    }

    private int Index(DateOnly date) => date.DayNumber - _totals.First.DayNumber;

    private long KeyAt(int index)
    {
        var segment = Anchors.Length - 2;
        for (var a = 1; a < Anchors.Length; a++)
        {
            if (index < Index(Anchors[a].Day))
            {
                segment = a - 1;
                break;
            }
        }

        var (fromDay, fromKey) = Anchors[segment];
        var (toDay, toKey) = Anchors[segment + 1];
        var fromCount = _cumulative[Index(fromDay)];
        var slope = (double)(toKey - fromKey) / (_cumulative[Index(toDay)] - fromCount);
        return fromKey + (long)Math.Round((_cumulative[index] - fromCount) * slope);
    }
}

using Nyc311.Domain;
using Nyc311.Simulation.Calibration;

namespace Nyc311.Simulation.Model;

/// <summary>
/// The complaint mix of one day: how the day's real total splits over complaint types and boroughs.
/// A type's weight on a day is its base weight times its trend (interpolated between the anchor
/// dates of the published tables), its season, its weekday and any real event; real Street Flooding
/// counts and events' shares of the day's excess are fixed counts, the rest is drawn in proportion.
/// </summary>
internal sealed class MixModel
{
    private readonly int[] _agencyOfType;

    public MixModel(ModelTables tables, DailyTotals totals, StreetFloodingSeries streetFlooding, MixParameters parameters)
    {
        Tables = tables;
        Totals = totals;
        StreetFlooding = streetFlooding;
        Parameters = parameters;
        AgencyCodes = [.. tables.Agencies.Keys.Order(StringComparer.Ordinal)];
        _agencyOfType = [.. tables.Types.Select(t => Array.IndexOf(AgencyCodes, t.Agency.Code))];
        StreetFloodingIndex = tables.Types.Single(t => t.IsStreetFlooding).Index;
    }

    public ModelTables Tables { get; }

    public DailyTotals Totals { get; }

    public StreetFloodingSeries StreetFlooding { get; }

    public MixParameters Parameters { get; }

    public string[] AgencyCodes { get; }

    public int StreetFloodingIndex { get; }

    public int AgencyOf(int type) => _agencyOfType[type];

    /// <summary>The split of one day: fixed counts per type and weights for the remainder.</summary>
    public DayMix For(DateOnly date, int total)
    {
        var day = StaticPart(date, total);
        var (w15, w17) = TrendWeights(date);
        var weights = new double[day.Factors.Length];
        for (var t = 0; t < weights.Length; t++)
        {
            weights[t] = day.Factors[t] == 0 ? 0 : Parameters.Base[t] * Math.Exp(LogTrend(t, w15, w17)) * day.Factors[t];
        }

        return new DayMix(date, total, weights, day.FixedCounts);
    }

    /// <summary>
    /// The part of a day's mix that does not depend on fitted parameters: per type, season times
    /// weekday times event multipliers (0 when the type does not exist or its count is fixed), and
    /// the fixed counts (real Street Flooding, events' shares of the excess).
    /// </summary>
    public StaticDay StaticPart(DateOnly date, int total)
    {
        var types = Tables.Types;
        var factors = new double[types.Count];
        var fixedCounts = new double[types.Count];
        var isHoliday = HolidayCalendar.On(date) is not null;
        for (var t = 0; t < types.Count; t++)
        {
            var type = types[t];
            factors[t] = type.ExistsOn(date) ? type.Season.On(date) * type.Weekday.On(date, isHoliday) : 0;
        }

        var realFlooding = StreetFlooding.On(date);
        if (realFlooding is { } flooding)
        {
            fixedCounts[StreetFloodingIndex] = Math.Min(flooding, total);
            factors[StreetFloodingIndex] = 0;
        }

        ApplyEvents(date, total, factors, fixedCounts, realFlooding is not null);

        var fixedSum = fixedCounts.Sum();
        if (fixedSum > total)
        {
            for (var t = 0; t < fixedCounts.Length; t++)
            {
                fixedCounts[t] *= total / fixedSum;
            }
        }

        return new StaticDay(date, total, factors, fixedCounts);
    }

    /// <summary>
    /// Weights of the 2015 and 2017 anchors in a day's log trend: the trend is
    /// w15 * (agency 2015 factor) + (w15 + w17) * (type 2017 factor), the 2023 anchor being 0.
    /// </summary>
    public static (double W15, double W17) TrendWeights(DateOnly date)
    {
        var x = date.DayNumber;
        var a15 = MixParameters.Anchor2015.DayNumber;
        var a17 = MixParameters.Anchor2017.DayNumber;
        var a23 = MixParameters.Anchor2023.DayNumber;
        if (x <= a15)
        {
            return (1, 0);
        }

        if (x <= a17)
        {
            var t = (double)(x - a15) / (a17 - a15);
            return (1 - t, t);
        }

        return x <= a23 ? (0, 1 - ((double)(x - a17) / (a23 - a17))) : (0, 0);
    }

    public double LogTrend(int type, double w15, double w17) =>
        (w15 * Parameters.LogAgency2015[_agencyOfType[type]]) + ((w15 + w17) * Parameters.Log2017[type]);

    /// <summary>Borough weights for a type on a day, in <see cref="Boroughs.All"/> order (not normalised).</summary>
    public void BoroughWeights(int type, DateOnly date, Span<double> weights)
    {
        var t = Tables.Types[type];
        if (t.IsStreetFlooding && StreetFlooding.BoroughWeights(date.Year) is { } real)
        {
            real.CopyTo(weights);
            return;
        }

        var profile = t.Boroughs.Weights;
        for (var b = 0; b < 5; b++)
        {
            weights[b] = profile[b] * Math.Exp(LogBoroughFactor(b, date));
        }
    }

    public double LogBoroughFactor(int borough, DateOnly date) => Interpolate(date,
        (MixParameters.Anchor2017, Parameters.LogBorough2017[borough]),
        (MixParameters.Anchor2025, Parameters.LogBorough2025[borough]));

    private void ApplyEvents(DateOnly date, int total, double[] weights, double[] fixedCounts, bool floodingIsReal)
    {
        Span<int> offsets = stackalloc int[Tables.Events.Count];
        var shareSum = 0.0;
        for (var e = 0; e < Tables.Events.Count; e++)
        {
            offsets[e] = Tables.Events[e].Event.Window.DayOffset(date);
            if (offsets[e] >= 0)
            {
                shareSum += Tables.Events[e].ExcessShare;
            }
        }

        if (shareSum == 0)
        {
            return;
        }

        var excess = Math.Max(0, total - Totals.UsualOn(date));
        var scale = Math.Min(1, 1 / shareSum);
        for (var e = 0; e < Tables.Events.Count; e++)
        {
            if (offsets[e] < 0)
            {
                continue;
            }

            var spec = Tables.Events[e];
            var weightSum = 0.0;
            foreach (var effect in spec.Effects)
            {
                weights[effect.TypeIndex] *= effect.MultiplierOn(offsets[e]);
                if (!(floodingIsReal && effect.TypeIndex == StreetFloodingIndex))
                {
                    weightSum += effect.ExcessWeight;
                }
            }

            if (excess == 0 || weightSum == 0)
            {
                continue;
            }

            foreach (var effect in spec.Effects)
            {
                if (!(floodingIsReal && effect.TypeIndex == StreetFloodingIndex) && Tables.Types[effect.TypeIndex].ExistsOn(date))
                {
                    fixedCounts[effect.TypeIndex] += excess * spec.ExcessShare * scale * effect.ExcessWeight / weightSum;
                }
            }
        }
    }

    private static double Interpolate(DateOnly date, params ReadOnlySpan<(DateOnly At, double Value)> anchors)
    {
        var x = date.DayNumber;
        if (x <= anchors[0].At.DayNumber)
        {
            return anchors[0].Value;
        }

        for (var i = 1; i < anchors.Length; i++)
        {
            if (x <= anchors[i].At.DayNumber)
            {
                var (a, b) = (anchors[i - 1], anchors[i]);
                var t = (double)(x - a.At.DayNumber) / (b.At.DayNumber - a.At.DayNumber);
                return a.Value + ((b.Value - a.Value) * t);
            }
        }

        return anchors[^1].Value;
    }
}

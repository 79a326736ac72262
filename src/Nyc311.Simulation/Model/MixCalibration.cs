using Nyc311.Domain;
using Nyc311.Simulation.Calibration;

namespace Nyc311.Simulation.Model;

/// <summary>
/// Fits the mix to the published tables, once per process (no randomness: expected counts only).
/// <list type="number">
/// <item>Type base weights so that expected 2022-2023 type shares equal the published ones (the
/// Tussey top 10 and noise types exactly, the rest as modelled splits of the published agency totals).</item>
/// <item>2017 multipliers for the five types the DBRS table covers in at least four boroughs.</item>
/// <item>Q1 2015 agency multipliers so expected Q1 2015 agency shares equal the datatellsme table.</item>
/// <item>Borough factors at 2017 and 2025 so the all-type split equals the DBRS and response-equity totals.</item>
/// <item>Hour factors so the all-type created-hour split equals the 2018-2023 table (less the noon and midnight stamps added later).</item>
/// </list>
/// </summary>
internal static partial class MixCalibration
{
    private const int MaxRounds = 200;
    private const double Tolerance = 1e-4;

    public static MixModel Real => LazyReal.Value;

    private static readonly Lazy<MixModel> LazyReal = new(() => Fit(ModelTables.Instance, DailyTotals.Real, StreetFloodingSeries.Real, PublishedMix.Real));

    public static MixModel Fit(ModelTables tables, DailyTotals totals, StreetFloodingSeries flooding, PublishedMix mix)
    {
        var parameters = new MixParameters(tables.Types.Count, tables.Agencies.Count);
        foreach (var type in tables.Types)
        {
            parameters.Base[type.Index] = type.Share;
        }

        var model = new MixModel(tables, totals, flooding, parameters);
        FitTypes(model, mix);
        FitBoroughs(model, mix);
        FitHours(model, mix, PublishedQualityRates.Real);
        return model;
    }

    /// <summary>The 2022-2023 share each type must reach (0 for types that did not exist then).</summary>
    public static double[] TypeTargets2023(ModelTables tables, PublishedMix mix)
    {
        var targets = new double[tables.Types.Count];
        var rows = mix.Rows2022To2023;
        foreach (var type in tables.Types.Where(t => t.Source == 'A'))
        {
            var upper = type.Name.ToUpperInvariant();
            var others = tables.Types.Where(o => o != type && o.Name.Equals(type.Name, StringComparison.OrdinalIgnoreCase)).Sum(o => o.Share);
            targets[type.Index] = (mix.TypesUpper2022To2023[upper] / rows) - others;
        }

        foreach (var agency in tables.Agencies.Keys)
        {
            var agencyShare = mix.Agency2022To2023[agency] / rows;
            var published = tables.Types.Where(t => t.Agency.Code == agency && t.Source == 'A').Sum(t => targets[t.Index]);
            var modelled = tables.Types.Where(t => t.Agency.Code == agency && t.Source == 'M').ToList();
            var modelledSum = modelled.Sum(t => t.Share);
            foreach (var type in modelled)
            {
                targets[type.Index] = (agencyShare - published) * type.Share / modelledSum;
            }
        }

        return targets;
    }

    /// <summary>2017 shares for the types the DBRS table covers in at least four of five boroughs.</summary>
    public static Dictionary<int, double> TypeTargets2017(ModelTables tables, PublishedMix mix)
    {
        var total = mix.Boroughs2017.Sum();
        var targets = new Dictionary<int, double>();
        foreach (var (name, cells) in mix.TypeByBorough2017.Where(kv => kv.Value.Count >= 4))
        {
            var type = tables.Types.Single(t => t.Name == name && t.Source != 'B');
            // The missing borough cell is taken from the type's borough profile (its modelled value).
            var sum = Boroughs.All.Select((b, i) => cells.TryGetValue(b, out var c) ? c : type.Boroughs.Weights[i]).Sum();
            targets[type.Index] = sum / total;
        }

        return targets;
    }

    private static void FitTypes(MixModel model, PublishedMix mix)
    {
        var tables = model.Tables;
        var p = model.Parameters;
        var targets2023 = TypeTargets2023(tables, mix);
        var targets2017 = TypeTargets2017(tables, mix);
        var agencyTargetsQ1 = model.AgencyCodes.Select(a => mix.AgencyQ1Of2015.TryGetValue(a, out var c) ? c / mix.RowsQ1Of2015 : double.NaN).ToArray();
        var otherTargetQ1 = 1 - agencyTargetsQ1.Where(x => !double.IsNaN(x)).Sum();

        var window2023 = new ExpectedWindow(model, Days(model.Totals, new DateOnly(2022, 1, 1), new DateOnly(2023, 12, 31)));
        var window2017 = new ExpectedWindow(model, Days(model.Totals, new DateOnly(2017, 1, 1), new DateOnly(2017, 12, 31)));
        var windowQ1 = new ExpectedWindow(model, Days(model.Totals, new DateOnly(2015, 1, 1), new DateOnly(2015, 3, 31)));

        for (var round = 0; round < MaxRounds; round++)
        {
            var worst = 0.0;
            var shares = window2023.Shares();
            foreach (var type in tables.Types.Where(t => targets2023[t.Index] > 0))
            {
                var ratio = targets2023[type.Index] / shares[type.Index];
                p.Base[type.Index] *= ratio;
                worst = Math.Max(worst, Math.Abs(Math.Log(ratio)));
            }

            shares = window2017.Shares();
            foreach (var (type, target) in targets2017)
            {
                var step = Math.Log(target / shares[type]);
                p.Log2017[type] += step;
                worst = Math.Max(worst, Math.Abs(step));
            }

            shares = windowQ1.Shares();
            var agencyShares = new double[model.AgencyCodes.Length];
            for (var t = 0; t < shares.Length; t++)
            {
                agencyShares[model.AgencyOf(t)] += shares[t];
            }

            var otherShare = agencyShares.Where((_, a) => double.IsNaN(agencyTargetsQ1[a])).Sum();
            var otherStep = Math.Log(otherTargetQ1 / otherShare);
            for (var a = 0; a < agencyShares.Length; a++)
            {
                var step = double.IsNaN(agencyTargetsQ1[a]) ? otherStep : Math.Log(agencyTargetsQ1[a] / agencyShares[a]);
                p.LogAgency2015[a] += step;
                worst = Math.Max(worst, Math.Abs(step));
            }

            if (worst < Tolerance)
            {
                return;
            }
        }
    }

    private static DateOnly[] Days(DailyTotals totals, DateOnly from, DateOnly to) =>
        [.. Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).Where(d => totals.RequestsOn(d) is not null)];

    internal static double[] Normalised(double[] values)
    {
        var sum = values.Sum();
        return [.. values.Select(v => v / sum)];
    }
}

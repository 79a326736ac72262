using System.Globalization;

namespace Nyc311.Simulation.Calibration;

/// <summary>
/// Per-agency rates of the data-quality patterns the 2022-2023 study counted (calibration/mix/
/// data_quality_*), as a share of that agency's requests. Where the study gives only a headline
/// count and a note such as "99.56% DSNY", the named agency gets that part and the rest is spread
/// over the other agencies in proportion to their size.
/// </summary>
internal sealed class PublishedQualityRates
{
    private PublishedQualityRates(PublishedMix mix)
    {
        var rows = mix.Agency2022To2023;
        Dictionary<string, double> ByAgency(string issue) =>
            rows.Keys.ToDictionary(a => a, a => mix.QualityByAgency2022To2023.GetValueOrDefault((issue, a)) / rows[a]);

        ClosedBeforeCreated = ByAgency("negative_duration");
        ZeroDuration = ByAgency("zero_duration");
        CreatedAtMidnight = ByAgency("created_exactly_midnight");
        ClosedAtMidnight = ByAgency("closed_exactly_midnight");
        CreatedAtNoon = FromNote(mix, "created_exactly_noon");
        ClosedAtNoon = FromNote(mix, "closed_exactly_noon");
        LateResolutionUpdate = FromNote(mix, "resolution_update_30_to_730_days_after_close");
    }

    public static PublishedQualityRates Real => LazyReal.Value;

    private static readonly Lazy<PublishedQualityRates> LazyReal = new(() => new PublishedQualityRates(PublishedMix.Real));

    public IReadOnlyDictionary<string, double> ClosedBeforeCreated { get; }

    public IReadOnlyDictionary<string, double> ZeroDuration { get; }

    public IReadOnlyDictionary<string, double> CreatedAtMidnight { get; }

    public IReadOnlyDictionary<string, double> CreatedAtNoon { get; }

    public IReadOnlyDictionary<string, double> ClosedAtMidnight { get; }

    public IReadOnlyDictionary<string, double> ClosedAtNoon { get; }

    public IReadOnlyDictionary<string, double> LateResolutionUpdate { get; }

    private static Dictionary<string, double> FromNote(PublishedMix mix, string metric)
    {
        var rows = mix.Agency2022To2023;
        var total = mix.Quality2022To2023[metric];
        var note = NoteFor(metric);
        var percent = note.Split('%')[0];
        var agency = note.Split(' ')[^1];
        var share = double.Parse(percent, CultureInfo.InvariantCulture) / 100;
        var othersRows = rows.Where(r => r.Key != agency).Sum(r => r.Value);
        return rows.Keys.ToDictionary(a => a, a => a == agency
            ? total * share / rows[a]
            : total * (1 - share) / othersRows);
    }

    private static string NoteFor(string metric)
    {
        foreach (var row in EmbeddedData.ReadTable("calibration/mix/data_quality_2022-2023__tussey_nyc311clean.csv", ','))
        {
            if (row["metric"] == metric)
            {
                return row["denominator_note"];
            }
        }

        throw SimulationException.CorruptTable("calibration/mix/data_quality_2022-2023__tussey_nyc311clean.csv", 0, $"no metric {metric}");
    }
}

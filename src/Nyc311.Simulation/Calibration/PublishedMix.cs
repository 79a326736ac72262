using Nyc311.Domain;

namespace Nyc311.Simulation.Calibration;

/// <summary>
/// The published shares the simulator is calibrated to (bundled byte copies of files from
/// ../shared/data/nyc311/mix; see Data/README.md for which are full, partial, and of what years).
/// </summary>
internal sealed class PublishedMix
{
    private const string Mix = "calibration/mix/";

    /// <summary>Requests per agency, all SRs created 2022-01-01..2023-12-31 (Tussey, full export).</summary>
    public required IReadOnlyDictionary<string, double> Agency2022To2023 { get; init; }

    /// <summary>Top-10 complaint types plus the 8 noise types, upper-cased as the study printed them, 2022-2023.</summary>
    public required IReadOnlyDictionary<string, double> TypesUpper2022To2023 { get; init; }

    /// <summary>Total rows of the 2022-2023 study (6,394,908).</summary>
    public required double Rows2022To2023 { get; init; }

    /// <summary>Requests per agency for the top 6 agencies of Q1 2015 (datatellsme) and the quarter's total.</summary>
    public required IReadOnlyDictionary<string, double> AgencyQ1Of2015 { get; init; }

    public required double RowsQ1Of2015 { get; init; }

    /// <summary>Borough totals of a 2017 subset with boroughs rebuilt from ZIP (DBRS), in <see cref="Boroughs.All"/> order.</summary>
    public required double[] Boroughs2017 { get; init; }

    /// <summary>Borough counts over 37 full days of 2025 (every 10th day of the year), in <see cref="Boroughs.All"/> order.</summary>
    public required double[] Boroughs2025 { get; init; }

    /// <summary>Type-by-borough counts of 2017 (top 10 per borough), keyed by type then borough.</summary>
    public required IReadOnlyDictionary<string, Dictionary<string, double>> TypeByBorough2017 { get; init; }

    /// <summary>Requests created per hour of day 0..23, 2018-2023.</summary>
    public required double[] CreatedByHour2018To2023 { get; init; }

    /// <summary>Requests created per weekday, Monday first, 2018-2023.</summary>
    public required double[] CreatedByWeekday2018To2023 { get; init; }

    /// <summary>Status counts (upper-cased), 2022-2023.</summary>
    public required IReadOnlyDictionary<string, double> Status2022To2023 { get; init; }

    /// <summary>Headline data-quality counts, 2022-2023, by metric name.</summary>
    public required IReadOnlyDictionary<string, double> Quality2022To2023 { get; init; }

    /// <summary>Data-quality counts by (issue, agency), 2022-2023.</summary>
    public required IReadOnlyDictionary<(string Issue, string Agency), double> QualityByAgency2022To2023 { get; init; }

    public static PublishedMix Real => LazyReal.Value;

    private static readonly Lazy<PublishedMix> LazyReal = new(Load);

    private static PublishedMix Load()
    {
        var types = Table("complaint_types_top10_2022-2023__tussey_nyc311clean.csv", "complaint_type", "count");
        foreach (var (type, count) in Table("noise_types_2022-2023__tussey_nyc311clean.csv", "complaint_type", "count"))
        {
            types[type] = count;
        }

        var quality = Table("data_quality_2022-2023__tussey_nyc311clean.csv", "metric", "count");
        var byAgency = new Dictionary<(string, string), double>();
        foreach (var row in EmbeddedData.ReadTable(Mix + "data_quality_by_agency_2022-2023__tussey_nyc311clean.csv", ','))
        {
            byAgency[(row["issue"], row["agency"])] = row.Number("count");
        }

        var typeByBorough = new Dictionary<string, Dictionary<string, double>>();
        foreach (var row in EmbeddedData.ReadTable(Mix + "type_by_borough_top10_2017__MetroSynth_DBRS.csv", ','))
        {
            if (!typeByBorough.TryGetValue(row["complaint_type"], out var cells))
            {
                typeByBorough[row["complaint_type"]] = cells = [];
            }

            cells[row["borough"]] = row.Number("count");
        }

        var q1 = Table("agency_counts_Q1_2015__datatellsme.csv", "agency", "count");
        var hours = EmbeddedData.ReadTable(Mix + "hour_of_day_created_closed_2018-2023__tussey_nyc311clean.csv", ',');
        var weekdays = EmbeddedData.ReadTable(Mix + "day_of_week_2018-2023__tussey_nyc311clean.csv", ',');
        var b2017 = Table("borough_totals_2017__MetroSynth_DBRS.csv", "borough", "count");
        var b2025 = Table("borough_counts_and_median_close_2025_37days__response_equity.csv", "borough", "sampled_requests");

        return new PublishedMix
        {
            Agency2022To2023 = Table("agency_counts_2022-2023__tussey_nyc311clean.csv", "agency", "count"),
            TypesUpper2022To2023 = types,
            Rows2022To2023 = quality["total_rows"],
            AgencyQ1Of2015 = q1,
            // The blog post states the quarter's total; the table holds only the top six agencies.
            RowsQ1Of2015 = 543_823,
            Boroughs2017 = [.. Boroughs.All.Select(b => b2017[b])],
            Boroughs2025 = [.. Boroughs.All.Select(b => b2025[b])],
            TypeByBorough2017 = typeByBorough,
            CreatedByHour2018To2023 = [.. hours.OrderBy(r => r.Number("hour")).Select(r => r.Number("created_count"))],
            CreatedByWeekday2018To2023 = [.. weekdays.Select(r => r.Number("count"))],
            Status2022To2023 = Table("status_2022-2023__tussey_nyc311clean.csv", "status", "count"),
            Quality2022To2023 = quality,
            QualityByAgency2022To2023 = byAgency,
        };
    }

    private static Dictionary<string, double> Table(string file, string keyColumn, string valueColumn)
    {
        var table = new Dictionary<string, double>();
        foreach (var row in EmbeddedData.ReadTable(Mix + file, ','))
        {
            table[row[keyColumn]] = row[valueColumn].Length == 0 ? 0 : row.Number(valueColumn);
        }

        return table;
    }
}

using System.Globalization;
using Nyc311.Domain;

namespace Nyc311.Simulation.Calibration;

/// <summary>
/// The real daily count of Street Flooding requests citywide, 2010-01-02..2020-12-31 (mebauer), and the
/// real yearly split of those requests by borough. On these days the simulator writes exactly this many.
/// </summary>
internal sealed class StreetFloodingSeries
{
    private const string DailyResource = "calibration/nyc311_daily_street_flooding_2010-2020__mebauer.csv";
    private const string YearlyResource = "calibration/nyc311_yearly_street_flooding_by_borough_2010-2020__mebauer.csv";

    private readonly Dictionary<DateOnly, int> _daily;
    private readonly Dictionary<int, double[]> _boroughsByYear;

    private StreetFloodingSeries(Dictionary<DateOnly, int> daily, Dictionary<int, double[]> boroughsByYear)
    {
        _daily = daily;
        _boroughsByYear = boroughsByYear;
    }

    public static StreetFloodingSeries Real => LazyReal.Value;

    private static readonly Lazy<StreetFloodingSeries> LazyReal = new(Load);

    /// <summary>The real count for the day, or null outside the series.</summary>
    public int? On(DateOnly date) => _daily.TryGetValue(date, out var count) ? count : null;

    /// <summary>Weights per borough in <see cref="Boroughs.All"/> order for the year, or null outside 2010-2020.</summary>
    public double[]? BoroughWeights(int year) => _boroughsByYear.GetValueOrDefault(year);

    private static StreetFloodingSeries Load()
    {
        var daily = new Dictionary<DateOnly, int>();
        foreach (var row in EmbeddedData.ReadTable(DailyResource, ','))
        {
            var date = DateOnly.TryParseExact(row["year_month_day"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw row.Fail("bad date");
            daily[date] = (int)row.Number("count");
        }

        var yearly = new Dictionary<int, double[]>();
        foreach (var row in EmbeddedData.ReadTable(YearlyResource, ','))
        {
            yearly[(int)row.Number("year")] = [.. Boroughs.All.Select(b => row.Number(b))];
        }

        return new StreetFloodingSeries(daily, yearly);
    }
}

using System.Globalization;
using Nyc311.Forecasting.Series;
using Nyc311.Lake;
using Nyc311.Lake.Catalog;
using Nyc311.Lake.Operations;
using Nyc311.Lake.Schema;
using Nyc311.Lake.Sql;

namespace Nyc311.Forecasting.Tests;

/// <summary>
/// Real and gold-shaped series: the real citywide daily totals (Data/nyc311, see the README there), and small
/// panels split from their last days into boroughs and complaint types with seeded noise, with rollups.
/// </summary>
internal static class SeriesFixtures
{
    private static readonly Lazy<DailySeries> LazyCitywide = new(() =>
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "nyc311", "nyc311_daily_citywide_2010-01-01_2026-08-05__nik-pi_311Forecasting.csv"));
        var values = lines.Skip(1).Select(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture)).ToArray();
        var start = DateOnly.ParseExact(lines[1].Split(',')[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new DailySeries(SeriesKey.Citywide, start, values);
    });

    /// <summary>The real citywide totals, 2010-01-01..2026-08-05.</summary>
    public static DailySeries Citywide => LazyCitywide.Value;

    /// <summary>The last <paramref name="days"/> days of the real citywide totals.</summary>
    public static DailySeries CitywideTail(int days) =>
        new(SeriesKey.Citywide, Citywide.End.AddDays(1 - days), Citywide.Values.Skip(Citywide.Length - days).ToArray());

    /// <summary>
    /// Two complaint types by four boroughs plus their rollups (ten series), shaped from the last
    /// <paramref name="days"/> real citywide days with binomial-like noise.
    /// </summary>
    public static IReadOnlyList<DailySeries> Panel(int days, int seed = 7)
    {
        var citywide = CitywideTail(days);
        var random = new Random(seed);
        string[] boroughs = ["BRONX", "BROOKLYN", "MANHATTAN", "QUEENS"];
        double[] shares = [0.2, 0.3, 0.25, 0.25];
        var types = new (string Name, double Share, double WeekendFactor)[] { ("Noise - Residential", 0.05, 1.6), ("Street Condition", 0.02, 0.4) };
        var series = new List<DailySeries>();
        foreach (var (name, share, weekend) in types)
        {
            var total = new double[days];
            for (var b = 0; b < boroughs.Length; b++)
            {
                var values = new double[days];
                for (var i = 0; i < days; i++)
                {
                    var day = citywide.DateAt(i).DayOfWeek;
                    var mean = citywide.Values[i] * share * shares[b] * (day is DayOfWeek.Saturday or DayOfWeek.Sunday ? weekend : 1);
                    values[i] = Math.Max(0, Math.Round(mean + (Math.Sqrt(mean) * Normal(random))));
                    total[i] += values[i];
                }

                series.Add(new DailySeries(new SeriesKey(name, boroughs[b]), citywide.Start, values));
            }

            series.Add(new DailySeries(new SeriesKey(name, SeriesKey.All), citywide.Start, total));
        }

        return [.. series.OrderBy(s => s.Key)];
    }

    /// <summary>A lake at <paramref name="root"/> whose <c>gold.daily_counts</c> holds <paramref name="series"/> (partitioned by date, as the pipeline writes it).</summary>
    public static LakeCatalog GoldLake(string root, IReadOnlyList<DailySeries> series)
    {
        var catalog = new LakeCatalog(new LakeOptions { Root = root });
        using var db = LakeDuckDb.Open();
        db.Execute("CREATE TABLE src (\"date\" DATE, complaint_type VARCHAR, borough VARCHAR, requests BIGINT)");
        using (var appender = db.CreateAppender("src"))
        {
            foreach (var s in series)
            {
                for (var i = 0; i < s.Length; i++)
                {
                    appender.CreateRow().AppendValue((DateOnly?)s.DateAt(i)).AppendValue(s.Key.ComplaintType).AppendValue(s.Key.Borough).AppendValue((long?)s.Values[i]).EndRow();
                }
            }
        }

        var schema = new StructType(
            new StructField("date", DeltaType.Date),
            new StructField("complaint_type", DeltaType.String),
            new StructField("borough", DeltaType.String),
            new StructField("requests", DeltaType.Long));
        DeltaTable.Create(catalog.PathOf("gold.daily_counts"), schema, new CreateTableOptions { PartitionColumns = ["date"] }).Append(db, "src");
        return catalog;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

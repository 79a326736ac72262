using System.Globalization;
using System.Text;
using Nyc311.Anomalies.Series;
using Nyc311.Lake;
using Nyc311.Lake.Catalog;
using Nyc311.Lake.Operations;
using Nyc311.Lake.Schema;
using Nyc311.Lake.Sql;
using Nyc311.Lake.Stats;
using Nyc311.Testing;

namespace Nyc311.Anomalies.Tests.Support;

/// <summary>A temporary lake with a small <c>gold.daily_counts</c> built from leaf series (rollups computed like the pipeline's).</summary>
internal sealed class GoldLake : IDisposable
{
    private readonly TempDirectory _folder = new("anomalies");

    public GoldLake(TimeProvider time)
    {
        Time = time;
        Catalog = new LakeCatalog(new LakeOptions { Root = _folder.Combine("lake") }, time);
    }

    public TimeProvider Time { get; }

    public LakeCatalog Catalog { get; }

    public string Folder => _folder.Path;

    public void Dispose() => _folder.Dispose();

    public static StructType Schema { get; } = new(
        new StructField("date", DeltaType.Date),
        new StructField("complaint_type", DeltaType.String),
        new StructField("borough", DeltaType.String),
        new StructField("requests", DeltaType.Long));

    /// <summary>Writes (replaces) the days of the given leaf series and their rollups.</summary>
    public void Write(IReadOnlyDictionary<SeriesKey, double[]> leaves, DateOnly start)
    {
        var rows = new Dictionary<(DateOnly, string, string), long>();
        foreach (var (key, values) in leaves)
        {
            for (var i = 0; i < values.Length; i++)
            {
                if (!double.IsFinite(values[i]))
                {
                    continue;
                }

                var day = start.AddDays(i);
                foreach (var (type, borough) in new[] { (key.ComplaintType, key.Borough), (key.ComplaintType, SeriesKey.All), (SeriesKey.All, key.Borough), (SeriesKey.All, SeriesKey.All) })
                {
                    rows[(day, type, borough)] = rows.GetValueOrDefault((day, type, borough)) + (long)values[i];
                }
            }
        }

        var csv = Path.Combine(Folder, $"rows-{Guid.NewGuid():N}.csv");
        var text = new StringBuilder("date,complaint_type,borough,requests\n");
        foreach (var ((day, type, borough), requests) in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd},\"{type}\",\"{borough}\",{requests}\n");
        }

        File.WriteAllText(csv, text.ToString());
        var end = rows.Keys.Max(k => k.Item1);
        var table = DeltaTable.OpenOrCreate(Catalog.PathOf("gold.daily_counts"), Schema, new CreateTableOptions { PartitionColumns = ["date"] }, Catalog.Options, Time);
        using var db = LakeDuckDb.Open();
        var select = $"SELECT CAST(date AS DATE) AS date, complaint_type, borough, CAST(requests AS BIGINT) AS requests FROM read_csv('{csv}', header = true, all_varchar = true)";
        table.Overwrite(db, select, Predicate.Between("date", start, end));
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nyc311.Anomalies.Incidents;
using Nyc311.Dashboard.Data;
using Nyc311.Lake;
using Nyc311.Lake.Catalog;
using Nyc311.Lake.Operations;
using Nyc311.Lake.Schema;
using Nyc311.Lake.Sql;
using Nyc311.Testing;

namespace Nyc311.Dashboard.Tests.Fixtures;

/// <summary>
/// A lake of its own per test, empty until asked: a few weeks of <c>gold.daily_counts</c> for two complaint types in
/// two boroughs (rollups included, as the pipeline writes them), incidents written through the incident store.
/// </summary>
public sealed class SmallLake : IDisposable
{
    /// <summary>The last day of the counts <see cref="WriteDailyCounts"/> writes (a Wednesday).</summary>
    public static readonly DateOnly Last = new(2026, 6, 10);

    /// <summary>The moment the dashboard's clock shows: noon UTC the day after <see cref="Last"/>.</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 11, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _folder = new("dashboard-small");

    public string Root => _folder.Combine("lake");

    public LakeCatalog Catalog => new(new LakeOptions { Root = Root });

    public FakeTimeProvider Time { get; } = new(Now);

    public static StructType DailyCountsSchema { get; } = new(
        new StructField("date", DeltaType.Date), new StructField("complaint_type", DeltaType.String),
        new StructField("borough", DeltaType.String), new StructField("requests", DeltaType.Long));

    /// <summary>
    /// Requests of a base series on a day: Rodent in Queens 40 plus the day of the month, Rodent in Brooklyn 30,
    /// Damaged Tree in Queens 10, Damaged Tree in Brooklyn 5 (so every sum can be checked by hand).
    /// </summary>
    public static long Requests(string type, string borough, DateOnly day) => (type, borough) switch
    {
        ("Rodent", "QUEENS") => 40 + day.Day,
        ("Rodent", "BROOKLYN") => 30,
        ("Damaged Tree", "QUEENS") => 10,
        _ => 5,
    };

    /// <summary>Creates <c>gold.daily_counts</c> with <paramref name="days"/> days ending on <paramref name="last"/> (default <see cref="Last"/>).</summary>
    public void WriteDailyCounts(int days = 42, DateOnly? last = null)
    {
        var table = DeltaTable.Create(Catalog.PathOf(LakeTables.DailyCounts), DailyCountsSchema, new CreateTableOptions { PartitionColumns = ["date"] }, Catalog.Options);
        Append(table, (last ?? Last).AddDays(1 - days), last ?? Last);
    }

    /// <summary>Appends days to <c>gold.daily_counts</c> (a new table version).</summary>
    public void AppendDailyCounts(DateOnly from, DateOnly to) => Append(DeltaTable.Open(Catalog.PathOf(LakeTables.DailyCounts), Catalog.Options), from, to);

    /// <summary>Creates <c>gold.daily_counts</c> with no rows.</summary>
    public void CreateEmptyDailyCounts() =>
        DeltaTable.Create(Catalog.PathOf(LakeTables.DailyCounts), DailyCountsSchema, new CreateTableOptions { PartitionColumns = ["date"] }, Catalog.Options);

    /// <summary>Writes incidents through <see cref="IncidentStore"/>, as detection does.</summary>
    public void WriteIncidents(params Incident[] incidents) => new IncidentStore(Catalog, Time).Upsert(incidents);

    /// <summary>A spike of Rodent in Queens on <see cref="Last"/>.</summary>
    public static Incident RodentSpike { get; } = new()
    {
        IncidentId = Incident.IdFor("Rodent", "QUEENS", IncidentKind.Spike, Last),
        ComplaintType = "Rodent",
        Borough = "QUEENS",
        Kind = IncidentKind.Spike,
        StartDate = Last,
        EndDate = Last,
        PeakDate = Last,
        Observed = 50,
        Expected = 20,
        Lower = 15,
        Upper = 25,
        PValue = 0.001,
        Severity = "high",
        Explanation = "Rodent in Queens: 50 requests, expected 20 (range 15-25), 2.5x",
        Contributors = "[]",
        Detector = "fixture",
        RunId = "detect-small",
        DetectedAt = Now.AddHours(-6),
        UpdatedAt = Now.AddHours(-6),
    };

    /// <summary>The dashboard's services over this lake (the watcher is registered but not started).</summary>
    public ServiceProvider Services(string actor = "unit-test")
    {
        var services = new ServiceCollection();
        Register(services, actor);
        return services.BuildServiceProvider();
    }

    /// <summary>Registers the dashboard's services over this lake in <paramref name="services"/>.</summary>
    public void Register(IServiceCollection services, string actor = "unit-test")
    {
        services.AddLogging();
        DashboardApp.AddDashboard(services, new DashboardOptions { LakeRoot = Root, Port = 0, ConsoleLogging = false, Actor = actor, Time = Time });
    }

    private static void Append(DeltaTable table, DateOnly from, DateOnly to)
    {
        using var db = LakeDuckDb.Open();
        table.Append(db, $"""
            WITH leaves AS (
                SELECT CAST(d AS DATE) AS "date", t.t AS complaint_type, b.b AS borough,
                       CAST(CASE WHEN t.t = 'Rodent' AND b.b = 'QUEENS' THEN 40 + dayofmonth(d)
                                 WHEN t.t = 'Rodent' THEN 30 WHEN b.b = 'QUEENS' THEN 10 ELSE 5 END AS BIGINT) AS requests
                FROM range(DATE '{from:yyyy-MM-dd}', DATE '{to:yyyy-MM-dd}' + 1, INTERVAL 1 DAY) AS r(d),
                     (VALUES ('Rodent'), ('Damaged Tree')) AS t(t), (VALUES ('QUEENS'), ('BROOKLYN')) AS b(b)
            )
            SELECT "date", coalesce(complaint_type, '(all)') AS complaint_type, coalesce(borough, '(all)') AS borough, CAST(sum(requests) AS BIGINT) AS requests
            FROM leaves GROUP BY GROUPING SETS (("date", complaint_type, borough), ("date", complaint_type), ("date", borough), ("date"))
            """);
    }

    public void Dispose() => _folder.Dispose();
}

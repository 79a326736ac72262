using Nyc311.Pipeline.Tests.Support;

namespace Nyc311.Pipeline.Tests.Quality;

/// <summary>
/// One hand-made record per way of failing a rule, marked by its descriptor (<c>case DQ004 b</c>) so a test can
/// find it in the quarantine through the raw record; plus a few valid boundary records. Run through silver once.
/// </summary>
public sealed class BadRecords : IDisposable
{
    public static readonly BronzeBatch Batch = new("bad", "csv", new DateTimeOffset(2026, 8, 10, 23, 0, 0, TimeSpan.Zero), "bad.csv");

    private static readonly List<Dictionary<string, string?>> All =
    [
        Case("DQ001 a", "9001").With("unique_key", null),
        Case("DQ001 b", "9002").With("unique_key", "   "),
        Case("DQ008 a", "54O49402"),
        Case("DQ008 b", "12.5"),
        Case("DQ002 a", "9005").With("created_date", "2022-13-45T00:00:00.000"),
        Case("DQ002 b", "9006").With("created_date", null),
        Case("DQ003 a", "9007").With("created_date", "2026-08-10T21:00:01.000").With("closed_date", null),
        Case("DQ007 a", "9008").With("closed_date", "yesterday"),
        Case("DQ004 a", "9009").With("closed_date", "2022-05-01T09:00:00.000"),
        Case("DQ004 b", "9010").With("closed_date", "01/01/1900 12:00:00 AM"),
        Case("DQ009 a", "9011").With("complaint_type", " "),
        Case("DQ006 a", "9012").With("borough", "Unspecified").With("incident_zip", "07030").With("park_borough", "Unspecified"),
        Case("DQ010 a", "9013").With("latitude", "40.7x"),
        Case("DQ010 b", "9014").With("latitude", null).With("longitude", null).With("location", "(n/a)"),
        Case("DQ005 a", "9015").With("latitude", "0").With("longitude", "0"),
        Case("DQ005 b", "9016").With("latitude", null).With("longitude", null).With("location", """{"type":"Point","coordinates":[-75.16,39.95]}"""),
        Case("DQ009+DQ005", "9017").With("complaint_type", null).With("latitude", "39.95").With("longitude", "-75.16"),
        Case("DQ004+DQ011", "9018").With("closed_date", "2022-05-01T09:00:00.000").With("due_date", "soon"),
        Case("DQ011 a", "9019").With("due_date", "soon"),
        Case("DQ012 a", "9020").With("resolution_action_updated_date", "n/a"),
        Case("DQ013 a", "9021").With("incident_zip", "N/A"),
        Case("valid just before the future limit", "9022").With("created_date", "2026-08-10T21:00:00.000").With("closed_date", null),
        Case("valid closed when created", "9023").With("closed_date", "2022-05-01T10:00:00.000"),
    ];

    public BadRecords()
    {
        Bronze.CreateTable(Db);
        Bronze.Insert(Db, Batch, All);
        SilverRun.Run(Db);
    }

    public TestDuckDb Db { get; } = new();

    public static int Count => All.Count;

    /// <summary>The quarantine row of a case, found through the descriptor in its raw record.</summary>
    public Row Quarantined(string marker) =>
        Db.Query($"SELECT * FROM silver.quarantine WHERE json_extract_string(raw_record, '$.descriptor') = 'case {marker}'").Single();

    /// <summary>The silver row of a case.</summary>
    public Row Accepted(string marker) => Db.Query($"SELECT * FROM silver.service_requests WHERE descriptor = 'case {marker}'").Single();

    public void Dispose() => Db.Dispose();

    private static Dictionary<string, string?> Case(string marker, string uniqueKey) => Records.Valid(uniqueKey).With("descriptor", $"case {marker}");
}

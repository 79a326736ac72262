using System.Globalization;
using Nyc311.Pipeline.Sql;

namespace Nyc311.Pipeline.Tests.Support;

/// <summary>A silver request reduced to what the gold statements read.</summary>
public sealed record Request(long Key, DateTime Created, string ComplaintType, string Borough, string Agency = "NYPD", double? HoursToClose = null)
{
    public DateOnly Day => DateOnly.FromDateTime(Created);
}

/// <summary>Writes hand-made silver rows (only the columns gold reads) and reads gold rows back.</summary>
public static class GoldData
{
    public static void CreateSilver(TestDuckDb db, string table, IEnumerable<Request> requests)
    {
        db.Execute($"""
            CREATE OR REPLACE TABLE {table} (
                unique_key BIGINT, created_date TIMESTAMP, created_day DATE, created_month DATE, created_day_of_week INTEGER,
                created_hour INTEGER, complaint_type VARCHAR, borough VARCHAR, agency VARCHAR, hours_to_close DOUBLE)
            """);
        var rows = requests.Select(r => string.Create(CultureInfo.InvariantCulture,
            $"({r.Key}, TIMESTAMP '{r.Created:yyyy-MM-dd HH:mm:ss}', DATE '{r.Day:yyyy-MM-dd}', DATE '{r.Day:yyyy-MM}-01', {(int)r.Day.DayOfWeek switch { 0 => 7, var n => n }}, "
            + $"{r.Created.Hour}, '{r.ComplaintType}', '{r.Borough}', '{r.Agency}', {(r.HoursToClose is { } h ? h.ToString("R", CultureInfo.InvariantCulture) : "NULL")})")).ToList();
        if (rows.Count > 0)
        {
            db.Execute($"INSERT INTO {table} VALUES {string.Join(", ", rows)}");
        }
    }

    public static void CreateDates(TestDuckDb db, string table, IEnumerable<DateOnly> days)
    {
        db.Execute($"CREATE OR REPLACE TABLE {table} (\"date\" DATE)");
        var values = days.Distinct().Select(d => $"(DATE '{d:yyyy-MM-dd}')").ToList();
        if (values.Count > 0)
        {
            db.Execute($"INSERT INTO {table} VALUES {string.Join(", ", values)}");
        }
    }

    /// <summary>Daily count rows as sorted "date|type|borough|requests" lines, easy to compare and to read in a failure.</summary>
    public static IReadOnlyList<string> DailyCounts(TestDuckDb db, string select) =>
        [.. db.Query(select).Select(r => $"{r.Get<DateOnly>("date"):yyyy-MM-dd}|{r["complaint_type"]}|{r["borough"]}|{r.Get<long>("requests")}").Order(StringComparer.Ordinal)];

    /// <summary>Full recompute of daily counts from a silver table, through the SQL.</summary>
    public static IReadOnlyList<string> FullDailyCounts(TestDuckDb db, string silver)
    {
        var d = SqlDialects.DuckDb;
        var series = $"({GoldSql.DailySeries(d, silver)})";
        return DailyCounts(db, GoldSql.DailyCounts(d, silver, $"({GoldSql.AllDates(d, series)})", series));
    }

    /// <summary>
    /// Daily counts straight from their definition, in C#: every series (type × borough, type × (all), (all) ×
    /// borough, (all) × (all)) on every day from its first request to the last day of the data.
    /// </summary>
    public static IReadOnlyList<string> ExpectedDailyCounts(IReadOnlyCollection<Request> requests)
    {
        if (requests.Count == 0)
        {
            return [];
        }

        const string All = GoldSql.AllValues;
        var last = requests.Max(r => r.Day);
        var keyed = requests.SelectMany(r => new[]
        {
            (Type: r.ComplaintType, Borough: r.Borough, r.Day),
            (Type: r.ComplaintType, Borough: All, r.Day),
            (Type: All, Borough: r.Borough, r.Day),
            (Type: All, Borough: All, r.Day),
        }).ToList();
        var lines = new List<string>();
        foreach (var series in keyed.GroupBy(k => (k.Type, k.Borough)))
        {
            var counts = series.GroupBy(k => k.Day).ToDictionary(g => g.Key, g => g.LongCount());
            for (var day = series.Min(k => k.Day); day <= last; day = day.AddDays(1))
            {
                lines.Add($"{day:yyyy-MM-dd}|{series.Key.Type}|{series.Key.Borough}|{counts.GetValueOrDefault(day)}");
            }
        }

        return [.. lines.Order(StringComparer.Ordinal)];
    }
}

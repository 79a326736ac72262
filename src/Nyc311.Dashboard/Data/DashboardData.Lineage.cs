using System.Globalization;
using Nyc311.Anomalies.Incidents;
using Nyc311.Dashboard.Filters;
using Nyc311.Lake.Sql;
using Nyc311.Lake.Stats;

namespace Nyc311.Dashboard.Data;

/// <summary>A silver row behind an incident, with its lineage to the bronze batch, file and line.</summary>
internal sealed record SilverRow(
    string UniqueKey,
    DateTime? Created,
    string? ComplaintType,
    string? Borough,
    string? Agency,
    string? Descriptor,
    string? Status,
    string? BatchId,
    string? SourceFile,
    long? SourceLine,
    long? RecordNumber,
    DateTimeOffset? IngestedAt);

/// <summary>A bronze batch that rows behind an incident came from.</summary>
/// <param name="BatchId">The batch id.</param>
/// <param name="RowsBehind">Silver rows behind the incident from this batch.</param>
/// <param name="Source">api, csv or json (null when the batch is no longer in bronze).</param>
/// <param name="Dataset">Socrata dataset id.</param>
/// <param name="SourceFile">File name, for file sources.</param>
/// <param name="IngestedAt">When it was ingested (UTC).</param>
/// <param name="BatchRows">Rows of the whole batch in bronze.</param>
internal sealed record BatchLineage(string BatchId, long RowsBehind, string? Source, string? Dataset, string? SourceFile, DateTimeOffset? IngestedAt, long? BatchRows);

/// <summary>The raw requests behind an incident: a sample of silver rows, their count, and their bronze batches.</summary>
internal sealed record Lineage(DateRange Days, long Rows, IReadOnlyList<SilverRow> Sample, IReadOnlyList<BatchLineage> Batches, TableInfo Silver, TableInfo Bronze);

internal sealed partial class DashboardData
{
    /// <summary>Silver rows shown per incident (the count covers all of them).</summary>
    public const int LineageSample = 200;

    /// <summary>
    /// The silver rows of the incident's series on its peak day (or on every day of it), read from the lake with
    /// file skipping on created day, month, complaint type and borough, and the bronze batches they came from.
    /// </summary>
    public Task<Lineage> LineageAsync(Incident incident, bool wholeWindow)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var days = wholeWindow ? new DateRange(incident.StartDate, incident.EndDate) : new DateRange(incident.PeakDate, incident.PeakDate);
        var silver = Table(LakeTables.Silver);
        var bronze = Table(LakeTables.Bronze);
        var key = $"lineage|{incident.ComplaintType}\u001f{incident.Borough}|{days}|{silver.VersionKey}|{bronze.VersionKey}";
        return cache.GetOrAdd(key, () => ReadLineage(new SeriesKey(incident.ComplaintType, incident.Borough), days, silver, bronze));
    }

    private Lineage ReadLineage(SeriesKey series, DateRange days, TableInfo silver, TableInfo bronze)
    {
        if (!silver.IsReady)
        {
            return new Lineage(days, 0, [], [], silver, bronze);
        }

        using var db = LakeDuckDb.Open();
        var (silverTable, silverSnapshot) = lake.Open(silver);
        var filter = Predicate.Between("created_day", days.From, days.To)
            .And(Predicate.Between("created_month", MonthOf(days.From), MonthOf(days.To)));
        if (!series.AllTypes)
        {
            filter = filter.And(Predicate.Equal("complaint_type", series.ComplaintType));
        }

        if (!series.AllBoroughs)
        {
            filter = filter.And(Predicate.Equal("borough", series.Borough));
        }

        db.Execute($"""
            CREATE TEMP TABLE behind AS
            SELECT CAST(unique_key AS VARCHAR) AS unique_key, created_date, complaint_type, borough, agency, descriptor, status,
                   _batch_id, _source_file, _source_line, _record_number, _ingested_at
            FROM ({silverTable.SelectSql(db, silverSnapshot, filter)})
            """);
        var rows = Convert.ToInt64(db.Scalar("SELECT count(*) FROM behind"), CultureInfo.InvariantCulture);
        var sample = db.Query($"SELECT * FROM behind ORDER BY created_date, unique_key LIMIT {LineageSample}", r => new SilverRow(
            DbValues.String(r, 0) ?? "",
            DbValues.WallClock(r, 1),
            DbValues.String(r, 2),
            DbValues.String(r, 3),
            DbValues.String(r, 4),
            DbValues.String(r, 5),
            DbValues.String(r, 6),
            DbValues.String(r, 7),
            DbValues.String(r, 8),
            DbValues.NullableLong(r, 9),
            DbValues.NullableLong(r, 10),
            DbValues.Instant(r, 11)));
        var behind = db.Query(
            "SELECT _batch_id, count(*), min(_ingested_at) FROM behind WHERE _batch_id IS NOT NULL GROUP BY 1 ORDER BY 3, 1",
            r => (Batch: r.GetString(0), Rows: DbValues.Long(r, 1), IngestedAt: DbValues.Instant(r, 2)));
        var batches = bronze.IsReady && behind.Count > 0 ? ReadBatches(db, bronze, behind.Select(b => b.Batch).ToList(), behind.Select(b => b.IngestedAt)) : [];
        return new Lineage(days, rows, sample, [.. behind.Select(b => batches.GetValueOrDefault(b.Batch) is { } found
            ? found with { RowsBehind = b.Rows }
            : new BatchLineage(b.Batch, b.Rows, null, null, null, b.IngestedAt, null))], silver, bronze);
    }

    private Dictionary<string, BatchLineage> ReadBatches(DuckDB.NET.Data.DuckDBConnection db, TableInfo bronze, IReadOnlyList<string> batchIds, IEnumerable<DateTimeOffset?> ingestedAt)
    {
        var (table, snapshot) = lake.Open(bronze);
        var filter = Predicate.In("_batch_id", batchIds.Cast<object>());
        var ingestDays = ingestedAt.OfType<DateTimeOffset>().Select(t => DateOnly.FromDateTime(t.UtcDateTime)).Distinct().Cast<object>().ToList();
        if (ingestDays.Count > 0)
        {
            filter = filter.And(Predicate.In("_ingest_date", ingestDays));
        }

        return db.Query(
            $"""
            SELECT _batch_id, any_value(_source), any_value(_dataset), any_value(_source_file), min(_ingested_at), count(*)
            FROM ({table.SelectSql(db, snapshot, filter)})
            GROUP BY 1
            """,
            r => new BatchLineage(r.GetString(0), 0, DbValues.String(r, 1), DbValues.String(r, 2), DbValues.String(r, 3), DbValues.Instant(r, 4), DbValues.Long(r, 5)))
            .ToDictionary(b => b.BatchId, StringComparer.Ordinal);
    }

    /// <summary>One bronze record exactly as received: every column and its text, in table order.</summary>
    public Task<IReadOnlyList<(string Column, string Value)>> BronzeRecordAsync(string batchId, long recordNumber, DateTimeOffset? ingestedAt)
    {
        var bronze = Table(LakeTables.Bronze);
        return cache.GetOrAdd<IReadOnlyList<(string, string)>>($"bronze-record|{batchId}|{recordNumber}|{bronze.VersionKey}", () =>
        {
            if (!bronze.IsReady)
            {
                return [];
            }

            using var db = LakeDuckDb.Open();
            var (table, snapshot) = lake.Open(bronze);
            var filter = Predicate.Equal("_batch_id", batchId).And(Predicate.Equal("_record_number", recordNumber));
            if (ingestedAt is { } at)
            {
                filter = filter.And(Predicate.Equal("_ingest_date", DateOnly.FromDateTime(at.UtcDateTime)));
            }

            using var command = db.CreateCommand();
            command.CommandText = $"SELECT * FROM ({table.SelectSql(db, snapshot, filter)}) LIMIT 1";
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return [];
            }

            return [.. Enumerable.Range(0, reader.FieldCount).Select(i => (reader.GetName(i), DbValues.Text(reader.IsDBNull(i) ? null : reader.GetValue(i))))];
        });
    }

    private static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);
}

using System.Globalization;
using DuckDB.NET.Data;
using Nyc311.Lake;
using Nyc311.Lake.Catalog;
using Nyc311.Lake.Log;
using Nyc311.Lake.Operations;
using Nyc311.Lake.Snapshot;
using Nyc311.Lake.Sql;
using Nyc311.Lake.Stats;

namespace Nyc311.Ingest.Bronze;

/// <summary>What landing one batch did.</summary>
/// <param name="BatchId">The deterministic id of the batch.</param>
/// <param name="Rows">Records appended (0 when skipped).</param>
/// <param name="Quarantined">Unreadable rows recorded in <c>bronze.quarantine</c>.</param>
/// <param name="AlreadyLanded">True when an earlier run had landed this batch; nothing was written.</param>
/// <param name="Version">The bronze version committed, or null when nothing was.</param>
public sealed record BronzeWrite(string BatchId, long Rows, long Quarantined, bool AlreadyLanded, long? Version);

/// <summary>
/// Lands record batches in <c>bronze.service_requests</c>, one append per batch, every value the
/// string the source sent. A batch's id is derived from its content, so re-running a batch that
/// already landed adds nothing. The Socrata watermark is committed in the same commit as the final
/// batch's data (as a Delta <c>txn</c>), so data and watermark never disagree.
/// </summary>
public sealed class BronzeWriter(LakeCatalog catalog, TimeProvider time)
{
    private int _sequence;

    /// <summary>The Delta application id under which the watermark of a dataset is committed.</summary>
    public static string WatermarkAppId(string dataset) => $"nyc311.ingest.socrata.{dataset}";

    /// <summary>
    /// The Delta application id under which bronze records that a whole file landed: its dataset, name and content hash
    /// (<see cref="Files.FileSource.ContentHashAsync"/>). It is
    /// committed with the file's last batch, in the bronze log itself, so it can never claim data the table does not hold.
    /// </summary>
    public static string FileAppId(string? dataset, string fileName, string contentHash) => $"nyc311.ingest.file/{dataset ?? "-"}/{fileName}/{contentHash}";

    /// <summary>Which files (by <see cref="FileAppId"/>) had landed whole as of now; read once, for a run over many files.</summary>
    public Func<string, bool> FilesLanded()
    {
        var snapshot = CurrentSnapshot();
        return appId => snapshot?.TransactionVersion(appId) is not null;
    }

    /// <summary>The bronze table, created on first use.</summary>
    public DeltaTable Table() => DeltaTable.OpenOrCreate(
        catalog.PathOf(BronzeTables.ServiceRequests),
        BronzeTables.ServiceRequestsSchema,
        new CreateTableOptions { PartitionColumns = [BronzeTables.IngestDate], Properties = BronzeTables.Properties, Description = "311 service requests exactly as received" },
        catalog.Options,
        time);

    /// <summary>The stored watermark of a dataset (the newest <c>:updated_at</c> landed), or null before the first load.</summary>
    public DateTimeOffset? Watermark(string dataset) =>
        CurrentSnapshot()?.TransactionVersion(WatermarkAppId(dataset)) is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    /// <summary>The bronze table's latest snapshot, or null before the table exists (reading never creates it).</summary>
    private TableSnapshot? CurrentSnapshot()
    {
        var path = catalog.PathOf(BronzeTables.ServiceRequests);
        return DeltaTable.Exists(path) ? DeltaTable.Open(path, catalog.Options, time).LoadSnapshot() : null;
    }

    /// <summary>
    /// Lands one batch (records, unreadable rows, and on the final API batch the watermark). On a file's final batch,
    /// <paramref name="fileLanded"/> (version 1 of the file's <see cref="FileAppId"/>) is committed with it, alone when the
    /// batch itself had landed before.
    /// </summary>
    public BronzeWrite Write(DuckDBConnection db, RecordBatch batch, string? fileLanded = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(batch);
        var batchId = $"{batch.SourceName}-{batch.Fingerprint()[..24]}";
        var table = Table();
        var now = time.GetUtcNow();
        SetTransaction? transaction = batch is { IsFinal: true, Dataset: { } dataset, NewestUpdatedAt: { } newest }
            ? new SetTransaction(WatermarkAppId(dataset), newest.ToUnixTimeMilliseconds(), now.ToUnixTimeMilliseconds())
            : null;
        if (fileLanded is not null)
        {
            if (transaction is not null || !batch.IsFinal)
            {
                throw new ArgumentException("only the final batch of a file records that the file landed, and a file has no watermark", nameof(fileLanded));
            }

            transaction = new SetTransaction(fileLanded, 1, now.ToUnixTimeMilliseconds());
        }

        long quarantined = 0;
        if (batch.Rejected.Count > 0)
        {
            quarantined = WriteQuarantine(db, batchId, batch, now);
        }

        var alreadyLanded = batch.Records.Count > 0 && Landed(db, table, batchId);
        if (transaction is null && (alreadyLanded || batch.Records.Count == 0))
        {
            return new BronzeWrite(batchId, 0, quarantined, alreadyLanded, null);
        }

        var staging = $"__bronze_batch_{Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture)}";
        try
        {
            // A batch landed before (a run that died after it) commits only the record of its file.
            Stage(db, staging, batchId, alreadyLanded ? batch with { Records = [] } : batch);
            var result = table.Append(db, $"SELECT *, {IngestColumns(now)} FROM {staging}", new WriteOptions
            {
                MergeSchema = true,
                Transaction = transaction,
                UserMetadata = alreadyLanded
                    ? $"file {batch.SourceFile} landed whole (its last batch {batchId} had landed before)"
                    : $"batch {batchId} from {batch.SourceFile ?? batch.Dataset ?? batch.SourceName}",
            });
            return new BronzeWrite(batchId, result.RowsWritten, quarantined, alreadyLanded || result.AlreadyCommitted, result.AlreadyCommitted ? null : result.Version);
        }
        finally
        {
            db.Execute($"DROP TABLE IF EXISTS {staging}");
        }
    }

    /// <summary>Whether a batch with this id is in the table: the log's statistics answer, a scan confirms.</summary>
    private static bool Landed(DuckDBConnection db, DeltaTable table, string batchId)
    {
        var snapshot = table.LoadSnapshot();
        var predicate = Predicate.Equal("_batch_id", batchId);
        if (DeltaTable.FilesFor(snapshot, predicate).Count == 0)
        {
            return false;
        }

        return Convert.ToInt64(db.Scalar($"SELECT count(*) FROM ({table.SelectSql(db, snapshot, predicate)})"), CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>Loads the batch into a DuckDB table of strings with DuckDB's appender (no SQL text per value).</summary>
    private static void Stage(DuckDBConnection db, string staging, string batchId, RecordBatch batch)
    {
        var fields = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in batch.Records)
        {
            foreach (var field in record.Fields)
            {
                if (seen.Add(field.Key))
                {
                    fields.Add(field.Key);
                }
            }
        }

        var index = fields.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
        var columns = fields.Select(f => $"{SqlText.Identifier(f)} VARCHAR")
            .Concat(["\"_batch_id\" VARCHAR", "\"_source\" VARCHAR", "\"_dataset\" VARCHAR", "\"_source_file\" VARCHAR", "\"_source_line\" BIGINT", "\"_record_number\" BIGINT"]);
        db.Execute($"CREATE TABLE {staging} ({string.Join(", ", columns)})");
        using (var appender = db.CreateAppender(staging))
        {
            var values = new string?[fields.Count];
            for (var r = 0; r < batch.Records.Count; r++)
            {
                var record = batch.Records[r];
                Array.Clear(values);
                foreach (var field in record.Fields)
                {
                    values[index[field.Key]] = field.Value;
                }

                var row = appender.CreateRow();
                foreach (var value in values)
                {
                    row.AppendValue(value);
                }

                row.AppendValue(batchId)
                    .AppendValue(batch.SourceName)
                    .AppendValue(batch.Dataset)
                    .AppendValue(record.SourceFile ?? batch.SourceFile)
                    .AppendValue(record.SourceLine)
                    .AppendValue((long?)r)
                    .EndRow();
            }
        }
    }

    /// <summary>Ingest time is one instant per batch; its UTC date is the partition.</summary>
    private static string IngestColumns(DateTimeOffset now) =>
        $"TIMESTAMPTZ '{now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)}+00' AS _ingested_at, " +
        $"DATE '{now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}' AS {BronzeTables.IngestDate}";

    private long WriteQuarantine(DuckDBConnection db, string batchId, RecordBatch batch, DateTimeOffset now)
    {
        var table = DeltaTable.OpenOrCreate(
            catalog.PathOf(BronzeTables.Quarantine),
            BronzeTables.QuarantineSchema,
            new CreateTableOptions { PartitionColumns = [BronzeTables.IngestDate], Properties = BronzeTables.Properties, Description = "file rows that could not be read, with file, line and reason" },
            catalog.Options,
            time);
        if (Landed(db, table, batchId))
        {
            return batch.Rejected.Count;
        }

        var staging = $"__bronze_rejected_{Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture)}";
        db.Execute($"CREATE TABLE {staging} (_batch_id VARCHAR, source_file VARCHAR, line BIGINT, reason VARCHAR, raw_text VARCHAR)");
        try
        {
            using (var appender = db.CreateAppender(staging))
            {
                foreach (var rejected in batch.Rejected)
                {
                    appender.CreateRow()
                        .AppendValue(batchId)
                        .AppendValue(rejected.File)
                        .AppendValue((long?)rejected.Line)
                        .AppendValue(rejected.Reason)
                        .AppendValue(rejected.RawText)
                        .EndRow();
                }
            }

            table.Append(db, $"SELECT *, {IngestColumns(now)} FROM {staging}", new WriteOptions { UserMetadata = $"rejected rows of batch {batchId}" });
            return batch.Rejected.Count;
        }
        finally
        {
            db.Execute($"DROP TABLE IF EXISTS {staging}");
        }
    }
}

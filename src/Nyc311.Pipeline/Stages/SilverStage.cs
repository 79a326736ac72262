using System.Globalization;
using DuckDB.NET.Data;
using Nyc311.Lake;
using Nyc311.Lake.Catalog;
using Nyc311.Lake.Log;
using Nyc311.Lake.Operations;
using Nyc311.Lake.Sql;
using Nyc311.Pipeline.Quality;
using Nyc311.Pipeline.Reference;
using Nyc311.Pipeline.Sql;

namespace Nyc311.Pipeline.Stages;

/// <summary>Rows a rule failed in one silver run.</summary>
public sealed record RuleCount(string RuleId, string RuleName, string Severity, long Quarantined, long Failed);

/// <summary>What a silver run did.</summary>
public sealed record SilverResult(
    long BronzeFromVersion,
    long BronzeToVersion,
    long RowsIn,
    long RowsRejected,
    long RowsSuperseded,
    long RowsOut,
    long RowsInserted,
    long RowsUpdated,
    int FilesRewritten,
    IReadOnlyList<RuleCount> Rules)
{
    /// <summary>True when bronze had nothing new since the last run.</summary>
    public bool UpToDate => BronzeFromVersion >= BronzeToVersion;
}

/// <summary>
/// Bronze to silver: the bronze rows added since the last processed bronze version are typed,
/// standardized and checked; rejected rows go to <c>silver.quarantine</c>, accepted rows are merged
/// into <c>silver.service_requests</c> by <c>unique_key</c> (rewriting only the files holding those
/// keys), and the bronze version reached is committed with the merge, so a rerun does nothing.
/// Leaves the staging tables <c>staging.accepted</c> and <c>staging.silver_preimage</c> for the gold stage.
/// </summary>
public sealed class SilverStage(LakeCatalog catalog, PipelineOptions options, TimeProvider time)
{
    /// <summary>The Delta application id under which silver records the bronze version it has processed.</summary>
    public const string BronzeProgressAppId = "nyc311.silver.bronze";

    public const string Accepted = "staging.accepted";
    public const string Preimage = "staging.silver_preimage";
    private const string Increment = "staging.bronze_increment";
    private static readonly DuckDbDialect Dialect = DuckDbDialect.Instance;

    public SilverResult Run(DuckDBConnection db, string runId)
    {
        ArgumentNullException.ThrowIfNull(db);
        var bronzePath = catalog.PathOf(PipelineRelations.Bronze);
        if (!DeltaTable.Exists(bronzePath))
        {
            throw new PipelineException($"there is no bronze table yet ({bronzePath}); ingest first");
        }

        var bronze = DeltaTable.Open(bronzePath, catalog.Options, time);
        var bronzeSnapshot = bronze.LoadSnapshot();
        var silverPath = catalog.PathOf(PipelineRelations.Silver);
        var processed = DeltaTable.Exists(silverPath)
            ? DeltaTable.Open(silverPath, catalog.Options, time).LoadSnapshot().TransactionVersion(BronzeProgressAppId) ?? -1
            : -1;
        PipelineTables.Staging(db);
        var files = processed >= bronzeSnapshot.Version ? [] : bronze.AddedSince(processed, bronzeSnapshot);
        if (files.Count == 0)
        {
            db.Execute($"CREATE OR REPLACE TABLE {Accepted} AS SELECT {string.Join(", ", SilverSql.Columns.Select(c => $"{Dialect.Null(c.Type)} AS {Dialect.QuoteIdentifier(c.Name)}"))} LIMIT 0");
            db.Execute($"CREATE OR REPLACE TABLE {Preimage} AS SELECT * FROM {Accepted}");
            return new SilverResult(Math.Max(processed, bronzeSnapshot.Version), bronzeSnapshot.Version, 0, 0, 0, 0, 0, 0, 0, []);
        }

        ReferenceTables(db);
        db.Execute($"CREATE OR REPLACE VIEW {Increment} AS {DeltaTable.SelectFilesSql(db, bronzeSnapshot, files)}");
        var projected = $"({SilverSql.ProjectBronze(Dialect, Increment, bronzeSnapshot.Schema.Fields.Select(f => f.Name))})";
        var silverOptions = new SilverOptions { AsOf = time.GetUtcNow(), FutureTolerance = options.FutureTolerance };
        db.Execute($"CREATE OR REPLACE TABLE {PipelineRelations.Checked} AS {SilverSql.Checked(Dialect, projected, silverOptions)}");

        var summary = db.Query(QualitySql.Summary(Dialect, PipelineRelations.Checked), r => new[] { r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3) }).Single();
        var rules = db.Query(QualitySql.RuleCounts(Dialect, PipelineRelations.Checked), r => new RuleCount(r.GetString(0), r.GetString(1), r.GetString(2), Convert.ToInt64(r.GetValue(4), CultureInfo.InvariantCulture), Convert.ToInt64(r.GetValue(5), CultureInfo.InvariantCulture)));
        var (rowsIn, rejected, superseded, rowsOut) = (summary[0], summary[1], summary[2], summary[3]);

        WriteQuarantine(db, bronzeSnapshot.Version);
        if (rowsIn > 0 && (double)rejected / rowsIn > options.MaxRejectedShare)
        {
            var top = string.Join(", ", rules.Where(r => r.Quarantined > 0).OrderByDescending(r => r.Quarantined).Take(3).Select(r => $"{r.RuleId} {r.RuleName} ({r.Quarantined:N0})"));
            throw RejectedShareExceededException.Create(rejected, rowsIn, options.MaxRejectedShare, top);
        }

        db.Execute($"CREATE OR REPLACE TABLE {Accepted} AS {SilverSql.Accepted(Dialect, PipelineRelations.Checked)}");
        var silver = PipelineTables.Ensure(catalog, time, db, PipelineRelations.Silver, $"SELECT * FROM {Accepted}", ["created_month"], "311 service requests: typed, standardized, one row per request");
        db.Execute($"CREATE OR REPLACE TABLE {Preimage} AS SELECT * FROM {Accepted} LIMIT 0");
        var merge = silver.Merge(db, Accepted, new MergeOptions
        {
            Keys = ["unique_key"],
            UpdateCondition = SilverSql.MergeCondition(),
            PreimageTable = Preimage,
            Transaction = new SetTransaction(BronzeProgressAppId, bronzeSnapshot.Version),
        });
        if (merge.Version is null && !merge.AlreadyCommitted)
        {
            // Nothing changed, but the bronze versions read still count as processed.
            silver.Append(db, $"SELECT * FROM {Accepted} LIMIT 0", new WriteOptions { Transaction = new SetTransaction(BronzeProgressAppId, bronzeSnapshot.Version) });
        }

        WriteQualityReport(db, runId, processed, bronzeSnapshot.Version, rowsIn, rejected, superseded, rowsOut, rules);
        return new SilverResult(processed, bronzeSnapshot.Version, rowsIn, rejected, superseded, rowsOut, merge.RowsInserted, merge.RowsUpdated, merge.FilesRewritten, rules);
    }

    /// <summary>The reference tables (ZIP to borough, holidays, complaint type spellings): written once, then read as views.</summary>
    public void ReferenceTables(DuckDBConnection db)
    {
        foreach (var table in ReferenceData.Tables())
        {
            var path = catalog.PathOf(table.Name);
            if (!DeltaTable.Exists(path))
            {
                var select = ReferenceSql.Select(Dialect, table);
                PipelineTables.Ensure(catalog, time, db, table.Name, select, [], $"reference: {table.Name}").Append(db, select);
            }

            DeltaTable.Open(path, catalog.Options, time).CreateView(db, table.Name);
        }
    }

    private void WriteQuarantine(DuckDBConnection db, long bronzeVersion)
    {
        var rejected = QuarantineSql.Rejected(Dialect, PipelineRelations.Checked);
        var table = PipelineTables.Ensure(catalog, time, db, PipelineRelations.Quarantine, rejected, ["_ingest_date"], "bronze rows that failed a data-quality rule, with rule, reason and the raw record");
        table.Append(db, rejected, new WriteOptions { Transaction = new SetTransaction("nyc311.silver.quarantine", bronzeVersion) });
    }

    private void WriteQualityReport(DuckDBConnection db, string runId, long fromVersion, long toVersion, long rowsIn, long rejected, long superseded, long rowsOut, IReadOnlyList<RuleCount> rules)
    {
        var reportedAt = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
        var values = string.Join(", ", rules.Select(r =>
            $"({Dialect.StringLiteral(r.RuleId)}, {Dialect.StringLiteral(r.RuleName)}, {Dialect.StringLiteral(r.Severity)}, {r.Quarantined}, {r.Failed})"));
        var select = $"""
            SELECT {Dialect.StringLiteral(runId)} AS run_id, TIMESTAMPTZ '{reportedAt}+00' AS reported_at,
                   {fromVersion + 1}::BIGINT AS bronze_from_version, {toVersion}::BIGINT AS bronze_to_version,
                   {rowsIn}::BIGINT AS rows_in, {rejected}::BIGINT AS rows_rejected, {superseded}::BIGINT AS rows_superseded, {rowsOut}::BIGINT AS rows_out,
                   r.rule_id, r.rule_name, r.severity, r.rows_quarantined::BIGINT AS rows_quarantined, r.rows_failed::BIGINT AS rows_failed
            FROM (VALUES {values}) AS r(rule_id, rule_name, severity, rows_quarantined, rows_failed)
            """;
        PipelineTables.Ensure(catalog, time, db, QualityReportTable, select, [], "data-quality report of every silver run: rows in and out, and rows per rule")
            .Append(db, select, new WriteOptions { Transaction = new SetTransaction("nyc311.silver.quality", toVersion) });
    }

    /// <summary>The table of quality reports: one row per rule per silver run.</summary>
    public const string QualityReportTable = "silver.quality_reports";
}

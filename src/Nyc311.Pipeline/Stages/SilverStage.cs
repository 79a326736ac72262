using System.Globalization;
using DuckDB.NET.Data;
using Nyc311.Lake;
using Nyc311.Lake.Catalog;
using Nyc311.Lake.Log;
using Nyc311.Lake.Operations;
using Nyc311.Lake.Sql;
using Nyc311.Lake.Stats;
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
/// Large increments are processed in chunks of bronze files (<see cref="PipelineOptions.ChunkRows"/>),
/// so memory stays bounded however much history a rebuild reads. Leaves <see cref="Accepted"/> and
/// <see cref="Preimage"/> for the gold stage.
/// </summary>
public sealed class SilverStage(LakeCatalog catalog, PipelineOptions options, TimeProvider time)
{
    /// <summary>The Delta application id under which silver records the bronze version it has processed.</summary>
    public const string BronzeProgressAppId = "nyc311.silver.bronze";

    /// <summary>The (complaint type, borough, created day) of every row the run accepted: what gold recomputes.</summary>
    public const string Accepted = "staging.accepted_days";

    /// <summary>The (complaint type, borough, created day) of every silver row the run replaced, as it was.</summary>
    public const string Preimage = "staging.preimage_days";

    private const string ChunkAccepted = "staging.accepted";
    private const string ChunkPreimage = "staging.silver_preimage";

    // Quarantine commits carry (bronze version, chunk) as one number, so each chunk is written once.
    private const long ChunkVersionFactor = 100_000;
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
        var emptyDays = "SELECT CAST(NULL AS VARCHAR) AS complaint_type, CAST(NULL AS VARCHAR) AS borough, CAST(NULL AS DATE) AS created_day LIMIT 0";
        db.Execute($"CREATE OR REPLACE TABLE {Accepted} AS {emptyDays}");
        db.Execute($"CREATE OR REPLACE TABLE {Preimage} AS {emptyDays}");
        var files = processed >= bronzeSnapshot.Version ? [] : bronze.AddedSince(processed, bronzeSnapshot);
        if (files.Count == 0)
        {
            return new SilverResult(Math.Max(processed, bronzeSnapshot.Version), bronzeSnapshot.Version, 0, 0, 0, 0, 0, 0, 0, []);
        }

        ReferenceTables(db);
        var silverOptions = new SilverOptions { AsOf = time.GetUtcNow(), FutureTolerance = options.FutureTolerance };
        var chunks = Chunks(files, options.ChunkRows);
        var totals = new Totals();
        for (var i = 0; i < chunks.Count; i++)
        {
            var final = i == chunks.Count - 1;
            db.Execute($"CREATE OR REPLACE VIEW {Increment} AS {DeltaTable.SelectFilesSql(db, bronzeSnapshot, chunks[i])}");
            var projected = $"({SilverSql.ProjectBronze(Dialect, Increment, bronzeSnapshot.Schema.Fields.Select(f => f.Name))})";
            db.Execute($"CREATE OR REPLACE TABLE {PipelineRelations.Checked} AS {SilverSql.Checked(Dialect, projected, silverOptions)}");
            var summary = db.Query(QualitySql.Summary(Dialect, PipelineRelations.Checked), r => new[] { r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3) }).Single();
            var rules = db.Query(QualitySql.RuleCounts(Dialect, PipelineRelations.Checked), r => new RuleCount(r.GetString(0), r.GetString(1), r.GetString(2), Convert.ToInt64(r.GetValue(4), CultureInfo.InvariantCulture), Convert.ToInt64(r.GetValue(5), CultureInfo.InvariantCulture)));

            // Quarantine first (idempotent per bronze version and chunk), so a failing run still shows why.
            WriteQuarantine(db, (bronzeSnapshot.Version * ChunkVersionFactor) + i);
            if (summary[0] > 0 && (double)summary[1] / summary[0] > options.MaxRejectedShare)
            {
                var top = string.Join(", ", rules.Where(r => r.Quarantined > 0).OrderByDescending(r => r.Quarantined).Take(3).Select(r => $"{r.RuleId} {r.RuleName} ({r.Quarantined:N0})"));
                throw RejectedShareExceededException.Create(summary[1], summary[0], options.MaxRejectedShare, top);
            }

            db.Execute($"CREATE OR REPLACE TABLE {ChunkAccepted} AS {SilverSql.Accepted(Dialect, PipelineRelations.Checked)}");
            db.Execute($"DROP TABLE {PipelineRelations.Checked}");
            var silver = PipelineTables.Ensure(catalog, time, db, PipelineRelations.Silver, $"SELECT * FROM {ChunkAccepted}", ["created_month"], "311 service requests: typed, standardized, one row per request");

            // The bronze version reached is committed with the last chunk's merge; earlier chunks
            // merge without it, and a rerun after a failure merges them again to no effect.
            var progress = final ? new SetTransaction(BronzeProgressAppId, bronzeSnapshot.Version) : null;
            var merge = silver.Merge(db, ChunkAccepted, new MergeOptions
            {
                Keys = ["unique_key"],
                UpdateCondition = SilverSql.MergeCondition(),
                PreimageTable = ChunkPreimage,
                Transaction = progress,
            });
            if (final && merge.Version is null && !merge.AlreadyCommitted)
            {
                // Nothing changed, but the bronze versions read still count as processed.
                silver.Append(db, $"SELECT * FROM {ChunkAccepted} LIMIT 0", new WriteOptions { Transaction = progress });
            }

            db.Execute($"INSERT INTO {Accepted} SELECT complaint_type, borough, created_day FROM {ChunkAccepted}");
            db.Execute($"INSERT INTO {Preimage} SELECT complaint_type, borough, created_day FROM {ChunkPreimage}");
            db.Execute($"DROP TABLE {ChunkAccepted}; DROP TABLE IF EXISTS {ChunkPreimage}");
            totals.Add(summary, rules, merge);
        }

        WriteQualityReport(db, runId, processed, bronzeSnapshot.Version, totals.RowsIn, totals.Rejected, totals.Superseded, totals.RowsOut, totals.Rules);
        return new SilverResult(processed, bronzeSnapshot.Version, totals.RowsIn, totals.Rejected, totals.Superseded, totals.RowsOut, totals.Inserted, totals.Updated, totals.FilesRewritten, totals.Rules);
    }

    /// <summary>Groups bronze files into chunks of about <paramref name="rows"/> rows (by their statistics), in log order.</summary>
    private static List<List<AddFile>> Chunks(IReadOnlyList<AddFile> files, long rows)
    {
        var chunks = new List<List<AddFile>> { new() };
        long size = 0;
        foreach (var file in files)
        {
            var count = FileStatistics.Parse(file.Stats)?.NumRecords ?? rows;
            if (chunks[^1].Count > 0 && size + count > rows)
            {
                chunks.Add([]);
                size = 0;
            }

            chunks[^1].Add(file);
            size += count;
        }

        return chunks;
    }

    /// <summary>What the chunks of one run add up to.</summary>
    private sealed class Totals
    {
        private readonly Dictionary<string, RuleCount> _rules = new(StringComparer.Ordinal);

        public long RowsIn { get; private set; }

        public long Rejected { get; private set; }

        public long Superseded { get; private set; }

        public long RowsOut { get; private set; }

        public long Inserted { get; private set; }

        public long Updated { get; private set; }

        public int FilesRewritten { get; private set; }

        public IReadOnlyList<RuleCount> Rules => [.. _rules.Values];

        public void Add(long[] summary, IReadOnlyList<RuleCount> rules, MergeResult merge)
        {
            RowsIn += summary[0];
            Rejected += summary[1];
            Superseded += summary[2];
            RowsOut += summary[3];
            Inserted += merge.RowsInserted;
            Updated += merge.RowsUpdated;
            FilesRewritten += merge.FilesRewritten;
            foreach (var rule in rules)
            {
                _rules[rule.RuleId] = _rules.TryGetValue(rule.RuleId, out var sum)
                    ? sum with { Quarantined = sum.Quarantined + rule.Quarantined, Failed = sum.Failed + rule.Failed }
                    : rule;
            }
        }
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

    private void WriteQuarantine(DuckDBConnection db, long progress)
    {
        var rejected = QuarantineSql.Rejected(Dialect, PipelineRelations.Checked);
        var table = PipelineTables.Ensure(catalog, time, db, PipelineRelations.Quarantine, rejected, ["_ingest_date"], "bronze rows that failed a data-quality rule, with rule, reason and the raw record");
        table.Append(db, rejected, new WriteOptions { Transaction = new SetTransaction("nyc311.silver.quarantine", progress) });
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

using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using Nyc311.Lake.Log;
using Nyc311.Lake.Schema;
using Nyc311.Lake.Snapshot;
using Nyc311.Lake.Sql;
using Nyc311.Lake.Stats;
using Nyc311.Lake.Transaction;

namespace Nyc311.Lake.Operations;

/// <summary>
/// Upsert by key. Only files whose statistics can hold a source key are read, and of those only
/// the files that really hold one are rewritten; everything else stays as it is.
/// </summary>
internal static class MergeOperation
{
    private static int s_sequence;

    public static MergeResult Run(DeltaTableCore core, DuckDBConnection db, string sourceSql, MergeOptions options)
    {
        var snapshot = core.Load();
        var table = snapshot.TableRoot;
        const string operation = "MERGE";
        ProtocolSupport.EnsureWritable(table, snapshot.Protocol, snapshot.Metadata);
        if (options.Keys.Count == 0)
        {
            throw InvalidOperationLakeException.Create(table, operation, "no key columns given");
        }

        if (options.Transaction is { } txn && snapshot.TransactionVersion(txn.AppId) is { } done && done >= txn.Version)
        {
            return new MergeResult(null, 0, 0, 0, 0, 0, snapshot.Files.Count, 0) { AlreadyCommitted = true };
        }

        var schema = WriteSupport.EvolveSchema(db, snapshot, sourceSql, options.MergeSchema);
        var sourceColumns = db.Describe(sourceSql).Select(c => c.Name).ToList();
        var unknown = sourceColumns.Where(c => schema.Find(c) is null).ToList();
        if (unknown.Count > 0)
        {
            throw SchemaMismatchException.Create(table, $"source columns not in the table schema: {string.Join(", ", unknown)}");
        }

        var keys = options.Keys.Select(k => schema.Find(k)?.Name ?? throw InvalidOperationLakeException.Create(table, operation, $"unknown key column '{k}'")).ToList();
        foreach (var key in keys.Where(k => !sourceColumns.Contains(k, StringComparer.OrdinalIgnoreCase)))
        {
            throw InvalidOperationLakeException.Create(table, operation, $"the source has no key column '{key}'");
        }

        var id = Interlocked.Increment(ref s_sequence).ToString(CultureInfo.InvariantCulture);
        var tgt = $"__merge_tgt_{id}";
        var output = $"__merge_out_{id}";

        // A source that already is a table is read in place; a query is materialized once, as every step reads it.
        var src = ExistingTable(db, sourceSql) ?? $"__merge_src_{id}";
        var ownsSource = src.StartsWith("__merge_src_", StringComparison.Ordinal);
        if (ownsSource)
        {
            db.Execute($"CREATE TEMP TABLE {src} AS SELECT * FROM ({sourceSql})");
        }

        WrittenFiles? written = null;
        try
        {
            var sourceRows = Convert.ToInt64(db.Scalar($"SELECT count(*) FROM {src}"), CultureInfo.InvariantCulture);
            if (sourceRows == 0)
            {
                return new MergeResult(null, 0, 0, 0, 0, 0, snapshot.Files.Count, 0);
            }

            var keyList = string.Join(", ", keys.Select(SqlText.Identifier));
            var duplicates = Convert.ToInt64(db.Scalar($"SELECT count(*) FROM (SELECT {keyList} FROM {src} GROUP BY ALL HAVING count(*) > 1)"), CultureInfo.InvariantCulture);
            if (duplicates > 0)
            {
                throw InvalidOperationLakeException.Create(table, operation, $"{duplicates} key(s) appear more than once in the source; a merge needs one source row per key");
            }

            var keyRange = KeyRange(db, src, schema, keys[0]);
            var candidates = CandidateFiles(db, snapshot, schema, src, keys, keyRange);
            var on = string.Join(" AND ", keys.Select(k => $"t.{SqlText.Identifier(k)} = s.{SqlText.Identifier(k)}"));
            var touched = new List<AddFile>();
            if (candidates.Count > 0)
            {
                var scan = SnapshotQuery.Build(db, snapshot, candidates, withFileIndex: true);
                var hits = db.Query($"SELECT DISTINCT t.__file_index FROM ({scan}) AS t SEMI JOIN {src} AS s ON {on}", r => Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture));
                touched = [.. hits.Order().Select(i => candidates[i])];
            }

            WriteSupport.EnforceConstraints(db, snapshot, schema, $"SELECT * FROM {src}", operation);
            if (touched.Count == 0 && options.InsertUnmatched)
            {
                // No target row matches: every source row is an insert, written straight from the source.
                if (options.PreimageTable is { } empty)
                {
                    db.Execute($"CREATE OR REPLACE TABLE {SqlText.QualifiedName(empty)} AS {SnapshotQuery.Build(db, snapshot, [])}");
                }

                written = new DataWriter(core.Time).Write(db, table, $"SELECT * FROM {src}", schema, snapshot.PartitionColumns, snapshot.Properties, core.Options.TargetFileSizeBytes);
                return Commit(core, snapshot, schema, options, candidates, keyRange, [], written, sourceRows, updated: 0, inserted: sourceRows, copied: 0, on);
            }

            db.Execute($"CREATE TEMP TABLE {tgt} AS {SnapshotQuery.Build(db, snapshot, touched)}");
            var condition = options.UpdateCondition is null ? "TRUE" : $"COALESCE(({options.UpdateCondition}), FALSE)";
            db.Execute(OutputSql(output, src, tgt, schema, sourceColumns, on, condition, options.InsertUnmatched));
            if (options.PreimageTable is { } preimage)
            {
                db.Execute($"CREATE OR REPLACE TABLE {SqlText.QualifiedName(preimage)} AS SELECT t.* FROM {tgt} AS t SEMI JOIN {src} AS s ON {on} AND {condition}");
            }

            var counts = db.Query($"SELECT __merge_kind, count(*) FROM {output} GROUP BY 1", r => (r.GetString(0), Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture)))
                .ToDictionary(x => x.Item1, x => x.Item2);
            var updated = counts.GetValueOrDefault("update");
            var inserted = counts.GetValueOrDefault("insert");
            if (updated == 0 && inserted == 0)
            {
                return new MergeResult(null, 0, 0, 0, 0, 0, snapshot.Files.Count, candidates.Count);
            }

            if (updated > 0)
            {
                WriteSupport.EnsureNotAppendOnly(snapshot, operation);
            }

            // Without updates the touched files stay as they are and only the inserts are written.
            var rewrite = updated > 0 ? touched : [];
            var copied = updated > 0 ? counts.GetValueOrDefault("copy") : 0;
            var kinds = updated > 0 ? "TRUE" : "__merge_kind = 'insert'";
            written = new DataWriter(core.Time).Write(db, table, $"SELECT * EXCLUDE (__merge_kind) FROM {output} WHERE {kinds}", schema, snapshot.PartitionColumns, snapshot.Properties, core.Options.TargetFileSizeBytes);

            return Commit(core, snapshot, schema, options, candidates, keyRange, rewrite, written, sourceRows, updated, inserted, copied, on);
        }
        catch
        {
            if (written is not null)
            {
                WriteSupport.DeleteUncommitted(table, written.Adds);
            }

            throw;
        }
        finally
        {
            db.Execute($"DROP TABLE IF EXISTS {tgt}; DROP TABLE IF EXISTS {output}");
            if (ownsSource)
            {
                db.Execute($"DROP TABLE IF EXISTS {src}");
            }
        }
    }

    private static MergeResult Commit(
        DeltaTableCore core,
        TableSnapshot snapshot,
        StructType schema,
        MergeOptions options,
        List<AddFile> candidates,
        Predicate? keyRange,
        List<AddFile> rewrite,
        WrittenFiles written,
        long sourceRows,
        long updated,
        long inserted,
        long copied,
        string on)
    {
        var tx = new OptimisticTransaction(core, snapshot, "MERGE");
        WriteSupport.ApplySchema(tx, snapshot, schema);
        var evaluator = new PredicateEvaluator(snapshot.Schema, snapshot.PartitionColumns);
        tx.ReadFiles(candidates, keyRange is null ? add => add.DataChange : add => add.DataChange && evaluator.Evaluate(keyRange, add) != FileMatch.None);
        if (options.Transaction is { } t)
        {
            tx.SetTransaction(t with { LastUpdated = t.LastUpdated ?? core.Time.GetUtcNow().ToUnixTimeMilliseconds() });
        }

        var now = core.Time.GetUtcNow().ToUnixTimeMilliseconds();
        tx.Remove(rewrite.Select(f => f.ToRemove(now, dataChange: true)));
        tx.Add(written.Adds);
        var parameters = WriteSupport.Parameters(
            ("predicate", JsonSerializer.Serialize(new[] { on })),
            ("matchedPredicates", new JsonArray(new JsonObject { ["actionType"] = "update", ["predicate"] = options.UpdateCondition }).ToJsonString()),
            ("notMatchedPredicates", options.InsertUnmatched ? new JsonArray(new JsonObject { ["actionType"] = "insert" }).ToJsonString() : "[]"));
        var commit = tx.Commit(parameters, new Dictionary<string, long>
        {
            ["numSourceRows"] = sourceRows,
            ["numTargetRowsUpdated"] = updated,
            ["numTargetRowsInserted"] = inserted,
            ["numTargetRowsCopied"] = copied,
            ["numTargetRowsDeleted"] = 0,
            ["numTargetFilesRemoved"] = rewrite.Count,
            ["numTargetFilesAdded"] = written.Adds.Count,
            ["numTargetBytesAdded"] = written.Bytes,
        });
        return new MergeResult(commit.Version, updated, inserted, copied, rewrite.Count, written.Adds.Count, snapshot.Files.Count, candidates.Count);
    }

    /// <summary>The source's name when it is a bare name of an existing DuckDB table (not a view or query).</summary>
    private static string? ExistingTable(DuckDBConnection db, string sourceSql)
    {
        const string prefix = "SELECT * FROM ";
        var name = sourceSql.StartsWith(prefix, StringComparison.Ordinal) ? sourceSql[prefix.Length..].Trim() : null;
        if (name is null || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '.')))
        {
            return null;
        }

        var parts = name.Split('.');
        var schema = parts.Length == 2 ? parts[0] : "main";
        var tableName = parts[^1];
        var count = Convert.ToInt64(db.Scalar($"SELECT count(*) FROM duckdb_tables() WHERE schema_name = {SqlText.Literal(schema)} AND table_name = {SqlText.Literal(tableName)}"), CultureInfo.InvariantCulture);
        return count > 0 ? name : null;
    }

    private static string OutputSql(string output, string src, string tgt, StructType schema, IReadOnlyList<string> sourceColumns, string on, string condition, bool insertUnmatched)
    {
        string FromSource(StructField f, string otherwise) =>
            sourceColumns.Contains(f.Name, StringComparer.OrdinalIgnoreCase)
                ? $"CAST(s.{SqlText.Identifier(f.Name)} AS {f.Type.ToDuckDb()}) AS {SqlText.Identifier(f.Name)}"
                : $"{otherwise} AS {SqlText.Identifier(f.Name)}";

        var updated = string.Join(", ", schema.Fields.Select(f => FromSource(f, $"t.{SqlText.Identifier(f.Name)}")));
        var inserted = string.Join(", ", schema.Fields.Select(f => FromSource(f, $"CAST(NULL AS {f.Type.ToDuckDb()})")));
        var targetColumns = string.Join(", ", schema.Fields.Select(f => $"t.{SqlText.Identifier(f.Name)}"));
        var sql = new StringBuilder();
        sql.Append($"CREATE TEMP TABLE {output} AS ");
        sql.Append($"SELECT 'copy' AS __merge_kind, {targetColumns} FROM {tgt} AS t WHERE NOT EXISTS (SELECT 1 FROM {src} AS s WHERE {on} AND {condition}) ");
        sql.Append($"UNION ALL BY NAME SELECT 'update' AS __merge_kind, {updated} FROM {tgt} AS t JOIN {src} AS s ON {on} WHERE {condition} ");
        if (insertUnmatched)
        {
            sql.Append($"UNION ALL BY NAME SELECT 'insert' AS __merge_kind, {inserted} FROM {src} AS s WHERE NOT EXISTS (SELECT 1 FROM {tgt} AS t WHERE {on})");
        }

        return sql.ToString();
    }

    /// <summary>The range of the first key in the source, as a predicate for skipping and conflict checks.</summary>
    private static Predicate? KeyRange(DuckDBConnection db, string src, StructType schema, string key)
    {
        var column = SqlText.Identifier(key);
        var bounds = db.Query($"SELECT min({column}), max({column}) FROM {src}", r => (r.IsDBNull(0) ? null : r.GetValue(0), r.IsDBNull(1) ? null : r.GetValue(1))).Single();
        if (bounds.Item1 is null || bounds.Item2 is null || schema.Get(key).Type is not (PrimitiveType or DecimalType))
        {
            return null;
        }

        try
        {
            var range = Predicate.Between(key, bounds.Item1, bounds.Item2);
            _ = PredicateSql.Render(range, schema);
            return range;
        }
        catch (LakeException)
        {
            return null;
        }
    }

    /// <summary>
    /// Files whose statistics (or partition values) can hold at least one source key: a C# pass on
    /// the source's key range, then an exact range join of every source key against file bounds.
    /// </summary>
    private static List<AddFile> CandidateFiles(DuckDBConnection db, TableSnapshot snapshot, StructType schema, string src, List<string> keys, Predicate? keyRange)
    {
        var evaluator = new PredicateEvaluator(snapshot.Schema, snapshot.PartitionColumns);
        var inRange = keyRange is null ? snapshot.Files.ToList() : snapshot.Files.Where(f => evaluator.Evaluate(keyRange, f) != FileMatch.None).ToList();
        var key = keys[0];
        var field = schema.Get(key);
        if (inRange.Count == 0 || field.Type is not (PrimitiveType or DecimalType) || snapshot.Schema.Find(key) is null)
        {
            return inRange;
        }

        var isPartition = snapshot.PartitionColumns.Contains(key, StringComparer.OrdinalIgnoreCase);
        var bounded = new List<(int Index, string Lo, string Hi)>();
        var always = new List<int>();
        for (var i = 0; i < inRange.Count; i++)
        {
            string? lo;
            string? hi;
            if (isPartition)
            {
                inRange[i].PartitionValues.TryGetValue(key, out var raw);
                lo = hi = raw is null ? null : SnapshotQuery.PartitionLiteral(raw, field.Type);
            }
            else
            {
                var stats = FileStatistics.Parse(inRange[i].Stats);
                lo = Literal(stats?.MinOf(key), field);
                hi = Literal(stats?.MaxOf(key), field, widen: true);
            }

            if (lo is null || hi is null)
            {
                always.Add(i);
            }
            else
            {
                bounded.Add((i, lo, hi));
            }
        }

        var result = new SortedSet<int>(always);
        if (bounded.Count > 0)
        {
            var values = string.Join(", ", bounded.Select(b => $"({b.Index.ToString(CultureInfo.InvariantCulture)}, {b.Lo}, {b.Hi})"));
            var column = SqlText.Identifier(key);
            var sql = $"SELECT DISTINCT f.idx FROM (VALUES {values}) AS f(idx, lo, hi) JOIN {src} AS s ON s.{column} >= f.lo AND s.{column} <= f.hi";
            foreach (var index in db.Query(sql, r => Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture)))
            {
                result.Add(index);
            }
        }

        return [.. result.Select(i => inRange[i])];
    }

    private static string? Literal(JsonNode? value, StructField field, bool widen = false)
    {
        var parsed = StatValue.FromJson(value, field.Type);
        if (parsed is null)
        {
            return null;
        }

        if (widen)
        {
            parsed = StatValue.WidenMaximum(parsed, field.Type);
        }

        return StatValue.ToSqlFromComparable(parsed, field.Type);
    }
}

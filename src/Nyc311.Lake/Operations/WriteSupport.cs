using System.Globalization;
using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using Nyc311.Lake.Log;
using Nyc311.Lake.Schema;
using Nyc311.Lake.Snapshot;
using Nyc311.Lake.Sql;
using Nyc311.Lake.Stats;
using Nyc311.Lake.Transaction;

namespace Nyc311.Lake.Operations;

/// <summary>Steps shared by the operations that write data: schema evolution, constraints, partial rewrites.</summary>
internal static class WriteSupport
{
    /// <summary>The schema after adding source columns the table lacks (when allowed), or the table's schema.</summary>
    public static StructType EvolveSchema(DuckDBConnection db, TableSnapshot snapshot, string sourceSql, bool mergeSchema)
    {
        var schema = snapshot.Schema;
        if (!mergeSchema)
        {
            return schema;
        }

        var added = new List<StructField>();
        foreach (var (name, type) in db.Describe(sourceSql))
        {
            if (schema.Find(name) is null)
            {
                added.Add(new StructField(name, DuckDbTypes.ToDelta(type)));
            }
        }

        return added.Count == 0 ? schema : new StructType(schema.Fields.Concat(added));
    }

    /// <summary>Records a schema change (and any protocol upgrade it needs) in the transaction.</summary>
    public static void ApplySchema(OptimisticTransaction tx, TableSnapshot snapshot, StructType schema)
    {
        if (schema.SameAs(snapshot.Schema))
        {
            return;
        }

        CreateTableOperation.Validate(snapshot.TableRoot, schema, snapshot.PartitionColumns);
        tx.UpdateMetadata(snapshot.Metadata with { SchemaString = SchemaJson.Serialize(schema) });
        var protocol = Protocols.Required(schema, snapshot.Properties, snapshot.Protocol);
        if (!ReferenceEquals(protocol, snapshot.Protocol))
        {
            tx.UpdateProtocol(protocol);
        }
    }

    /// <summary>Fails when the rows of <paramref name="dataSql"/> break a column invariant or CHECK constraint.</summary>
    public static void EnforceConstraints(DuckDBConnection db, TableSnapshot snapshot, StructType schema, string dataSql, string operation)
    {
        var checks = new List<(string Name, string Expression)>();
        foreach (var field in schema.Fields)
        {
            if (field.Metadata?["delta.invariants"] is JsonValue invariant && invariant.TryGetValue<string>(out var text) &&
                JsonNode.Parse(text)?["expression"]?["expression"] is JsonValue expr && expr.TryGetValue<string>(out var sql))
            {
                checks.Add(($"invariant on {field.Name}", sql));
            }
        }

        foreach (var (key, value) in snapshot.Properties)
        {
            if (key.StartsWith(TableProperties.ConstraintPrefix, StringComparison.Ordinal))
            {
                checks.Add(($"constraint {key[TableProperties.ConstraintPrefix.Length..]}", value));
            }
        }

        foreach (var (name, expression) in checks)
        {
            var violations = Convert.ToInt64(db.Scalar($"SELECT count(*) FROM ({dataSql}) WHERE NOT COALESCE(({expression}), FALSE)"), CultureInfo.InvariantCulture);
            if (violations > 0)
            {
                throw InvalidOperationLakeException.Create(snapshot.TableRoot, operation, $"{violations} row(s) violate {name}: {expression}");
            }
        }
    }

    /// <summary>
    /// Removes the rows matching <paramref name="predicate"/>: files the statistics rule out stay,
    /// files wholly matched are removed, the rest are rewritten without the matching rows.
    /// </summary>
    public static (List<RemoveFile> Removes, WrittenFiles Rewritten, long RowsDeleted, long RowsCopied, List<AddFile> Touched) DeleteMatching(
        DeltaTableCore core, DuckDBConnection db, TableSnapshot snapshot, Predicate predicate, bool dataChange)
    {
        var evaluator = new PredicateEvaluator(snapshot.Schema, snapshot.PartitionColumns);
        var whole = new List<AddFile>();
        var partial = new List<AddFile>();
        foreach (var file in snapshot.Files)
        {
            switch (evaluator.Evaluate(predicate, file))
            {
                case FileMatch.All:
                    whole.Add(file);
                    break;
                case FileMatch.Some:
                    partial.Add(file);
                    break;
            }
        }

        var now = core.Time.GetUtcNow().ToUnixTimeMilliseconds();
        var condition = PredicateSql.Render(predicate, snapshot.Schema);
        long deleted = whole.Sum(f => FileStatistics.Parse(f.Stats)?.NumRecords ?? 0);
        if (whole.Any(f => FileStatistics.Parse(f.Stats)?.NumRecords is null))
        {
            deleted += CountRows(db, snapshot, whole.Where(f => FileStatistics.Parse(f.Stats)?.NumRecords is null).ToList(), null);
        }

        var rewrite = new List<AddFile>();
        long copied = 0;
        var written = new WrittenFiles([], 0, 0);
        if (partial.Count > 0)
        {
            // Only files that really hold a matching row are rewritten.
            var scan = SnapshotQuery.Build(db, snapshot, partial, withFileIndex: true);
            var hit = db.Query($"SELECT DISTINCT __file_index FROM ({scan}) WHERE COALESCE({condition}, FALSE)", r => Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture));
            rewrite = [.. hit.Order().Select(i => partial[i])];
            if (rewrite.Count > 0)
            {
                var keep = $"SELECT * FROM ({SnapshotQuery.Build(db, snapshot, rewrite)}) WHERE NOT COALESCE({condition}, FALSE)";
                var before = CountRows(db, snapshot, rewrite, null);
                written = new DataWriter(core.Time).Write(db, snapshot.TableRoot, keep, snapshot.Schema, snapshot.PartitionColumns, snapshot.Properties, core.Options.TargetFileSizeBytes);
                copied = written.Rows;
                deleted += before - written.Rows;
            }
        }

        var removes = whole.Concat(rewrite).Select(f => f.ToRemove(now, dataChange)).ToList();
        var adds = written.Adds.Select(a => a with { DataChange = dataChange }).ToList();
        return (removes, written with { Adds = adds }, deleted, copied, [.. whole, .. partial]);
    }

    public static long CountRows(DuckDBConnection db, TableSnapshot snapshot, IReadOnlyList<AddFile> files, string? condition)
    {
        if (files.Count == 0)
        {
            return 0;
        }

        var where = condition is null ? "" : $" WHERE {condition}";
        return Convert.ToInt64(db.Scalar($"SELECT count(*) FROM ({SnapshotQuery.Build(db, snapshot, files)}){where}"), CultureInfo.InvariantCulture);
    }

    public static long CountRowsOf(DuckDBConnection db, string sql, string condition) =>
        Convert.ToInt64(db.Scalar($"SELECT count(*) FROM ({sql}) WHERE {condition}"), CultureInfo.InvariantCulture);

    /// <summary>Deletes files written by an operation that did not commit (they were never visible).</summary>
    public static void DeleteUncommitted(string tableRoot, IEnumerable<AddFile> adds)
    {
        foreach (var add in adds)
        {
            try
            {
                File.Delete(DataPaths.ToLocal(tableRoot, add.Path));
            }
            catch (IOException)
            {
                // Left for vacuum: an uncommitted file is an orphan no reader sees.
            }
        }
    }

    public static JsonObject Parameters(params (string Name, string? Value)[] values)
    {
        var obj = new JsonObject();
        foreach (var (name, value) in values)
        {
            if (value is not null)
            {
                obj[name] = value;
            }
        }

        return obj;
    }

    public static void EnsureNotAppendOnly(TableSnapshot snapshot, string operation)
    {
        if (snapshot.PropertyIsTrue(TableProperties.AppendOnly))
        {
            throw InvalidOperationLakeException.Create(snapshot.TableRoot, operation, "the table is append-only (delta.appendOnly=true); data cannot be removed or changed");
        }
    }
}

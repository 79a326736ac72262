using System.Collections;
using System.Globalization;
using DuckDB.NET.Data;
using Nyc311.Lake.Log;
using Nyc311.Lake.Schema;
using Nyc311.Lake.Sql;
using Nyc311.Lake.Stats;

namespace Nyc311.Lake.Operations;

/// <summary>The files one write produced, already described as add actions.</summary>
internal sealed record WrittenFiles(IReadOnlyList<AddFile> Adds, long Rows, long Bytes);

/// <summary>
/// Writes the rows of a DuckDB query as Parquet data files under the table root with one
/// <c>COPY ... RETURN_STATS</c>: partitioned Hive-style, uniquely named, and described (size,
/// partition values, statistics) from what DuckDB reports, so no file is read back.
/// </summary>
internal sealed class DataWriter(TimeProvider time)
{
    /// <summary>Projects <paramref name="sourceSql"/> onto <paramref name="schema"/> (casting, null-filling) and writes it.</summary>
    public WrittenFiles Write(DuckDBConnection db, string tableRoot, string sourceSql, StructType schema, IReadOnlyList<string> partitionColumns, IReadOnlyDictionary<string, string> properties, long targetFileSize)
    {
        var projection = Projection(db, sourceSql, schema);
        var options = new List<string>
        {
            "FORMAT parquet",
            $"COMPRESSION {Codec(properties)}",
            "RETURN_STATS true",
            "FILENAME_PATTERN 'part-00000-{uuid}'",
            "APPEND true",
        };

        // DuckDB cannot rotate files inside a partitioned COPY: a partitioned write makes one file
        // per partition, and optimize packs bins partition by partition.
        options.Add(partitionColumns.Count > 0
            ? $"PARTITION_BY ({string.Join(", ", partitionColumns.Select(c => SqlText.Identifier(schema.Get(c).Name)))})"
            : $"FILE_SIZE_BYTES {targetFileSize.ToString(CultureInfo.InvariantCulture)}");

        Directory.CreateDirectory(tableRoot);
        var copy = $"COPY ({projection}) TO {SqlText.Literal(tableRoot)} ({string.Join(", ", options)})";
        var indexed = StatsBuilder.IndexedColumns(schema, partitionColumns, properties);
        var modified = time.GetUtcNow().ToUnixTimeMilliseconds();
        var adds = new List<AddFile>();
        long rows = 0;
        long bytes = 0;
        foreach (var file in db.Query(copy, ReadReturnedFile))
        {
            if (file.Count == 0)
            {
                // DuckDB writes a footer-only file for an empty result; it holds nothing to add.
                File.Delete(file.Path);
                continue;
            }

            var partitionValues = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var column in partitionColumns)
            {
                var field = schema.Get(column);
                partitionValues[field.Name] = PartitionValue(file.PartitionKeys, field);
            }

            adds.Add(new AddFile(
                DataPaths.ToLog(tableRoot, file.Path),
                partitionValues,
                file.Size,
                modified,
                DataChange: true,
                StatsBuilder.Build(file.Count, file.ColumnStatistics, schema, indexed)));
            rows += file.Count;
            bytes += file.Size;
        }

        return new WrittenFiles(adds, rows, bytes);
    }

    /// <summary>
    /// The SELECT that shapes source rows into the table schema: every schema column in order,
    /// cast to its type, NULL where the source lacks it. Unknown source columns are an error.
    /// </summary>
    public static string Projection(DuckDBConnection db, string sourceSql, StructType schema)
    {
        var source = db.Describe(sourceSql);
        var unknown = source.Where(c => schema.Find(c.Name) is null).Select(c => c.Name).ToList();
        if (unknown.Count > 0)
        {
            throw new SchemaMismatchDetails($"columns not in the table schema: {string.Join(", ", unknown)} (write with schema evolution to add them)");
        }

        var select = new List<string>();
        foreach (var field in schema.Fields)
        {
            var match = source.FirstOrDefault(c => string.Equals(c.Name, field.Name, StringComparison.OrdinalIgnoreCase));
            if (match.Name is null && !field.Nullable)
            {
                throw new SchemaMismatchDetails($"non-nullable column '{field.Name}' is missing from the data");
            }

            select.Add(match.Name is null
                ? $"CAST(NULL AS {field.Type.ToDuckDb()}) AS {SqlText.Identifier(field.Name)}"
                : $"CAST(src.{SqlText.Identifier(match.Name)} AS {field.Type.ToDuckDb()}) AS {SqlText.Identifier(field.Name)}");
        }

        return $"SELECT {string.Join(", ", select)} FROM ({sourceSql}) AS src";
    }

    private static string Codec(IReadOnlyDictionary<string, string> properties) =>
        properties.TryGetValue(TableProperties.CompressionCodec, out var codec) && codec.ToLowerInvariant() is "snappy" or "gzip" or "zstd" or "uncompressed" or "lz4_raw"
            ? codec.ToLowerInvariant()
            : "zstd";

    private static string? PartitionValue(IDictionary? keys, StructField field)
    {
        if (keys is null)
        {
            return null;
        }

        foreach (DictionaryEntry entry in keys)
        {
            if (!string.Equals((string)entry.Key, field.Name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var raw = entry.Value as string;
            // DuckDB reports a SQL NULL key as a real null; an empty string is null in Delta too.
            if (string.IsNullOrEmpty(raw))
            {
                return null;
            }

            // Delta serializes instants as ISO-8601 UTC; DuckDB prints them with a "+00" offset.
            if (field.Type is PrimitiveType { Name: "timestamp" } &&
                DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
            {
                return instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
            }

            return raw;
        }

        return null;
    }

    private static ReturnedFile ReadReturnedFile(System.Data.Common.DbDataReader r) => new(
        r.GetString(0),
        System.Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture),
        System.Convert.ToInt64(r.GetValue(2), CultureInfo.InvariantCulture),
        r.IsDBNull(4) ? null : r.GetValue(4) as IDictionary,
        r.IsDBNull(5) ? null : r.GetValue(5) as IDictionary);

    private sealed record ReturnedFile(string Path, long Count, long Size, IDictionary? ColumnStatistics, IDictionary? PartitionKeys);
}

/// <summary>Carries a schema problem found while shaping data; the operation adds the table name.</summary>
internal sealed class SchemaMismatchDetails(string problem) : Exception(problem);

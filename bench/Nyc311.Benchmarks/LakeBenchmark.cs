using System.Globalization;
using Nyc311.Lake;
using Nyc311.Lake.Operations;
using Nyc311.Lake.Schema;
using Nyc311.Lake.Sql;

namespace Nyc311.Benchmarks;

/// <summary>
/// Issue 3's benchmark: append N rows to a Delta table and compare with DuckDB writing the same
/// rows to Parquet directly; then merge updated keys and count the files the merge rewrote.
/// </summary>
internal static class LakeBenchmark
{
    private static readonly StructType Schema = new(
        new StructField("unique_key", DeltaType.Long),
        new StructField("created_date", DeltaType.TimestampNtz),
        new StructField("complaint_type", DeltaType.String),
        new StructField("borough", DeltaType.String),
        new StructField("status", DeltaType.String),
        new StructField("latitude", DeltaType.Double),
        new StructField("longitude", DeltaType.Double),
        new StructField("created_month", DeltaType.Date));

    public static int Run(BenchmarkArgs args)
    {
        var rows = args.Long("rows", 10_000_000);
        var mergeKeys = args.Long("merge-keys", 100_000);
        var folder = args.Folder("lake");
        Directory.CreateDirectory(folder);
        try
        {
            using var db = LakeDuckDb.Open();
            Console.WriteLine($"generating {rows:N0} rows in memory ...");
            db.Execute($"""
                CREATE TABLE source AS
                SELECT 40000000 + i AS unique_key,
                       TIMESTAMP '2024-01-01 00:00:00' + to_seconds(i * 3) AS created_date,
                       (['Noise - Residential', 'HEAT/HOT WATER', 'Illegal Parking', 'Blocked Driveway', 'Street Condition'])[1 + (hash(i) % 5)::INT] AS complaint_type,
                       (['MANHATTAN', 'BRONX', 'BROOKLYN', 'QUEENS', 'STATEN ISLAND'])[1 + (hash(i * 7) % 5)::INT] AS borough,
                       CASE WHEN i % 3 = 0 THEN 'Open' ELSE 'Closed' END AS status,
                       40.5 + (hash(i * 13) % 400000) / 1000000.0 AS latitude,
                       -74.2 + (hash(i * 17) % 500000) / 1000000.0 AS longitude,
                       date_trunc('month', TIMESTAMP '2024-01-01 00:00:00' + to_seconds(i * 3))::DATE AS created_month
                FROM range(0, {rows}) r(i)
                """);

            // The baseline writes the same layout the table uses (Hive partitions by month), straight from DuckDB.
            var baselineFolder = Path.Combine(folder, "baseline");
            var baseline = Measure.Best(2, () => DeleteFolder(baselineFolder), () =>
                db.Execute($"COPY (SELECT * FROM source) TO {SqlText.Literal(baselineFolder)} (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (created_month))"));

            DeltaTable? table = null;
            var tablePath = Path.Combine(folder, "table");
            var append = Measure.Best(2, () =>
            {
                DeleteFolder(tablePath);
                table = DeltaTable.Create(tablePath, Schema, new CreateTableOptions { PartitionColumns = ["created_month"] });
            }, () => table!.Append(db, "source"));

            Console.WriteLine();
            Console.WriteLine($"append {rows:N0} rows");
            Console.WriteLine($"  DuckDB COPY to partitioned Parquet (baseline): {baseline.TotalSeconds,8:N2} s  {Measure.Rate(rows, baseline)}");
            Console.WriteLine($"  Delta append (files + stats + log):            {append.TotalSeconds,8:N2} s  {Measure.Rate(rows, append)}");
            Console.WriteLine($"  ratio Delta / baseline: {append / baseline:N2}x (goal <= 1.30x)");

            var snapshot = table!.LoadSnapshot();
            Console.WriteLine($"  table: {snapshot.Files.Count} files, {snapshot.SizeInBytes / (1024.0 * 1024):N0} MiB");

            // Realistic: updates hit recent requests (closed or changed in the last days).
            MergeCase(db, table, "recent keys (last 10% of the table)", $"SELECT unique_key FROM source WHERE unique_key >= {40000000 + (rows * 9 / 10)} ORDER BY hash(unique_key) LIMIT {mergeKeys}");

            // Worst case: keys spread uniformly over the whole table.
            MergeCase(db, table, "keys spread over the whole table", $"SELECT unique_key FROM source ORDER BY hash(unique_key * 31) LIMIT {mergeKeys}");
            Console.WriteLine($"peak working set: {Measure.PeakMemory()}");
            return 0;
        }
        finally
        {
            if (!args.String("folder", "").Equals(folder, StringComparison.Ordinal))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static void DeleteFolder(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    private static void MergeCase(DuckDB.NET.Data.DuckDBConnection db, DeltaTable table, string label, string keysSql)
    {
        db.Execute($"CREATE OR REPLACE TABLE updates AS SELECT s.* REPLACE ('Closed' AS status) FROM source s SEMI JOIN ({keysSql}) k ON s.unique_key = k.unique_key");
        var count = Convert.ToInt64(db.Scalar("SELECT count(*) FROM updates"), CultureInfo.InvariantCulture);
        MergeResult? result = null;
        var elapsed = Measure.Once(() => result = table.Merge(db, "updates", new MergeOptions { Keys = ["unique_key"] }));
        Console.WriteLine();
        Console.WriteLine($"merge {count:N0} updated keys: {label}");
        Console.WriteLine($"  {elapsed.TotalSeconds:N2} s, {result!.RowsUpdated:N0} rows updated, {result.RowsCopied:N0} copied");
        Console.WriteLine($"  files rewritten: {result.FilesRewritten} of {result.FilesInTable} (candidates by statistics: {result.FilesCandidate})");
    }
}

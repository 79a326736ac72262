using System.Globalization;
using DuckDB.NET.Data;
using Nyc311.Lake.Snapshot;
using Nyc311.Lake.Sql;
using Nyc311.Testing;

namespace Nyc311.Lake.Tests.Golden;

/// <summary>
/// The Spark- and delta-rs-written tables of <c>Data/delta-golden</c> (see its SOURCES.md). They are
/// read in place and never written: a test that writes copies a table into a temporary folder first.
/// </summary>
internal static class GoldenTables
{
    public static string PathOf(string name) =>
        RepositoryPaths.Combine("tests", "Nyc311.Lake.Tests", "Data", "delta-golden", name);

    public static DeltaTable Open(string name) => DeltaTable.Open(PathOf(name));

    /// <summary>Copies a golden table (every file, log included) into <paramref name="folder"/> and returns the copy's root.</summary>
    public static string CopyTo(string name, TempDirectory folder)
    {
        var source = PathOf(name);
        var target = folder.Combine(name);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }

    /// <summary>The file names (last path segment, decoded) of a snapshot's live files, sorted.</summary>
    public static List<string> FileNames(TableSnapshot snapshot) =>
        [.. snapshot.Files.Select(f => Uri.UnescapeDataString(f.Path).Split('/')[^1]).Order(StringComparer.Ordinal)];

    /// <summary>Runs <paramref name="select"/> (which reads the snapshot as <c>t</c>) and renders each row as "a|b|c" with "null" for SQL NULL.</summary>
    public static List<string> Rows(DuckDBConnection db, DeltaTable table, TableSnapshot snapshot, string select) =>
        db.Query(
            select.Replace("{t}", $"({table.SelectSql(db, snapshot)}) AS t", StringComparison.Ordinal),
            r => string.Join('|', Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "null" : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture))));

    public static long Count(DuckDBConnection db, DeltaTable table, TableSnapshot snapshot) =>
        Convert.ToInt64(db.Scalar($"SELECT count(*) FROM ({table.SelectSql(db, snapshot)})"), CultureInfo.InvariantCulture);
}

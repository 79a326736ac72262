using DuckDB.NET.Data;
using Microsoft.Extensions.Time.Testing;
using Nyc311.Lake.Operations;
using Nyc311.Lake.Schema;
using Nyc311.Lake.Sql;
using Nyc311.Testing;

namespace Nyc311.Lake.Tests.Support;

/// <summary>A temporary folder, a DuckDB connection and a fake clock for one test.</summary>
public sealed class LakeFixture : IDisposable
{
    public LakeFixture()
    {
        Db = LakeDuckDb.Open(threads: 2);
    }

    public TempDirectory Folder { get; } = new("lake");

    public DuckDBConnection Db { get; }

    /// <summary>
    /// A clock that starts at the real current time (whole milliseconds) and moves only when a test
    /// advances it: vacuum compares it with the real modification times of files.
    /// </summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));

    public LakeOptions Options { get; } = new();

    public string PathOf(string name) => Folder.Combine(name);

    public DeltaTable Create(string name, StructType schema, params string[] partitionBy) =>
        DeltaTable.Create(PathOf(name), schema, new CreateTableOptions { PartitionColumns = partitionBy }, Options, Clock);

    public DeltaTable Open(string name) => DeltaTable.Open(PathOf(name), Options, Clock);

    public long Count(DeltaTable table, Nyc311.Lake.Snapshot.TableSnapshot? snapshot = null) =>
        Convert.ToInt64(Db.Scalar($"SELECT count(*) FROM ({table.SelectSql(Db, snapshot)})"), System.Globalization.CultureInfo.InvariantCulture);

    public List<T> Column<T>(string sql) => Db.Query(sql, r => r.IsDBNull(0) ? default! : (T)Convert.ChangeType(r.GetValue(0), typeof(T), System.Globalization.CultureInfo.InvariantCulture));

    public void Dispose()
    {
        Db.Dispose();
        Folder.Dispose();
    }
}

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

    /// <summary>A clock starting 2026-01-01T00:00:00Z that tests move forward explicitly.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

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

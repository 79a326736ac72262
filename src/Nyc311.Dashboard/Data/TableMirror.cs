using System.Collections.Concurrent;
using DuckDB.NET.Data;
using Nyc311.Lake.Sql;

namespace Nyc311.Dashboard.Data;

/// <summary>What a mirror holds: a query over one lake table, copied into memory per table version.</summary>
/// <param name="Name">The mirror's name (a SQL identifier part).</param>
/// <param name="Source">The lake table it copies, as <c>layer.table</c>.</param>
/// <param name="EmptyShape">A query with no rows and the mirror's columns, used while the source is missing or empty.</param>
/// <param name="Transform">The query the mirror holds, given the SELECT over the source snapshot.</param>
internal sealed record MirrorSpec(string Name, string Source, string EmptyShape, Func<string, string> Transform);

/// <summary>A mirrored table ready to query: its SQL name and the source version it copies.</summary>
internal sealed record Mirrored(string Sql, TableInfo Source);

/// <summary>
/// An in-memory DuckDB database holding copies of the small tables the pages query (gold, reports),
/// one per source version, so that rendering a page never scans Parquet files: a copy is made once
/// per version (in the background when the watcher sees a new one) and queried in milliseconds.
/// </summary>
internal sealed class TableMirror(LakeState lake) : IDisposable
{
    private readonly DuckDBConnection _database = LakeDuckDb.Open();
    private readonly ConcurrentDictionary<string, Lazy<Task<Mirrored>>> _copies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _latest = new(StringComparer.Ordinal);
    private int _disposed;

    /// <summary>The copy of <paramref name="spec"/> at the source's current version (made now if needed).</summary>
    public Task<Mirrored> GetAsync(MirrorSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var info = lake.Info(spec.Source);
        var key = $"{spec.Name}@{info.Version}:{info.State}";
        var copy = _copies.GetOrAdd(key, _ => new Lazy<Task<Mirrored>>(() => Task.Run(() => Materialize(spec, info))));
        var task = copy.Value;
        if (task.IsFaulted)
        {
            // A failed copy (for example a file vacuumed away mid-read) is retried on the next request.
            _copies.TryRemove(new KeyValuePair<string, Lazy<Task<Mirrored>>>(key, copy));
        }

        return task;
    }

    /// <summary>Runs a query on a connection of its own to the in-memory database.</summary>
    public T Read<T>(Func<DuckDBConnection, T> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        using var connection = _database.Duplicate();
        connection.Open();
        return query(connection);
    }

    private Mirrored Materialize(MirrorSpec spec, TableInfo info)
    {
        var name = SqlText.Identifier($"{spec.Name}_v{Math.Max(info.Version, 0)}_{info.State.ToString().ToLowerInvariant()}");
        Read(db =>
        {
            string select;
            if (info.IsReady)
            {
                var (table, snapshot) = lake.Open(info);
                select = spec.Transform(table.SelectSql(db, snapshot));
            }
            else
            {
                select = spec.EmptyShape;
            }

            db.Execute($"CREATE OR REPLACE TABLE {name} AS {select}");
            return 0;
        });
        Retire(spec, info.Version);
        return new Mirrored(name, info);
    }

    // Copies older than the previous version are dropped; the previous one may still serve a query in flight.
    private void Retire(MirrorSpec spec, long version)
    {
        var previous = _latest.GetValueOrDefault(spec.Name, -2);
        if (version <= previous)
        {
            return;
        }

        _latest[spec.Name] = version;
        foreach (var key in _copies.Keys.Where(k => k.StartsWith(spec.Name + "@", StringComparison.Ordinal)))
        {
            var at = key[(spec.Name.Length + 1)..];
            var keyVersion = long.Parse(at[..at.IndexOf(':', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
            if (keyVersion < previous && _copies.TryRemove(key, out var stale) && stale.IsValueCreated && stale.Value.IsCompletedSuccessfully)
            {
                Read(db =>
                {
                    db.Execute($"DROP TABLE IF EXISTS {stale.Value.Result.Sql}");
                    return 0;
                });
            }
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _database.Dispose();
        }
    }
}

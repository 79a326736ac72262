using System.Text.Json;
using DuckDB.NET.Data;
using Nyc311.Lake.Sql;

namespace Nyc311.Lake.Catalog;

/// <summary>A table of the lake, by layer and name (<c>silver.service_requests</c> lives in <c>silver/service_requests</c>).</summary>
public sealed record LakeTable(string Layer, string Name, string Path)
{
    public string QualifiedName => $"{Layer}.{Name}";
}

/// <summary>
/// The lake root and the tables below it: one folder per layer, one Delta table per folder inside.
/// Opens tables by qualified name and gives DuckDB connections where every table is a view.
/// </summary>
public sealed class LakeCatalog(LakeOptions options, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>The absolute lake root.</summary>
    public string Root { get; } = System.IO.Path.GetFullPath(options.Root);

    public LakeOptions Options { get; } = options;

    /// <summary>Every Delta table under the root, ordered by qualified name.</summary>
    public IReadOnlyList<LakeTable> Tables()
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }

        return [.. Directory.EnumerateDirectories(Root)
            .SelectMany(layer => Directory.EnumerateDirectories(layer).Select(table => new LakeTable(System.IO.Path.GetFileName(layer), System.IO.Path.GetFileName(table), table)))
            .Where(t => !t.Layer.StartsWith('_') && !t.Layer.StartsWith('.') && DeltaTable.Exists(t.Path))
            .OrderBy(t => t.QualifiedName, StringComparer.Ordinal)];
    }

    /// <summary>The folder of a table named <c>layer.table</c> (it need not exist yet).</summary>
    public string PathOf(string qualifiedName)
    {
        var parts = qualifiedName.Split('.');
        if (parts.Length != 2 || parts.Any(p => p.Length == 0 || p.IndexOfAny(['/', '\\']) >= 0 || p is "." or ".."))
        {
            throw new LakeException($"'{qualifiedName}' is not a table name of the form layer.table");
        }

        return System.IO.Path.Combine(Root, parts[0], parts[1]);
    }

    /// <summary>A table folder given as a path (absolute, or relative to the working folder) or as <c>layer.table</c>.</summary>
    public string Resolve(string pathOrName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pathOrName);
        if (Directory.Exists(pathOrName))
        {
            return System.IO.Path.GetFullPath(pathOrName);
        }

        var dot = pathOrName.Split('.');
        if (dot.Length == 2 && !pathOrName.Contains('/', StringComparison.Ordinal) && !pathOrName.Contains('\\', StringComparison.Ordinal))
        {
            return PathOf(pathOrName);
        }

        throw TableNotFoundException.At(System.IO.Path.GetFullPath(pathOrName));
    }

    public DeltaTable Open(string pathOrName) => DeltaTable.Open(Resolve(pathOrName), Options, _time);

    /// <summary>
    /// An in-memory DuckDB connection in which every table of the lake is the view <c>layer.table</c>
    /// over its current snapshot. With <paramref name="readOnly"/>, file access is confined to the
    /// lake root and the configuration is locked, so a query cannot read elsewhere or loosen that.
    /// </summary>
    public DuckDBConnection OpenQueryConnection(bool readOnly)
    {
        var db = LakeDuckDb.Open();
        try
        {
            foreach (var table in Tables())
            {
                DeltaTable.Open(table.Path, Options, _time).CreateView(db, table.QualifiedName);
            }

            if (readOnly)
            {
                db.Execute($"SET allowed_directories = [{SqlText.Literal(Root + System.IO.Path.DirectorySeparatorChar)}]");
                db.Execute("SET enable_external_access = false");
                db.Execute("SET lock_configuration = true");
            }

            return db;
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>Fails unless every statement of <paramref name="sql"/> is a query (SELECT, WITH, VALUES...).</summary>
    public static void EnsureReadOnly(DuckDBConnection db, string sql)
    {
        ArgumentNullException.ThrowIfNull(db);
        var parsed = db.Scalar($"SELECT json_serialize_sql({SqlText.Literal(sql)})") as string ?? "";
        using var document = JsonDocument.Parse(parsed);
        if (document.RootElement.TryGetProperty("error", out var isError) && isError.GetBoolean())
        {
            var message = document.RootElement.TryGetProperty("error_message", out var m) ? m.GetString() : "";
            if (message?.Contains("Only SELECT", StringComparison.OrdinalIgnoreCase) == true)
            {
                throw new LakeException("the query is read-only: only SELECT statements are allowed (no INSERT, UPDATE, DELETE, COPY, CREATE, ATTACH, SET ...)");
            }

            throw new LakeException($"SQL error: {message}");
        }
    }
}

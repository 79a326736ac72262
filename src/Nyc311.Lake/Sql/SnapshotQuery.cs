using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Nyc311.Lake.Log;
using Nyc311.Lake.Schema;
using Nyc311.Lake.Snapshot;

namespace Nyc311.Lake.Sql;

/// <summary>
/// Builds the DuckDB SELECT that reads a snapshot: its live Parquet files through
/// <c>read_parquet</c>, every column cast to the table's type, partition values joined in from the log.
/// </summary>
internal static class SnapshotQuery
{
    private const string FileIndexColumn = "__delta_file_index";
    private const string FilePathColumn = "__delta_file";

    /// <summary>The SELECT over <paramref name="files"/> (all live files when null), with the file index as an extra column when asked.</summary>
    public static string Build(DuckDBConnection db, TableSnapshot snapshot, IReadOnlyList<AddFile>? files = null, bool withFileIndex = false)
    {
        files ??= snapshot.Files;
        var schema = snapshot.Schema;
        var partitions = new HashSet<string>(snapshot.PartitionColumns, StringComparer.OrdinalIgnoreCase);
        if (files.Count == 0)
        {
            var empty = schema.Fields.Select(f => $"CAST(NULL AS {f.Type.ToDuckDb()}) AS {SqlText.Identifier(f.Name)}").ToList();
            if (withFileIndex)
            {
                empty.Add("CAST(NULL AS UBIGINT) AS __file_index");
            }

            return $"SELECT {string.Join(", ", empty)} LIMIT 0";
        }

        var paths = files.Select(f => DataPaths.ToLocal(snapshot.TableRoot, f.Path)).ToList();
        var scan = $"read_parquet({SqlText.PathList(paths)}, union_by_name = true)";
        var present = db.Describe($"SELECT * FROM {scan}").Select(c => c.Name).ToList();

        var select = new List<string>();
        foreach (var field in schema.Fields)
        {
            var name = SqlText.Identifier(field.Name);
            var type = field.Type.ToDuckDb();
            if (partitions.Contains(field.Name))
            {
                select.Add($"p.{name} AS {name}");
                continue;
            }

            var physical = present.FirstOrDefault(c => c == field.Name) ??
                present.FirstOrDefault(c => string.Equals(c, field.Name, StringComparison.OrdinalIgnoreCase));
            select.Add(physical is null
                ? $"CAST(NULL AS {type}) AS {name}"
                : $"CAST(d.{SqlText.Identifier(physical)} AS {type}) AS {name}");
        }

        if (withFileIndex)
        {
            select.Add($"p.{FileIndexColumn} AS __file_index");
        }

        var sql = new StringBuilder();
        sql.Append("SELECT ").AppendJoin(", ", select).Append(" FROM ").Append(scan).Append(" AS d");
        if (partitions.Count > 0 || withFileIndex)
        {
            var byPath = TiesRowsByPath(snapshot.TableRoot, present);
            sql.Append(" JOIN (VALUES ");
            for (var i = 0; i < files.Count; i++)
            {
                sql.Append(i == 0 ? "(" : ", (").Append(i.ToString(CultureInfo.InvariantCulture)).Append("::UBIGINT, ").Append(SqlText.Literal(paths[i]));
                foreach (var column in snapshot.PartitionColumns)
                {
                    var field = schema.Get(column);
                    files[i].PartitionValues.TryGetValue(column, out var raw);
                    sql.Append(", ").Append(PartitionLiteral(raw, field.Type));
                }

                sql.Append(')');
            }

            sql.Append(") AS p(").AppendJoin(", ", snapshot.PartitionColumns.Select(SqlText.Identifier).Prepend(FilePathColumn).Prepend(FileIndexColumn))
                .Append(byPath ? $") ON d.filename = p.{FilePathColumn}" : $") ON d.file_index = p.{FileIndexColumn}");
        }

        return sql.ToString();
    }

    /// <summary>
    /// Rows are tied to their file through DuckDB's virtual <c>file_index</c> column, or its virtual
    /// <c>filename</c> when a data column named file_index hides the former (a hidden one would silently
    /// join wrong rows). A table with data columns of both names cannot be read this way.
    /// </summary>
    private static bool TiesRowsByPath(string table, IReadOnlyList<string> columns)
    {
        if (!columns.Contains("file_index", StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        if (columns.Contains("filename", StringComparer.OrdinalIgnoreCase))
        {
            throw new LakeException($"table '{table}' has data columns named both 'file_index' and 'filename', which hide the DuckDB columns that tie rows to their data files");
        }

        return true;
    }

    /// <summary>A partition value string (Delta's serialization) as a typed DuckDB literal.</summary>
    public static string PartitionLiteral(string? raw, DeltaType type)
    {
        var duckType = type.ToDuckDb();
        if (string.IsNullOrEmpty(raw))
        {
            return $"CAST(NULL AS {duckType})";
        }

        // Timestamps may be stored without zone (writer's zone, taken as UTC here) or as ISO-8601 UTC.
        return $"CAST({SqlText.Literal(raw)} AS {duckType})";
    }
}

/// <summary>Converts between log paths (URI-encoded, relative) and local file paths.</summary>
internal static class DataPaths
{
    public static string ToLocal(string tableRoot, string logPath)
    {
        if (logPath.Contains("://", StringComparison.Ordinal))
        {
            return new Uri(logPath).LocalPath;
        }

        var decoded = Uri.UnescapeDataString(logPath);
        return Path.IsPathRooted(decoded) ? decoded : Path.Combine(tableRoot, decoded.Replace('/', Path.DirectorySeparatorChar));
    }

    /// <summary>The log form of a file below the table root: relative, '/'-separated, each segment URI-encoded.</summary>
    public static string ToLog(string tableRoot, string localPath)
    {
        var relative = Path.GetRelativePath(tableRoot, localPath).Replace(Path.DirectorySeparatorChar, '/');
        return string.Join('/', relative.Split('/').Select(EncodeSegment));
    }

    private static string EncodeSegment(string segment)
    {
        var builder = new StringBuilder(segment.Length);
        foreach (var b in Encoding.UTF8.GetBytes(segment))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' or '=')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}

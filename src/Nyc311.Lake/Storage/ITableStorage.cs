namespace Nyc311.Lake.Storage;

/// <summary>A file in table storage, with its path relative to the table root ('/'-separated).</summary>
public sealed record StoredFile(string RelativePath, long Size, DateTimeOffset LastModified);

/// <summary>
/// The storage primitives the log needs. The one guarantee that makes commits safe is
/// <see cref="TryCreate"/>: a file appears complete, and only if no file of that name existed.
/// </summary>
public interface ITableStorage
{
    /// <summary>The table root as a local path DuckDB can read data files from.</summary>
    string Root { get; }

    /// <summary>Creates a file with the content only if absent; false when it already existed.</summary>
    bool TryCreate(string relativePath, ReadOnlySpan<byte> content);

    /// <summary>Writes a file atomically, replacing any existing one (checkpoints, <c>_last_checkpoint</c>).</summary>
    void Replace(string relativePath, ReadOnlySpan<byte> content);

    /// <summary>The file's bytes, or null when absent.</summary>
    byte[]? ReadAllBytes(string relativePath);

    /// <summary>Files directly inside a folder (empty when the folder is absent).</summary>
    IReadOnlyList<StoredFile> List(string relativeFolder);

    /// <summary>Every file below the root, recursively.</summary>
    IEnumerable<StoredFile> ListRecursive();

    /// <summary>Deletes a file if present.</summary>
    void Delete(string relativePath);

    /// <summary>The local path for a relative one.</summary>
    string FullPath(string relativePath);
}

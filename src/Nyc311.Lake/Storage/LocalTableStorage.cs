namespace Nyc311.Lake.Storage;

/// <summary>Table storage on a local (POSIX or Windows) file system.</summary>
public sealed class LocalTableStorage : ITableStorage
{
    public LocalTableStorage(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    public string FullPath(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public bool TryCreate(string relativePath, ReadOnlySpan<byte> content)
    {
        var target = FullPath(relativePath);
        if (File.Exists(target))
        {
            return false;
        }

        var temp = WriteTemp(target, content);
        try
        {
            // File.Move without overwrite is link(2)+unlink(2) on Unix: the target appears whole,
            // and the call fails if another writer created it first. That is Delta's put-if-absent.
            File.Move(temp, target, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(target))
        {
            return false;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public void Replace(string relativePath, ReadOnlySpan<byte> content)
    {
        var target = FullPath(relativePath);
        var temp = WriteTemp(target, content);
        File.Move(temp, target, overwrite: true);
    }

    public byte[]? ReadAllBytes(string relativePath)
    {
        try
        {
            return File.ReadAllBytes(FullPath(relativePath));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    public IReadOnlyList<StoredFile> List(string relativeFolder)
    {
        var folder = new DirectoryInfo(FullPath(relativeFolder));
        if (!folder.Exists)
        {
            return [];
        }

        var prefix = relativeFolder.Length == 0 ? "" : relativeFolder.TrimEnd('/') + "/";
        return [.. folder.EnumerateFiles().Select(f => Describe(f, prefix + f.Name)).OfType<StoredFile>()];
    }

    public IEnumerable<StoredFile> ListRecursive()
    {
        var root = new DirectoryInfo(Root);
        if (!root.Exists)
        {
            yield break;
        }

        foreach (var file in root.EnumerateFiles("*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Root, file.FullName).Replace(Path.DirectorySeparatorChar, '/');
            if (Describe(file, relative) is { } stored)
            {
                yield return stored;
            }
        }
    }

    public void Delete(string relativePath) => File.Delete(FullPath(relativePath));

    /// <summary>
    /// The file's size and time, or null when it vanished after the folder was listed: another
    /// writer's temporary commit file is renamed into place, or vacuum removed a file, between the
    /// two system calls.
    /// </summary>
    private static StoredFile? Describe(FileInfo file, string relativePath)
    {
        try
        {
            return new StoredFile(relativePath, file.Length, file.LastWriteTimeUtc);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    private static string WriteTemp(string target, ReadOnlySpan<byte> content)
    {
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }

        return temp;
    }
}

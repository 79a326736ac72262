using System.Text;

namespace Nyc311.Ingest.Tests.Support;

/// <summary>A file in a fresh temporary folder, deleted with the folder on dispose.</summary>
internal sealed class TempFile : IDisposable
{
    private readonly string folder;

    private TempFile(string name, byte[] content)
    {
        folder = Directory.CreateTempSubdirectory("nyc311-ingest-").FullName;
        Path = System.IO.Path.Combine(folder, name);
        File.WriteAllBytes(Path, content);
    }

    public string Path { get; }

    public string Name => System.IO.Path.GetFileName(Path);

    public static TempFile WithText(string name, string content) => new(name, Encoding.UTF8.GetBytes(content));

    public static TempFile WithBytes(string name, byte[] content) => new(name, content);

    public void Dispose() => Directory.Delete(folder, recursive: true);
}

using System.Reflection;

namespace Nyc311.Testing;

/// <summary>Locates folders of the checkout (recorded at build time, so separate artifacts folders work too).</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root (the folder holding Nyc311.slnx).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path below the repository root.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        var recorded = typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (recorded is not null && File.Exists(Path.Combine(recorded, "Nyc311.slnx")))
        {
            return Path.TrimEndingDirectorySeparator(recorded);
        }

        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Nyc311.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException($"no Nyc311.slnx above {AppContext.BaseDirectory}");
    }
}

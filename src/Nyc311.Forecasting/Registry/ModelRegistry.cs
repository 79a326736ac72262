using System.Globalization;
using Nyc311.Forecasting.Tracking;

namespace Nyc311.Forecasting.Registry;

/// <summary>A version of a registered model.</summary>
/// <param name="Name">The registered model's name.</param>
/// <param name="Version">The version number, from 1.</param>
/// <param name="Source">Where the version's files are (a <c>file://</c> URI into a run's artifacts).</param>
/// <param name="RunId">The run that produced it.</param>
/// <param name="CreatedAt">When it was registered.</param>
/// <param name="Aliases">The aliases pointing at it (for example <c>champion</c>).</param>
/// <param name="Tags">Its tags.</param>
public sealed record RegisteredVersion(string Name, int Version, string Source, string? RunId, DateTimeOffset CreatedAt, IReadOnlyList<string> Aliases, IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>The local folder of <see cref="Source"/>.</summary>
    public string SourcePath => new Uri(Source).LocalPath;
}

/// <summary>
/// A model registry laid out as MLflow's file registry store (<c>mlflow ui --registry-store-uri DIR</c>):
/// <c>models/&lt;name&gt;/meta.yaml</c>, <c>models/&lt;name&gt;/version-&lt;n&gt;/meta.yaml</c>, tags under
/// <c>tags/</c>, and each alias as the file <c>models/&lt;name&gt;/aliases/&lt;alias&gt;</c> holding its version.
/// </summary>
public sealed class ModelRegistry
{
    /// <summary>The alias forecasting uses.</summary>
    public const string ChampionAlias = "champion";

    private static readonly Lock Gate = new();
    private readonly TimeProvider _time;

    /// <summary>Opens (creating when absent) the registry at <paramref name="root"/>.</summary>
    public ModelRegistry(string root, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
        _time = time ?? TimeProvider.System;
        Directory.CreateDirectory(Path.Combine(Root, "models"));
    }

    /// <summary>The registry's folder.</summary>
    public string Root { get; }

    /// <summary>Registers a new version (the next number), creating the registered model when absent.</summary>
    public RegisteredVersion CreateVersion(string name, string source, string runId, IReadOnlyDictionary<string, string>? tags = null, string? description = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        var folder = ModelFolder(name);
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        lock (Gate)
        {
            var meta = Path.Combine(folder, "meta.yaml");
            var created = File.Exists(meta) ? MiniYaml.Read(File.ReadAllText(meta)).GetValueOrDefault("creation_timestamp") : null;
            MlflowFileStore.WriteAtomically(meta, MiniYaml.Write(new Dictionary<string, object?>
            {
                ["creation_timestamp"] = created is null ? now : long.Parse(created, CultureInfo.InvariantCulture),
                ["description"] = null,
                ["last_updated_timestamp"] = now,
                ["name"] = name,
            }));
            var version = VersionNumbers(folder).DefaultIfEmpty(0).Max() + 1;
            var versionFolder = Path.Combine(folder, $"version-{version}");
            MlflowFileStore.WriteAtomically(Path.Combine(versionFolder, "meta.yaml"), MiniYaml.Write(new Dictionary<string, object?>
            {
                ["creation_timestamp"] = now,
                ["current_stage"] = "None",
                ["description"] = description,
                ["last_updated_timestamp"] = now,
                ["name"] = name,
                ["run_id"] = runId,
                ["run_link"] = null,
                ["source"] = source,
                ["status"] = "READY",
                ["status_message"] = null,
                ["storage_location"] = source,
                ["user_id"] = null,
                ["version"] = version,
            }));
            foreach (var (key, value) in tags ?? new Dictionary<string, string>())
            {
                MlflowFileStore.WriteAtomically(Path.Combine(versionFolder, "tags", MlflowNames.Key(key)), value);
            }

            return GetVersion(name, version);
        }
    }

    /// <summary>Points <paramref name="alias"/> at <paramref name="version"/> (moving it from any other version).</summary>
    public void SetAlias(string name, string alias, int version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alias);
        if (alias.IndexOfAny(['/', '\\', '.']) >= 0 || alias.Equals("latest", StringComparison.OrdinalIgnoreCase))
        {
            throw TrackingException.InvalidName("alias", alias, "no path characters, and 'latest' is reserved");
        }

        GetVersion(name, version);
        MlflowFileStore.WriteAtomically(Path.Combine(ModelFolder(name), "aliases", alias), version.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The version <paramref name="alias"/> points at, or null when the model or alias does not exist.</summary>
    public RegisteredVersion? FindByAlias(string name, string alias)
    {
        var path = Path.Combine(ModelFolder(name), "aliases", alias);
        return File.Exists(path) ? GetVersion(name, int.Parse(File.ReadAllText(path).Trim(), CultureInfo.InvariantCulture)) : null;
    }

    /// <summary>The version <paramref name="alias"/> points at, or a <see cref="TrackingException"/> saying there is none.</summary>
    public RegisteredVersion GetByAlias(string name, string alias) =>
        FindByAlias(name, alias) ?? throw TrackingException.NoAlias(name, alias, Root);

    /// <summary>One version, or a <see cref="TrackingException"/> when it does not exist.</summary>
    public RegisteredVersion GetVersion(string name, int version)
    {
        var folder = Path.Combine(ModelFolder(name), $"version-{version}");
        var metaPath = Path.Combine(folder, "meta.yaml");
        if (!File.Exists(metaPath))
        {
            throw TrackingException.VersionNotFound(name, version);
        }

        var meta = MiniYaml.Read(File.ReadAllText(metaPath));
        var tagsFolder = Path.Combine(folder, "tags");
        var tags = Directory.Exists(tagsFolder)
            ? Directory.EnumerateFiles(tagsFolder).ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal)
            : new Dictionary<string, string>();
        return new RegisteredVersion(
            name,
            version,
            meta.GetValueOrDefault("source") ?? throw TrackingException.Corrupt(metaPath, "no source"),
            meta.GetValueOrDefault("run_id"),
            DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(meta.GetValueOrDefault("creation_timestamp") ?? "0", CultureInfo.InvariantCulture)),
            Aliases(name).Where(a => a.Value == version).Select(a => a.Key).Order(StringComparer.Ordinal).ToList(),
            tags);
    }

    /// <summary>Every version of a registered model, oldest first (none when it does not exist).</summary>
    public IReadOnlyList<RegisteredVersion> Versions(string name)
    {
        var folder = ModelFolder(name);
        return Directory.Exists(folder) ? [.. VersionNumbers(folder).Order().Select(v => GetVersion(name, v))] : [];
    }

    private Dictionary<string, int> Aliases(string name)
    {
        var folder = Path.Combine(ModelFolder(name), "aliases");
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).ToDictionary(f => Path.GetFileName(f), f => int.Parse(File.ReadAllText(f).Trim(), CultureInfo.InvariantCulture), StringComparer.Ordinal)
            : [];
    }

    private string ModelFolder(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.IndexOfAny(['/', '\\', '%']) >= 0 || name is "." or "..")
        {
            throw TrackingException.InvalidName("registered model name", name, "no path separators or '%'");
        }

        return Path.Combine(Root, "models", name);
    }

    private static IEnumerable<int> VersionNumbers(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateDirectories(folder, "version-*")
                .Select(d => int.TryParse(Path.GetFileName(d)["version-".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0)
                .Where(v => v > 0)
            : [];
}

using System.Globalization;

namespace Nyc311.Dashboard.Data;

/// <summary>A training, backtest or forecast run recorded in the lake's MLflow-style tracking store.</summary>
internal sealed record TrackedRun(
    string RunId,
    string Experiment,
    string RunName,
    string Status,
    DateTimeOffset? Started,
    DateTimeOffset? Ended,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, string> Parameters);

/// <summary>A registered model version, with the run that produced it (its backtest metrics) when found.</summary>
internal sealed record ModelVersion(string Name, int Version, string? RunId, DateTimeOffset? CreatedAt, IReadOnlyList<string> Aliases, TrackedRun? Run);

/// <summary>What the tracking store and registry hold; empty lists (and the flags) say "no models yet".</summary>
internal sealed record ModelCatalog(IReadOnlyList<ModelVersion> Versions, IReadOnlyList<TrackedRun> Runs, bool TrackingExists, bool RegistryExists, IReadOnlyList<string> Problems)
{
    public static ModelCatalog None { get; } = new([], [], false, false, []);

    public bool IsEmpty => Versions.Count == 0 && Runs.Count == 0;
}

/// <summary>
/// Reads, without writing anything, the forecasting job's MLflow file store (<c>&lt;lake&gt;/_mlruns</c>:
/// <c>&lt;experiment&gt;/meta.yaml</c>, <c>&lt;experiment&gt;/&lt;run&gt;/{meta.yaml, params/, metrics/, tags/}</c>) and its
/// MLflow file registry (<c>&lt;lake&gt;/_registry/models/&lt;name&gt;/{version-N/meta.yaml, aliases/&lt;alias&gt;}</c>).
/// Anything unreadable is listed as a problem instead of failing the page.
/// </summary>
internal sealed class ModelRegistryReader(string lakeRoot)
{
    /// <summary>Runs listed, newest first.</summary>
    public const int MaxRuns = 40;

    private static readonly string[] StatusNames = ["", "running", "scheduled", "finished", "failed", "killed"];

    public string TrackingRoot { get; } = Path.Combine(Path.GetFullPath(lakeRoot), "_mlruns");

    public string RegistryRoot { get; } = Path.Combine(Path.GetFullPath(lakeRoot), "_registry");

    public ModelCatalog Read()
    {
        var problems = new List<string>();
        var runs = Directory.Exists(TrackingRoot) ? ReadRuns(problems) : [];
        var byId = runs.ToDictionary(r => r.RunId, StringComparer.Ordinal);
        var versions = Directory.Exists(RegistryRoot) ? ReadVersions(byId, problems) : [];
        return new ModelCatalog(
            versions,
            [.. runs.OrderByDescending(r => r.Started).Take(MaxRuns)],
            Directory.Exists(TrackingRoot),
            Directory.Exists(RegistryRoot),
            problems);
    }

    private List<TrackedRun> ReadRuns(List<string> problems)
    {
        var runs = new List<TrackedRun>();
        foreach (var experiment in Directory.EnumerateDirectories(TrackingRoot).Where(d => !Path.GetFileName(d).StartsWith('.')))
        {
            var experimentMeta = Meta(Path.Combine(experiment, "meta.yaml"), problems);
            var experimentName = experimentMeta.GetValueOrDefault("name") ?? Path.GetFileName(experiment);
            foreach (var run in Directory.EnumerateDirectories(experiment))
            {
                var metaPath = Path.Combine(run, "meta.yaml");
                if (!File.Exists(metaPath))
                {
                    continue;
                }

                var meta = Meta(metaPath, problems);
                if (meta.GetValueOrDefault("lifecycle_stage") == "deleted")
                {
                    continue;
                }

                var status = int.TryParse(meta.GetValueOrDefault("status"), CultureInfo.InvariantCulture, out var s) && s > 0 && s < StatusNames.Length ? StatusNames[s] : meta.GetValueOrDefault("status") ?? "";
                runs.Add(new TrackedRun(
                    meta.GetValueOrDefault("run_id") ?? Path.GetFileName(run),
                    experimentName,
                    meta.GetValueOrDefault("run_name") ?? "",
                    status,
                    Millis(meta.GetValueOrDefault("start_time")),
                    Millis(meta.GetValueOrDefault("end_time")),
                    Metrics(Files(Path.Combine(run, "metrics"), problems)),
                    Files(Path.Combine(run, "params"), problems)));
            }
        }

        return runs;
    }

    private List<ModelVersion> ReadVersions(Dictionary<string, TrackedRun> runs, List<string> problems)
    {
        var versions = new List<ModelVersion>();
        var models = Path.Combine(RegistryRoot, "models");
        if (!Directory.Exists(models))
        {
            return versions;
        }

        foreach (var model in Directory.EnumerateDirectories(models))
        {
            var name = Path.GetFileName(model);
            var aliases = Files(Path.Combine(model, "aliases"), problems);
            foreach (var folder in Directory.EnumerateDirectories(model, "version-*"))
            {
                var meta = Meta(Path.Combine(folder, "meta.yaml"), problems);
                if (!int.TryParse(meta.GetValueOrDefault("version") ?? Path.GetFileName(folder)["version-".Length..], CultureInfo.InvariantCulture, out var version))
                {
                    continue;
                }

                var runId = meta.GetValueOrDefault("run_id");
                versions.Add(new ModelVersion(
                    meta.GetValueOrDefault("name") ?? name,
                    version,
                    runId,
                    Millis(meta.GetValueOrDefault("creation_timestamp")),
                    [.. aliases.Where(a => a.Value == version.ToString(CultureInfo.InvariantCulture)).Select(a => a.Key).Order(StringComparer.Ordinal)],
                    runId is not null ? runs.GetValueOrDefault(runId) : null));
            }
        }

        return [.. versions.OrderBy(v => v.Name, StringComparer.Ordinal).ThenByDescending(v => v.Version)];
    }

    /// <summary>The flat <c>key: value</c> lines of an MLflow <c>meta.yaml</c> (quotes removed).</summary>
    internal static Dictionary<string, string?> ParseMeta(string text)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || line.StartsWith(' ') || line.StartsWith('-'))
            {
                continue;
            }

            var raw = line[(colon + 1)..].Trim();
            values[line[..colon].Trim()] = raw switch
            {
                "" or "null" or "~" => null,
                _ when raw.Length >= 2 && raw[0] == '\'' && raw[^1] == '\'' => raw[1..^1].Replace("''", "'", StringComparison.Ordinal),
                _ when raw.Length >= 2 && raw[0] == '"' && raw[^1] == '"' => raw[1..^1],
                _ => raw,
            };
        }

        return values;
    }

    private static Dictionary<string, string?> Meta(string path, List<string> problems)
    {
        try
        {
            return File.Exists(path) ? ParseMeta(File.ReadAllText(path)) : [];
        }
        catch (IOException e)
        {
            problems.Add($"{path}: {e.Message}");
            return [];
        }
    }

    /// <summary>The trimmed text of every file below <paramref name="folder"/>, by relative path ('/'-separated).</summary>
    private static Dictionary<string, string> Files(string folder, List<string> problems)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
        {
            return values;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal)))
        {
            try
            {
                values[Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/')] = File.ReadAllText(file).Trim();
            }
            catch (IOException e)
            {
                problems.Add($"{file}: {e.Message}");
            }
        }

        return values;
    }

    // A metric file holds one "timestamp value step" line per logged value; the last is the current one.
    private static Dictionary<string, double> Metrics(Dictionary<string, string> files)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, text) in files)
        {
            var parts = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault()?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts is { Length: >= 2 } && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                metrics[name] = value;
            }
        }

        return metrics;
    }

    private static DateTimeOffset? Millis(string? text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) && ms > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}

using System.Globalization;
using System.Text;

namespace Nyc311.Forecasting.Tracking;

/// <summary>
/// A local tracking store laid out as MLflow's file store, so <c>mlflow ui --backend-store-uri DIR</c> opens it:
/// <c>DIR/&lt;experiment id&gt;/meta.yaml</c>, and per run <c>&lt;run id&gt;/meta.yaml</c>, <c>params/&lt;key&gt;</c>
/// (the value), <c>metrics/&lt;key&gt;</c> (lines <c>timestamp value step</c>), <c>tags/&lt;key&gt;</c> and
/// <c>artifacts/</c>. Times are milliseconds since the epoch from the injected clock.
/// </summary>
public sealed class MlflowFileStore : IExperimentTracker
{
    private static readonly Lock CreateGate = new();
    private readonly TimeProvider _time;

    /// <summary>Opens (creating when absent) a store at <paramref name="root"/>, with MLflow's <c>Default</c> experiment 0.</summary>
    public MlflowFileStore(string root, TimeProvider? time = null, string? user = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
        _time = time ?? TimeProvider.System;
        User = user ?? Environment.UserName;
        Directory.CreateDirectory(Path.Combine(Root, ".trash"));
        lock (CreateGate)
        {
            if (!File.Exists(Path.Combine(Root, "0", "meta.yaml")))
            {
                WriteExperiment("0", "Default");
            }
        }
    }

    /// <summary>The store's folder.</summary>
    public string Root { get; }

    /// <summary>The user recorded on runs.</summary>
    public string User { get; }

    /// <summary>The id of the experiment named <paramref name="name"/>, or null.</summary>
    public string? FindExperiment(string name)
    {
        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            var meta = Path.Combine(folder, "meta.yaml");
            if (File.Exists(meta) && MiniYaml.Read(File.ReadAllText(meta)).GetValueOrDefault("name") == name)
            {
                return Path.GetFileName(folder);
            }
        }

        return null;
    }

    /// <summary>The id of the experiment named <paramref name="name"/>, created (with the next free number) when absent.</summary>
    public string EnsureExperiment(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (CreateGate)
        {
            if (FindExperiment(name) is { } existing)
            {
                return existing;
            }

            var next = Directory.EnumerateDirectories(Root)
                .Select(d => long.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1)
                .DefaultIfEmpty(0).Max() + 1;
            var id = next.ToString(CultureInfo.InvariantCulture);
            WriteExperiment(id, name);
            return id;
        }
    }

    /// <inheritdoc />
    public ITrackedRun StartRun(string experimentName, string runName, IReadOnlyDictionary<string, string>? tags = null)
    {
        var experimentId = EnsureExperiment(experimentName);
        var run = new FileRun(this, experimentId, MlflowNames.NewRunId(), runName, Now());
        run.SetTags(new Dictionary<string, string>
        {
            ["mlflow.runName"] = runName,
            ["mlflow.user"] = User,
            ["mlflow.source.name"] = "nyc311",
            ["mlflow.source.type"] = "LOCAL",
        });
        if (tags is not null)
        {
            run.SetTags(tags);
        }

        return run;
    }

    /// <summary>The folder of a run.</summary>
    public string RunFolder(string experimentId, string runId) => Path.Combine(Root, experimentId, runId);

    /// <summary>Reads a run's parameters, metrics (latest value), tags and status, as <c>mlflow</c> would show them.</summary>
    public StoredRun ReadRun(string experimentId, string runId)
    {
        var folder = RunFolder(experimentId, runId);
        var metaPath = Path.Combine(folder, "meta.yaml");
        if (!File.Exists(metaPath))
        {
            throw TrackingException.Corrupt(metaPath, "no such run");
        }

        var meta = MiniYaml.Read(File.ReadAllText(metaPath));
        return new StoredRun(
            runId,
            experimentId,
            (RunStatus)int.Parse(meta.GetValueOrDefault("status") ?? "1", CultureInfo.InvariantCulture),
            ReadFiles(Path.Combine(folder, "params"), text => text),
            ReadFiles(Path.Combine(folder, "metrics"), text => double.Parse(text.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Split(' ')[1], CultureInfo.InvariantCulture)),
            ReadFiles(Path.Combine(folder, "tags"), text => text),
            Path.Combine(folder, "artifacts"));
    }

    internal long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private void WriteExperiment(string id, string name)
    {
        var folder = Path.Combine(Root, id);
        Directory.CreateDirectory(folder);
        var now = Now();
        WriteAtomically(Path.Combine(folder, "meta.yaml"), MiniYaml.Write(new Dictionary<string, object?>
        {
            ["artifact_location"] = new Uri(folder).AbsoluteUri,
            ["creation_time"] = now,
            ["experiment_id"] = id,
            ["last_update_time"] = now,
            ["lifecycle_stage"] = "active",
            ["name"] = name,
        }));
    }

    internal static void WriteAtomically(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        File.WriteAllText(temporary, text, new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }

    private static Dictionary<string, T> ReadFiles<T>(string folder, Func<string, T> parse)
    {
        var values = new Dictionary<string, T>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
        {
            return values;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var key = Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');
            values[key] = parse(File.ReadAllText(file));
        }

        return values;
    }

    /// <summary>A run of the file store.</summary>
    private sealed class FileRun : ITrackedRun
    {
        private readonly Lock _gate = new();
        private readonly MlflowFileStore _store;
        private readonly string _folder;
        private readonly string _runName;
        private readonly long _startTime;

        public FileRun(MlflowFileStore store, string experimentId, string runId, string runName, long startTime)
        {
            _store = store;
            ExperimentId = experimentId;
            RunId = runId;
            _runName = runName;
            _startTime = startTime;
            _folder = store.RunFolder(experimentId, runId);
            Directory.CreateDirectory(Path.Combine(_folder, "artifacts"));
            Directory.CreateDirectory(Path.Combine(_folder, "params"));
            Directory.CreateDirectory(Path.Combine(_folder, "metrics"));
            Directory.CreateDirectory(Path.Combine(_folder, "tags"));
            WriteMeta(RunStatus.Running, null);
        }

        public string RunId { get; }

        public string ExperimentId { get; }

        public string ArtifactUri => new Uri(Path.Combine(_folder, "artifacts")).AbsoluteUri;

        public void LogParameters(IReadOnlyDictionary<string, string> parameters)
        {
            ArgumentNullException.ThrowIfNull(parameters);
            lock (_gate)
            {
                foreach (var (key, value) in parameters)
                {
                    WriteAtomically(KeyPath("params", key), value);
                }
            }
        }

        public void LogMetric(string key, double value, long stepNumber = 0)
        {
            var line = string.Create(CultureInfo.InvariantCulture, $"{_store.Now()} {value:R} {stepNumber}\n");
            lock (_gate)
            {
                var path = KeyPath("metrics", key);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.AppendAllText(path, line);
            }
        }

        public void SetTags(IReadOnlyDictionary<string, string> tags)
        {
            ArgumentNullException.ThrowIfNull(tags);
            lock (_gate)
            {
                foreach (var (key, value) in tags)
                {
                    WriteAtomically(KeyPath("tags", key), value);
                }
            }
        }

        public void LogArtifact(string relativePath, ReadOnlySpan<byte> content)
        {
            var path = Path.GetFullPath(Path.Combine(_folder, "artifacts", relativePath));
            if (!path.StartsWith(Path.Combine(_folder, "artifacts") + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw TrackingException.InvalidName("artifact path", relativePath, "must stay inside the run's artifacts");
            }

            lock (_gate)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, content.ToArray());
            }
        }

        public void Finish(RunStatus status)
        {
            lock (_gate)
            {
                WriteMeta(status, _store.Now());
            }
        }

        private string KeyPath(string kind, string key) =>
            Path.Combine(_folder, kind, MlflowNames.Key(key).Replace('/', Path.DirectorySeparatorChar));

        private void WriteMeta(RunStatus status, long? endTime) =>
            WriteAtomically(Path.Combine(_folder, "meta.yaml"), MiniYaml.Write(new Dictionary<string, object?>
            {
                ["artifact_uri"] = ArtifactUri,
                ["end_time"] = endTime,
                ["entry_point_name"] = "",
                ["experiment_id"] = ExperimentId,
                ["lifecycle_stage"] = "active",
                ["run_id"] = RunId,
                ["run_name"] = _runName,
                ["run_uuid"] = RunId,
                ["source_name"] = "",
                ["source_type"] = 4,
                ["source_version"] = "",
                ["start_time"] = _startTime,
                ["status"] = (int)status,
                ["tags"] = Array.Empty<string>(),
                ["user_id"] = _store.User,
            }));
    }
}

/// <summary>A run as stored: what <c>mlflow</c> shows for it.</summary>
/// <param name="RunId">The run id.</param>
/// <param name="ExperimentId">Its experiment.</param>
/// <param name="Status">Its status.</param>
/// <param name="Parameters">Parameters by key.</param>
/// <param name="Metrics">The latest value of each metric.</param>
/// <param name="Tags">Tags by key.</param>
/// <param name="ArtifactsFolder">The folder of its artifacts.</param>
public sealed record StoredRun(
    string RunId,
    string ExperimentId,
    RunStatus Status,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, string> Tags,
    string ArtifactsFolder);

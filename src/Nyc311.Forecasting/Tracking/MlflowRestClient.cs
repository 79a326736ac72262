using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nyc311.Forecasting.Tracking;

/// <summary>
/// A client of a remote MLflow tracking server's REST API (<c>/api/2.0/mlflow/...</c>): experiments, runs
/// (parameters, metrics and tags sent in <c>runs/log-batch</c> calls when the run ends, within MLflow's batch
/// limits), artifacts through the server's artifact proxy when the run's artifact URI is
/// <c>mlflow-artifacts:</c>, and the model registry (versions and aliases). Calls are synchronous, since
/// training is; failures raise a <see cref="TrackingException"/> naming the endpoint.
/// </summary>
public sealed class MlflowRestClient : IExperimentTracker
{
    private const int MaxMetricsPerBatch = 1000;
    private const int MaxParamsPerBatch = 100;
    private const int MaxTagsPerBatch = 100;

    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    /// <summary>A client of the server at <paramref name="baseUri"/> (for example <c>http://127.0.0.1:5000/</c>) using <paramref name="http"/>.</summary>
    public MlflowRestClient(Uri baseUri, HttpClient http, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        BaseUri = baseUri.AbsoluteUri.EndsWith('/') ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The server's base address.</summary>
    public Uri BaseUri { get; }

    /// <summary>The id of the experiment named <paramref name="name"/>, created when the server has none.</summary>
    public string EnsureExperiment(string name)
    {
        var found = Send(HttpMethod.Get, $"api/2.0/mlflow/experiments/get-by-name?experiment_name={Uri.EscapeDataString(name)}", null, allowNotFound: true);
        if (found?["experiment"]?["experiment_id"]?.GetValue<string>() is { } id)
        {
            return id;
        }

        var created = Send(HttpMethod.Post, "api/2.0/mlflow/experiments/create", new JsonObject { ["name"] = name });
        return created?["experiment_id"]?.GetValue<string>() ?? throw TrackingException.Remote(BaseUri.AbsoluteUri, "experiments/create returned no experiment_id");
    }

    /// <inheritdoc />
    public ITrackedRun StartRun(string experimentName, string runName, IReadOnlyDictionary<string, string>? tags = null)
    {
        var experimentId = EnsureExperiment(experimentName);
        var tagList = new JsonArray { Tag("mlflow.runName", runName), Tag("mlflow.source.name", "nyc311"), Tag("mlflow.source.type", "LOCAL") };
        foreach (var (key, value) in tags ?? new Dictionary<string, string>())
        {
            tagList.Add(Tag(key, value));
        }

        var response = Send(HttpMethod.Post, "api/2.0/mlflow/runs/create", new JsonObject
        {
            ["experiment_id"] = experimentId,
            ["run_name"] = runName,
            ["start_time"] = _time.GetUtcNow().ToUnixTimeMilliseconds(),
            ["tags"] = tagList,
        });
        var info = response?["run"]?["info"] ?? throw TrackingException.Remote(BaseUri.AbsoluteUri, "runs/create returned no run");
        var runId = info["run_id"]?.GetValue<string>() ?? info["run_uuid"]?.GetValue<string>()
            ?? throw TrackingException.Remote(BaseUri.AbsoluteUri, "runs/create returned no run_id");
        return new RemoteRun(this, experimentId, runId, info["artifact_uri"]?.GetValue<string>() ?? "");
    }

    /// <summary>Registers a new version of <paramref name="model"/> (creating the registered model when absent); returns its version number.</summary>
    public int CreateModelVersion(string model, string source, string runId, string? description = null)
    {
        var existing = Send(HttpMethod.Get, $"api/2.0/mlflow/registered-models/get?name={Uri.EscapeDataString(model)}", null, allowNotFound: true);
        if (existing is null)
        {
            Send(HttpMethod.Post, "api/2.0/mlflow/registered-models/create", new JsonObject { ["name"] = model });
        }

        var body = new JsonObject { ["name"] = model, ["source"] = source, ["run_id"] = runId };
        if (description is not null)
        {
            body["description"] = description;
        }

        var created = Send(HttpMethod.Post, "api/2.0/mlflow/model-versions/create", body);
        var version = created?["model_version"]?["version"]?.GetValue<string>()
            ?? throw TrackingException.Remote(BaseUri.AbsoluteUri, "model-versions/create returned no version");
        return int.Parse(version, CultureInfo.InvariantCulture);
    }

    /// <summary>Points <paramref name="alias"/> of <paramref name="model"/> at <paramref name="version"/>.</summary>
    public void SetAlias(string model, string alias, int version) =>
        Send(HttpMethod.Post, "api/2.0/mlflow/registered-models/alias", new JsonObject
        {
            ["name"] = model,
            ["alias"] = alias,
            ["version"] = version.ToString(CultureInfo.InvariantCulture),
        });

    /// <summary>The version <paramref name="alias"/> points at, or null when the alias or model does not exist.</summary>
    public int? GetAlias(string model, string alias)
    {
        var found = Send(HttpMethod.Get, $"api/2.0/mlflow/registered-models/alias?name={Uri.EscapeDataString(model)}&alias={Uri.EscapeDataString(alias)}", null, allowNotFound: true);
        return found?["model_version"]?["version"]?.GetValue<string>() is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : null;
    }

    private static JsonObject Tag(string key, string value) => new() { ["key"] = MlflowNames.Key(key), ["value"] = value };

    private JsonNode? Send(HttpMethod method, string path, JsonNode? body, bool allowNotFound = false)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseUri, path));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return Send(request, path, allowNotFound);
    }

    private JsonNode? Send(HttpRequestMessage request, string path, bool allowNotFound)
    {
        HttpResponseMessage response;
        try
        {
            response = _http.Send(request);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            throw TrackingException.Remote(BaseUri.AbsoluteUri, $"{path}: {e.Message}", e);
        }

        using (response)
        {
            using var stream = response.Content.ReadAsStream();
            using var reader = new StreamReader(stream);
            var text = reader.ReadToEnd();
            if (response.IsSuccessStatusCode)
            {
                return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text);
            }

            var error = TryParse(text);
            if (allowNotFound && (response.StatusCode == System.Net.HttpStatusCode.NotFound || error?["error_code"]?.GetValue<string>() == "RESOURCE_DOES_NOT_EXIST"))
            {
                return null;
            }

            var message = error?["message"]?.GetValue<string>() ?? text;
            throw TrackingException.Remote(BaseUri.AbsoluteUri, $"{path.Split('?')[0]} answered {(int)response.StatusCode}: {message}");
        }
    }

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A remote run: values are buffered and sent in batches when the run ends.</summary>
    private sealed class RemoteRun(MlflowRestClient client, string experimentId, string runId, string artifactUri) : ITrackedRun
    {
        private readonly Lock _gate = new();
        private readonly List<JsonObject> _params = [];
        private readonly List<JsonObject> _metrics = [];
        private readonly List<JsonObject> _tags = [];

        public string RunId => runId;

        public string ExperimentId => experimentId;

        public string ArtifactUri => artifactUri;

        public void LogParameters(IReadOnlyDictionary<string, string> parameters)
        {
            lock (_gate)
            {
                _params.AddRange(parameters.Select(p => new JsonObject { ["key"] = MlflowNames.Key(p.Key), ["value"] = p.Value }));
            }
        }

        public void LogMetric(string key, double value, long stepNumber = 0)
        {
            var metric = new JsonObject
            {
                ["key"] = MlflowNames.Key(key),
                // MLflow's JSON (protobuf's mapping) spells non-finite doubles as strings; null would be refused.
                ["value"] = double.IsFinite(value) ? value : double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity",
                ["timestamp"] = client._time.GetUtcNow().ToUnixTimeMilliseconds(),
                ["step"] = stepNumber,
            };
            lock (_gate)
            {
                _metrics.Add(metric);
            }
        }

        public void SetTags(IReadOnlyDictionary<string, string> tags)
        {
            lock (_gate)
            {
                _tags.AddRange(tags.Select(t => Tag(t.Key, t.Value)));
            }
        }

        public void LogArtifact(string relativePath, ReadOnlySpan<byte> content)
        {
            const string proxied = "mlflow-artifacts:/";
            if (!artifactUri.StartsWith(proxied, StringComparison.Ordinal))
            {
                // The server stores artifacts where this process cannot write; they stay in the local store.
                return;
            }

            var location = artifactUri[proxied.Length..].TrimStart('/') + "/" + relativePath.TrimStart('/');
            using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(client.BaseUri, "api/2.0/mlflow-artifacts/artifacts/" + string.Join('/', location.Split('/').Select(Uri.EscapeDataString))))
            {
                Content = new ByteArrayContent(content.ToArray()),
            };
            client.Send(request, "mlflow-artifacts/artifacts", allowNotFound: false);
        }

        public void Finish(RunStatus status)
        {
            lock (_gate)
            {
                // MLflow's log-batch limits: 1000 metrics, 100 params and 100 tags per call.
                var offsets = (Metrics: 0, Params: 0, Tags: 0);
                while (offsets.Metrics < _metrics.Count || offsets.Params < _params.Count || offsets.Tags < _tags.Count)
                {
                    var body = new JsonObject
                    {
                        ["run_id"] = runId,
                        ["metrics"] = new JsonArray([.. _metrics.Skip(offsets.Metrics).Take(MaxMetricsPerBatch).Select(m => m.DeepClone())]),
                        ["params"] = new JsonArray([.. _params.Skip(offsets.Params).Take(MaxParamsPerBatch).Select(p => p.DeepClone())]),
                        ["tags"] = new JsonArray([.. _tags.Skip(offsets.Tags).Take(MaxTagsPerBatch).Select(t => t.DeepClone())]),
                    };
                    client.Send(HttpMethod.Post, "api/2.0/mlflow/runs/log-batch", body);
                    offsets = (offsets.Metrics + MaxMetricsPerBatch, offsets.Params + MaxParamsPerBatch, offsets.Tags + MaxTagsPerBatch);
                }

                _metrics.Clear();
                _params.Clear();
                _tags.Clear();
                client.Send(HttpMethod.Post, "api/2.0/mlflow/runs/update", new JsonObject
                {
                    ["run_id"] = runId,
                    ["status"] = status.ToString().ToUpperInvariant(),
                    ["end_time"] = client._time.GetUtcNow().ToUnixTimeMilliseconds(),
                });
            }
        }
    }
}

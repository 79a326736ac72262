using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Nyc311.Forecasting.Tests.Tracking;

/// <summary>
/// A loopback MLflow tracking server (Kestrel on 127.0.0.1) implementing the REST calls the client makes, in
/// memory: experiments, runs with log-batch and update, the artifact proxy, registered models, versions and aliases.
/// </summary>
public sealed class MlflowTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _nextExperiment = 1;

    private MlflowTestServer(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    public ConcurrentDictionary<string, string> Experiments { get; } = new();

    public ConcurrentDictionary<string, RemoteRun> Runs { get; } = new();

    public ConcurrentDictionary<string, byte[]> Artifacts { get; } = new();

    public ConcurrentDictionary<string, List<(int Version, string Source, string RunId)>> Models { get; } = new();

    public ConcurrentDictionary<(string Model, string Alias), int> Aliases { get; } = new();

    public ConcurrentQueue<string> Calls { get; } = new();

    /// <summary>When set, every call fails with this status.</summary>
    public int? FailWith { get; set; }

    public static async Task<MlflowTestServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new MlflowTestServer(app);
        server.Map(app);
        await app.StartAsync();
        var address = app.Services.GetService(typeof(IServer)) is IServer s ? s.Features.Get<IServerAddressesFeature>()!.Addresses.First() : throw new InvalidOperationException();
        server.BaseUri = new Uri(address + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            Calls.Enqueue($"{context.Request.Method} {context.Request.Path}");
            if (FailWith is { } status)
            {
                context.Response.StatusCode = status;
                await context.Response.WriteAsJsonAsync(new JsonObject { ["error_code"] = "INTERNAL_ERROR", ["message"] = "the test server was told to fail" });
                return;
            }

            await next(context);
        });
        const string api = "/api/2.0/mlflow/";
        app.MapGet(api + "experiments/get-by-name", (string experiment_name) =>
            Experiments.TryGetValue(experiment_name, out var id)
                ? Results.Json(new JsonObject { ["experiment"] = new JsonObject { ["experiment_id"] = id, ["name"] = experiment_name } })
                : NotFound($"experiment {experiment_name}"));
        app.MapPost(api + "experiments/create", async (HttpRequest request) =>
        {
            var body = await Body(request);
            var id = Interlocked.Increment(ref _nextExperiment).ToString(CultureInfo.InvariantCulture);
            Experiments[body["name"]!.GetValue<string>()] = id;
            return Results.Json(new JsonObject { ["experiment_id"] = id });
        });
        app.MapPost(api + "runs/create", async (HttpRequest request) =>
        {
            var body = await Body(request);
            var runId = Guid.NewGuid().ToString("N");
            var experimentId = body["experiment_id"]!.GetValue<string>();
            var run = new RemoteRun(experimentId, body["run_name"]?.GetValue<string>() ?? "");
            foreach (var tag in body["tags"]!.AsArray())
            {
                run.Tags[tag!["key"]!.GetValue<string>()] = tag["value"]!.GetValue<string>();
            }

            Runs[runId] = run;
            return Results.Json(new JsonObject { ["run"] = new JsonObject { ["info"] = new JsonObject { ["run_id"] = runId, ["experiment_id"] = experimentId, ["artifact_uri"] = $"mlflow-artifacts:/{experimentId}/{runId}/artifacts" } } });
        });
        app.MapPost(api + "runs/log-batch", async (HttpRequest request) =>
        {
            var body = await Body(request);
            var run = Runs[body["run_id"]!.GetValue<string>()];
            lock (run)
            {
                foreach (var p in body["params"]!.AsArray())
                {
                    run.Params[p!["key"]!.GetValue<string>()] = p["value"]!.GetValue<string>();
                }

                foreach (var m in body["metrics"]!.AsArray())
                {
                    var value = m!["value"]!.GetValueKind() == System.Text.Json.JsonValueKind.String
                        ? double.Parse(m["value"]!.GetValue<string>(), CultureInfo.InvariantCulture)
                        : m["value"]!.GetValue<double>();
                    run.Metrics.Add((m["key"]!.GetValue<string>(), value, m["step"]!.GetValue<long>()));
                }

                foreach (var t in body["tags"]!.AsArray())
                {
                    run.Tags[t!["key"]!.GetValue<string>()] = t["value"]!.GetValue<string>();
                }

                run.Batches++;
            }

            return Results.Json(new JsonObject());
        });
        app.MapPost(api + "runs/update", async (HttpRequest request) =>
        {
            var body = await Body(request);
            Runs[body["run_id"]!.GetValue<string>()].Status = body["status"]!.GetValue<string>();
            return Results.Json(new JsonObject());
        });
        app.MapPut("/api/2.0/mlflow-artifacts/artifacts/{**path}", async (string path, HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            Artifacts[path] = buffer.ToArray();
            return Results.Json(new JsonObject());
        });
        app.MapGet(api + "registered-models/get", (string name) =>
            Models.ContainsKey(name) ? Results.Json(new JsonObject { ["registered_model"] = new JsonObject { ["name"] = name } }) : NotFound($"model {name}"));
        app.MapPost(api + "registered-models/create", async (HttpRequest request) =>
        {
            var name = (await Body(request))["name"]!.GetValue<string>();
            Models[name] = [];
            return Results.Json(new JsonObject { ["registered_model"] = new JsonObject { ["name"] = name } });
        });
        app.MapPost(api + "model-versions/create", async (HttpRequest request) =>
        {
            var body = await Body(request);
            var versions = Models[body["name"]!.GetValue<string>()];
            var version = versions.Count + 1;
            versions.Add((version, body["source"]!.GetValue<string>(), body["run_id"]!.GetValue<string>()));
            return Results.Json(new JsonObject { ["model_version"] = new JsonObject { ["version"] = version.ToString(CultureInfo.InvariantCulture) } });
        });
        app.MapPost(api + "registered-models/alias", async (HttpRequest request) =>
        {
            var body = await Body(request);
            Aliases[(body["name"]!.GetValue<string>(), body["alias"]!.GetValue<string>())] = int.Parse(body["version"]!.GetValue<string>(), CultureInfo.InvariantCulture);
            return Results.Json(new JsonObject());
        });
        app.MapGet(api + "registered-models/alias", (string name, string alias) =>
            Aliases.TryGetValue((name, alias), out var v)
                ? Results.Json(new JsonObject { ["model_version"] = new JsonObject { ["version"] = v.ToString(CultureInfo.InvariantCulture) } })
                : NotFound($"alias {alias}"));
    }

    private static IResult NotFound(string what) =>
        Results.Json(new JsonObject { ["error_code"] = "RESOURCE_DOES_NOT_EXIST", ["message"] = $"{what} not found" }, statusCode: 404);

    private static async Task<JsonNode> Body(HttpRequest request) =>
        (await JsonNode.ParseAsync(request.Body))!;

    public sealed class RemoteRun(string experimentId, string name)
    {
        public string ExperimentId { get; } = experimentId;

        public string Name { get; } = name;

        public Dictionary<string, string> Params { get; } = [];

        public List<(string Key, double Value, long Step)> Metrics { get; } = [];

        public Dictionary<string, string> Tags { get; } = [];

        public string Status { get; set; } = "RUNNING";

        public int Batches { get; set; }
    }
}

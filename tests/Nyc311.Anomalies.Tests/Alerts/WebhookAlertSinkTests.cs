using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Nyc311.Anomalies.Alerts;
using Nyc311.Anomalies.Tests.Support;

namespace Nyc311.Anomalies.Tests.Alerts;

public sealed class WebhookAlertSinkTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _bodies = new();
    private readonly Queue<int> _answers = new();
    private WebApplication? _app;
    private Uri _url = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapPost("/hook", async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            _bodies.Enqueue(await reader.ReadToEndAsync());
            int status;
            lock (_answers)
            {
                status = _answers.Count > 0 ? _answers.Dequeue() : 200;
            }

            context.Response.StatusCode = status;
        });
        await _app.StartAsync();
        _url = new Uri(_app.Urls.First().TrimEnd('/') + "/hook");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private WebhookAlertSink Sink(HttpClient http, int retries = 3) =>
        new(http, new WebhookAlertOptions { Url = _url.ToString(), MaxRetries = retries, RetryDelay = TimeSpan.FromMilliseconds(10) }, TimeProvider.System);

    [Fact]
    public async Task An_alert_is_posted_as_json_and_retried_through_server_errors()
    {
        _answers.Enqueue(503);
        _answers.Enqueue(500);
        using var http = new HttpClient();
        var sink = Sink(http);

        await sink.SendAsync(new Alert(SampleIncidents.DamagedTree(DateTimeOffset.UnixEpoch)), TestContext.Current.CancellationToken);

        sink.LastAttempts.ShouldBe(3);
        _bodies.Count.ShouldBe(3);
        using var json = JsonDocument.Parse(_bodies.Last());
        json.RootElement.GetProperty("incident_id").GetString().ShouldBe("20260804-spike-damaged_tree-queens");
        json.RootElement.GetProperty("explanation").GetString().ShouldStartWith("Damaged Tree in Queens: 1,840 requests");
        json.RootElement.GetProperty("severity").GetString().ShouldBe("critical");
        json.RootElement.GetProperty("contributors").ValueKind.ShouldBe(JsonValueKind.Array);
    }

    [Fact]
    public async Task A_client_error_fails_at_once_and_persistent_errors_give_up_after_the_retries()
    {
        using var http = new HttpClient();
        _answers.Enqueue(400);
        var rejected = await Should.ThrowAsync<AlertDeliveryException>(() => Sink(http).SendAsync(new Alert(SampleIncidents.DamagedTree(DateTimeOffset.UnixEpoch)), TestContext.Current.CancellationToken));
        rejected.Message.ShouldContain("answered 400");
        _bodies.Count.ShouldBe(1);

        for (var i = 0; i < 3; i++)
        {
            _answers.Enqueue(502);
        }

        var sink = Sink(http, retries: 2);
        var gaveUp = await Should.ThrowAsync<AlertDeliveryException>(() => sink.SendAsync(new Alert(SampleIncidents.DamagedTree(DateTimeOffset.UnixEpoch)), TestContext.Current.CancellationToken));
        gaveUp.Message.ShouldContain("gave up after 3 attempts");
        sink.LastAttempts.ShouldBe(3);
    }

    [Fact]
    public async Task A_failing_sink_does_not_stop_the_others()
    {
        using var http = new HttpClient();
        _answers.Enqueue(404);
        var recording = new RecordingSink();

        var report = await AlertDispatcher.SendAsync([new Alert(SampleIncidents.DamagedTree(DateTimeOffset.UnixEpoch))], [Sink(http), recording], TestContext.Current.CancellationToken);

        report.Delivered.ShouldBe(1);
        report.Failures.ShouldHaveSingleItem().Sink.ShouldBe("webhook");
        recording.Alerts.Count.ShouldBe(1);
    }
}

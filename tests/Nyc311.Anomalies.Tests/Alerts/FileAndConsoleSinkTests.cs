using System.Text.Json;
using Nyc311.Anomalies.Alerts;
using Nyc311.Anomalies.Tests.Support;
using Nyc311.Testing;

namespace Nyc311.Anomalies.Tests.Alerts;

public sealed class FileAndConsoleSinkTests
{
    [Fact]
    public async Task Each_alert_is_one_json_line_appended_to_the_file()
    {
        using var folder = new TempDirectory("alerts");
        var sink = new JsonLinesAlertSink(folder.Combine("out", "alerts.jsonl"));
        var incident = SampleIncidents.DamagedTree(DateTimeOffset.UnixEpoch);
        await sink.SendAsync(new Alert(incident), TestContext.Current.CancellationToken);
        await sink.SendAsync(new Alert(incident with { IncidentId = "other" }), TestContext.Current.CancellationToken);

        var lines = await File.ReadAllLinesAsync(sink.Path, TestContext.Current.CancellationToken);
        lines.Length.ShouldBe(2);
        lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("incident_id").GetString()).ShouldBe(["20260804-spike-damaged_tree-queens", "other"]);
    }

    [Fact]
    public async Task The_console_gets_one_line_per_alert()
    {
        using var output = new StringWriter();
        await new ConsoleAlertSink(output).SendAsync(new Alert(SampleIncidents.DamagedTree(DateTimeOffset.UnixEpoch)), TestContext.Current.CancellationToken);
        output.ToString().ShouldBe("ALERT [critical] spike: Damaged Tree in Queens since 2026-08-04 | Damaged Tree in Queens: 1,840 requests, expected 95 (range 70-125), 19x on 2026-08-04 | 20260804-spike-damaged_tree-queens" + Environment.NewLine);
    }

    [Fact]
    public void Sinks_follow_the_configuration_and_bad_settings_are_listed()
    {
        using var http = new HttpClient();
        var options = new AlertOptions { JsonLinesPath = "a.jsonl", Webhook = { Url = "http://127.0.0.1:9/hook" }, Smtp = { Host = "mail", From = "a@b.c", To = ["d@e.f"] } };
        AlertSinks.Create(options, TextWriter.Null, http, TimeProvider.System, _ => null).Select(s => s.Name).ShouldBe(["console", "jsonl", "webhook", "smtp"]);

        var bad = new AnomalyOptions { Detector = "magic", FdrLevel = 2, Alerts = { Webhook = { Url = "ftp://x" }, Smtp = { Host = "mail" } } };
        var error = Should.Throw<AnomalyOptionsException>(() => bad.Validate());
        error.Message.ShouldContain("Detector");
        error.Message.ShouldContain("FdrLevel");
        error.Message.ShouldContain("not an absolute http(s) URL");
        error.Message.ShouldContain("Alerts:Smtp:From");
        new AnomalyOptions().Validate().Detector.ShouldBe("ensemble");
    }
}

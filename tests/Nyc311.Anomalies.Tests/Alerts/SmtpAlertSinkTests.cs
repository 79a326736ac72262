using Nyc311.Anomalies.Alerts;
using Nyc311.Anomalies.Tests.Support;

namespace Nyc311.Anomalies.Tests.Alerts;

public sealed class SmtpAlertSinkTests
{
    [Fact]
    public async Task An_alert_is_mailed_with_the_password_from_the_environment()
    {
        await using var server = new LoopbackSmtpServer();
        var options = new SmtpAlertOptions
        {
            Host = "127.0.0.1",
            Port = server.Port,
            Security = "none",
            From = "nyc311@example.org",
            To = ["ops@example.org", "oncall@example.org"],
            Username = "alerts",
        };
        var sink = new SmtpAlertSink(options, name => name == "NYC311_SMTP_PASSWORD" ? "s3cret" : null);

        await sink.SendAsync(new Alert(SampleIncidents.DamagedTree(DateTimeOffset.UnixEpoch)), TestContext.Current.CancellationToken);

        var mail = server.Messages.ShouldHaveSingleItem();
        mail.From.ShouldBe("nyc311@example.org");
        mail.To.ShouldBe(["ops@example.org", "oncall@example.org"]);
        mail.User.ShouldBe("alerts");
        mail.Password.ShouldBe("s3cret");
        mail.Data.ShouldContain("Subject: NYC 311 [critical] spike: Damaged Tree in Queens since 2026-08-04");
        mail.Data.ShouldContain("Damaged Tree in Queens: 1,840 requests, expected 95 (range 70-125), 19x");
        mail.Data.ShouldContain("nyc311 incidents ack 20260804-spike-damaged_tree-queens");
    }

    [Fact]
    public async Task A_missing_password_or_an_unreachable_server_is_a_delivery_error()
    {
        await using var server = new LoopbackSmtpServer();
        var options = new SmtpAlertOptions { Host = "127.0.0.1", Port = server.Port, Security = "none", From = "a@b.c", To = ["d@e.f"], Username = "alerts" };
        var noPassword = await Should.ThrowAsync<AlertDeliveryException>(() => new SmtpAlertSink(options, _ => null).SendAsync(new Alert(SampleIncidents.DamagedTree(DateTimeOffset.UnixEpoch)), TestContext.Current.CancellationToken));
        noPassword.Message.ShouldContain("NYC311_SMTP_PASSWORD");
        noPassword.Message.ShouldNotContain("s3cret");

        var closedPort = server.Port;
        await server.DisposeAsync();
        var unreachable = new SmtpAlertSink(options, _ => "x");
        await Should.ThrowAsync<AlertDeliveryException>(() => unreachable.SendAsync(new Alert(SampleIncidents.DamagedTree(DateTimeOffset.UnixEpoch)), TestContext.Current.CancellationToken));
        closedPort.ShouldBeGreaterThan(0);
    }
}

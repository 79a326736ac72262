using Nyc311.Anomalies.Alerts;

namespace Nyc311.Anomalies.Tests.Support;

/// <summary>Keeps the alerts it is sent.</summary>
internal sealed class RecordingSink : IAlertSink
{
    public List<Alert> Alerts { get; } = [];

    public string Name => "recording";

    public Task SendAsync(Alert alert, CancellationToken cancellationToken)
    {
        Alerts.Add(alert);
        return Task.CompletedTask;
    }
}

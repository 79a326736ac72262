namespace Nyc311.Anomalies.Alerts;

/// <summary>Writes each alert as one line: "ALERT [critical] spike: ... | explanation | id".</summary>
public sealed class ConsoleAlertSink(TextWriter output) : IAlertSink
{
    public string Name => "console";

    public Task SendAsync(Alert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return output.WriteLineAsync($"ALERT {alert.Title} | {alert.Incident.Explanation} | {alert.Incident.IncidentId}".AsMemory(), cancellationToken);
    }
}

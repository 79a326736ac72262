namespace Nyc311.Anomalies.Alerts;

/// <summary>A sink that could not deliver an alert.</summary>
/// <param name="Sink">The sink's name.</param>
/// <param name="IncidentId">The incident whose alert was lost.</param>
/// <param name="Error">What went wrong, in one line.</param>
public sealed record AlertFailure(string Sink, string IncidentId, string Error);

/// <summary>What sending alerts did.</summary>
/// <param name="Delivered">Alerts delivered, summed over sinks.</param>
/// <param name="Failures">Alerts a sink could not deliver; the other sinks still got them.</param>
public sealed record AlertReport(int Delivered, IReadOnlyList<AlertFailure> Failures);

/// <summary>Sends one alert per incident to every sink; a failing sink does not stop the others.</summary>
public static class AlertDispatcher
{
    public static async Task<AlertReport> SendAsync(IEnumerable<Alert> alerts, IReadOnlyList<IAlertSink> sinks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(sinks);
        var delivered = 0;
        var failures = new List<AlertFailure>();
        foreach (var alert in alerts)
        {
            foreach (var sink in sinks)
            {
                try
                {
                    await sink.SendAsync(alert, cancellationToken);
                    delivered++;
                }
                catch (Exception e) when (e is AnomalyException or HttpRequestException or IOException or UnauthorizedAccessException or MailKit.CommandException or MailKit.ProtocolException)
                {
                    failures.Add(new AlertFailure(sink.Name, alert.Incident.IncidentId, e.Message));
                }
            }
        }

        return new AlertReport(delivered, failures);
    }
}

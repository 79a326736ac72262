using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Nyc311.Anomalies.Alerts;

/// <summary>
/// Sends each alert as a plain-text e-mail over SMTP (MailKit). Authenticates when a user name is set,
/// with the password from the environment variable <see cref="SmtpAlertOptions.PasswordVariable"/>
/// (never from configuration, never logged).
/// </summary>
public sealed class SmtpAlertSink(SmtpAlertOptions options, Func<string, string?> environment) : IAlertSink
{
    public string Name => "smtp";

    public async Task SendAsync(Alert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From ?? throw AlertDeliveryException.Failed(Name, "Alerts:Smtp:From is not set")));
        foreach (var to in options.To)
        {
            message.To.Add(MailboxAddress.Parse(to));
        }

        message.Subject = $"NYC 311 {alert.Title}";
        message.Headers.Add("X-Nyc311-Incident", alert.Incident.IncidentId);
        message.Body = new TextPart("plain") { Text = alert.Body };
        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(options.Host ?? throw AlertDeliveryException.Failed(Name, "Alerts:Smtp:Host is not set"), options.Port, Security(options.Security), cancellationToken);
            if (!string.IsNullOrEmpty(options.Username))
            {
                var password = environment(options.PasswordVariable)
                    ?? throw AlertDeliveryException.Failed(Name, $"Alerts:Smtp:Username is set but the environment variable {options.PasswordVariable} holding the password is not");
                await client.AuthenticateAsync(options.Username, password, cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or AuthenticationException or IOException or System.Net.Sockets.SocketException or SslHandshakeException)
        {
            throw AlertDeliveryException.Failed(Name, $"{options.Host}:{options.Port}: {e.Message}", e);
        }
    }

    private static SecureSocketOptions Security(string security) => security switch
    {
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "ssl" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}

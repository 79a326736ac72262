using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Nyc311.Anomalies.Tests.Alerts;

/// <summary>
/// A minimal SMTP receiver on 127.0.0.1 (RFC 5321 subset: EHLO, AUTH PLAIN/LOGIN, MAIL, RCPT, DATA, QUIT),
/// keeping each message and the credentials it was sent with.
/// </summary>
internal sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LoopbackSmtpServer()
    {
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public List<ReceivedMail> Messages { get; } = [];

    public sealed record ReceivedMail(string From, IReadOnlyList<string> To, string Data, string? User, string? Password);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            using (client)
            {
                await ServeAsync(client.GetStream());
            }
        }
    }

    private async Task ServeAsync(NetworkStream stream)
    {
        using var reader = new StreamReader(stream, Encoding.ASCII);
        using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost loopback SMTP");
        string from = "";
        var to = new List<string>();
        string? user = null;
        string? password = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ')[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-localhost");
                    await writer.WriteLineAsync("250 AUTH PLAIN LOGIN");
                    break;
                case "AUTH" when line.Split(' ') is [_, var mechanism, var initial] && mechanism.Equals("PLAIN", StringComparison.OrdinalIgnoreCase):
                    (user, password) = Plain(initial);
                    await writer.WriteLineAsync("235 2.7.0 authenticated");
                    break;
                case "AUTH" when line.Split(' ') is [_, var mechanism] && mechanism.Equals("PLAIN", StringComparison.OrdinalIgnoreCase):
                    await writer.WriteLineAsync("334 ");
                    (user, password) = Plain(await reader.ReadLineAsync() ?? "");
                    await writer.WriteLineAsync("235 2.7.0 authenticated");
                    break;
                case "AUTH":
                    await writer.WriteLineAsync("334 VXNlcm5hbWU6");
                    user = Decode(await reader.ReadLineAsync() ?? "");
                    await writer.WriteLineAsync("334 UGFzc3dvcmQ6");
                    password = Decode(await reader.ReadLineAsync() ?? "");
                    await writer.WriteLineAsync("235 2.7.0 authenticated");
                    break;
                case "MAIL":
                    from = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Trim('<', '>');
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    to.Add(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Trim('<', '>'));
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                    {
                        data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append('\n');
                    }

                    lock (Messages)
                    {
                        Messages.Add(new ReceivedMail(from, [.. to], data.ToString(), user, password));
                    }

                    to.Clear();
                    await writer.WriteLineAsync("250 OK queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 bye");
                    return;
                default:
                    await writer.WriteLineAsync("250 OK");
                    break;
            }
        }
    }

    private static (string User, string Password) Plain(string base64)
    {
        var parts = Decode(base64).Split('\0');
        return (parts[1], parts[2]);
    }

    private static string Decode(string base64) => Encoding.UTF8.GetString(Convert.FromBase64String(base64.Trim()));

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }

        _stop.Dispose();
    }
}

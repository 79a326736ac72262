using System.Text;

namespace Nyc311.Anomalies.Alerts;

/// <summary>Appends each alert as one JSON object on its own line to a file (created with its folder when absent).</summary>
public sealed class JsonLinesAlertSink(string path) : IAlertSink
{
    public string Name => "jsonl";

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public async Task SendAsync(Alert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (System.IO.Path.GetDirectoryName(Path) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await File.AppendAllTextAsync(Path, alert.ToJsonLine() + "\n", new UTF8Encoding(false), cancellationToken);
    }
}

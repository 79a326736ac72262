using Nyc311.Testing;

namespace Nyc311.Cli.Tests;

/// <summary>Runs the nyc311 command line in-process against a temporary lake, capturing its output.</summary>
public sealed class CliRunner : IDisposable
{
    public TempDirectory Folder { get; } = new("cli");

    public string Lake => Folder.Combine("lake");

    public Task<CliResult> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string?>(), args);

    /// <summary>Runs with extra environment variables (for example <c>NYC311_Socrata__MaxRetries</c>).</summary>
    public async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string?> variables, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new Dictionary<string, string?>(variables) { ["NYC311_LAKE"] = Lake };
        var exitCode = await new CliApplication(output, error, environment).RunAsync(args, TestContext.Current.CancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    public void Dispose() => Folder.Dispose();
}

public sealed record CliResult(int ExitCode, string Output, string Error);

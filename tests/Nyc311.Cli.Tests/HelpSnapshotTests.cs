using Snapshooter;
using Snapshooter.Xunit3;

namespace Nyc311.Cli.Tests;

public sealed class HelpSnapshotTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("root", new[] { "--help" })]
    [InlineData("table", new[] { "table", "--help" })]
    [InlineData("table-show", new[] { "table", "show", "--help" })]
    [InlineData("query", new[] { "query", "--help" })]
    public async Task Help_text_is_stable(string name, string[] args)
    {
        var result = await _cli.RunAsync(args);
        result.ExitCode.ShouldBe(0);
        result.Output.MatchSnapshot(SnapshotNameExtension.Create(name));
    }
}

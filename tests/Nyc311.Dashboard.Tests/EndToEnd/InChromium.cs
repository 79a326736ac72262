namespace Nyc311.Dashboard.Tests.EndToEnd;

/// <summary>
/// The tests in real chromium run on their own, after the others: the figures they print (how fast pages appear) are
/// then the browser's and the dashboard's, not those of whatever else the two cores were running.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class InChromium
{
    public const string Name = "chromium";
}

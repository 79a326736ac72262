using Microsoft.Playwright;

namespace Nyc311.Dashboard.Tests.EndToEnd;

/// <summary>
/// Debian's chromium (<c>apt-get install -y chromium</c>) driven by Playwright: no browser is downloaded
/// (Playwright never fetches a browser of its own here), and the browser is told not to reach the network on its own.
/// </summary>
internal static class Chromium
{
    public static readonly string[] LaunchArguments =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    /// <summary>The chromium executable on the PATH (as <c>which chromium</c> finds it).</summary>
    public static string ExecutablePath()
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Append("/usr/bin");
        return folders.Select(f => Path.Combine(f, "chromium")).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("chromium is not on the PATH: the end-to-end tests need Debian's chromium (apt-get install -y chromium)");
    }

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath(),
                Headless = true,
                Args = LaunchArguments,
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}

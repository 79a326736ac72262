using System.Diagnostics;

namespace Nyc311.Lake.Tests.Support;

/// <summary>Starts Nyc311.Lake.TestWriter (built next to the tests) as a separate writer process.</summary>
public static class TestWriterProcess
{
    public static Process Start(params string[] arguments)
    {
        // Artifacts layout: bin/<project>/<configuration>/; the writer sits in its own project folder.
        var baseDirectory = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.Combine(baseDirectory.Parent!.Parent!.FullName, "Nyc311.Lake.TestWriter", baseDirectory.Name, "Nyc311.Lake.TestWriter.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("the test writer was not built next to the tests", dll);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start the test writer");
    }
}

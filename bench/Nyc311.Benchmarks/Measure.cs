using System.Diagnostics;

namespace Nyc311.Benchmarks;

/// <summary>Times an action (best of several runs) and reports peak memory.</summary>
internal static class Measure
{
    public static TimeSpan Best(int runs, Action before, Action action)
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            before();
            var watch = Stopwatch.StartNew();
            action();
            watch.Stop();
            best = watch.Elapsed < best ? watch.Elapsed : best;
        }

        return best;
    }

    public static TimeSpan Once(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed;
    }

    public static string PeakMemory()
    {
        using var process = Process.GetCurrentProcess();
        return $"{process.PeakWorkingSet64 / (1024.0 * 1024):N0} MiB";
    }

    public static string Rate(long rows, TimeSpan elapsed) => $"{rows / elapsed.TotalSeconds:N0} rows/s";
}

using System.Globalization;

namespace Nyc311.Benchmarks;

/// <summary>"--name value" pairs from the command line.</summary>
internal sealed class BenchmarkArgs(Dictionary<string, string> values)
{
    public static BenchmarkArgs Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        return new BenchmarkArgs(values);
    }

    public long Long(string name, long fallback) =>
        values.TryGetValue(name, out var text) ? long.Parse(text.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : fallback;

    public string String(string name, string fallback) => values.GetValueOrDefault(name, fallback);

    /// <summary>A scratch folder for the run, removed afterwards unless given explicitly.</summary>
    public string Folder(string benchmark) =>
        values.TryGetValue("folder", out var folder) ? folder : Path.Combine(Path.GetTempPath(), $"nyc311-bench-{benchmark}-{Guid.NewGuid():N}");
}

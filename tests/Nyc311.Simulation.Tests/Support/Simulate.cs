using Nyc311.Simulation.Output;

namespace Nyc311.Simulation.Tests.Support;

internal static class Simulate
{
    public static SimulatorOptions Options(DateOnly from, DateOnly to, int seed = 311, bool quality = true) =>
        new() { From = from, To = to, Seed = seed, IncludeQualityProblems = quality };

    public static SimulatedDay Day(DateOnly date, int seed = 311, bool quality = true) =>
        new ServiceRequestSimulator(Options(date, date, seed, quality)).GenerateDay(date);

    public static byte[] Csv(IEnumerable<SimulatedRequest> records)
    {
        using var stream = new MemoryStream();
        using (var writer = new CsvExportWriter(stream, leaveOpen: true))
        {
            writer.WriteAll(records);
        }

        return stream.ToArray();
    }

    public static byte[] Json(IEnumerable<SimulatedRequest> records, SocrataJsonLayout layout, bool systemFields = true)
    {
        using var stream = new MemoryStream();
        using (var writer = new SocrataJsonWriter(stream, layout, systemFields, leaveOpen: true))
        {
            writer.WriteAll(records);
        }

        return stream.ToArray();
    }

    /// <summary>The type name as silver standardises it: trimmed, single spaces, upper case.</summary>
    public static string Standard(string type) =>
        string.Join(' ', type.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}

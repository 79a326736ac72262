using Nyc311.Simulation.Calibration;
using Nyc311.Simulation.Generation;
using Nyc311.Simulation.Output;

namespace Nyc311.Simulation;

/// <summary>Progress of <see cref="SimulationRun.WriteFiles"/>, reported after each finished day.</summary>
/// <param name="Day">The day just finished (days finish out of order when run in parallel).</param>
/// <param name="DaysDone">Days finished so far, missing days included.</param>
/// <param name="DaysTotal">Days in the range.</param>
/// <param name="RecordsWritten">Rows written so far.</param>
public sealed record SimulationProgress(DateOnly Day, int DaysDone, int DaysTotal, long RecordsWritten);

/// <summary>What <see cref="SimulationRun.WriteFiles"/> wrote.</summary>
/// <param name="OutputDirectory">The folder holding the files.</param>
/// <param name="Format">Their format.</param>
/// <param name="Files">Full paths of the files written, in date order, one per non-missing day.</param>
/// <param name="RecordsWritten">Rows written (re-published rows included).</param>
/// <param name="RequestsWritten">Distinct requests written: the sum of the real daily totals of the non-missing days.</param>
/// <param name="BytesWritten">Total size of the files.</param>
/// <param name="MissingDays">Days of the range without a real full-day total: no file was written for them.</param>
public sealed record SimulationRunSummary(
    string OutputDirectory,
    OutputFormat Format,
    IReadOnlyList<string> Files,
    long RecordsWritten,
    long RequestsWritten,
    long BytesWritten,
    IReadOnlyList<DateOnly> MissingDays);

/// <summary>
/// Writes simulated days to files, one per day named by date (<c>311_2024-06-01.csv</c>), the
/// shape the ingestion path reads. Days are generated in parallel; every file's bytes depend only
/// on the options and its date.
/// </summary>
public static class SimulationRun
{
    /// <summary>The file name of a day: <c>311_yyyy-MM-dd.csv</c>, <c>.json</c> or <c>.ndjson</c>.</summary>
    public static string FileNameFor(DateOnly day, OutputFormat format) => $"311_{day:yyyy-MM-dd}.{Extension(format)}";

    /// <summary>
    /// Writes one file per non-missing day of the options' range into <paramref name="outputDirectory"/>
    /// (created if needed; files of the same name are replaced, each atomically). Throws a
    /// <see cref="SimulationException"/> for invalid options or a file that cannot be written.
    /// </summary>
    public static SimulationRunSummary WriteFiles(
        SimulatorOptions options,
        string outputDirectory,
        OutputFormat format,
        IProgress<SimulationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        options.Validate();
        var directory = Path.GetFullPath(outputDirectory);
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw SimulationException.CannotWrite(directory, e);
        }

        var days = Enumerable.Range(0, options.To.DayNumber - options.From.DayNumber + 1).Select(options.From.AddDays).ToArray();
        var written = new string?[days.Length];
        long records = 0, bytes = 0;
        var done = 0;
        using var generators = new ThreadLocal<DayGenerator>(() => new DayGenerator(options));
        Parallel.ForEach(
            days,
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken },
            (day, _, index) =>
            {
                if (!DailyTotals.Real.IsMissing(day))
                {
                    var path = Path.Combine(directory, FileNameFor(day, format));
                    var (rows, size) = WriteDay(generators.Value!.Generate(day), path, format, options.IncludeSystemFields);
                    written[index] = path;
                    Interlocked.Add(ref records, rows);
                    Interlocked.Add(ref bytes, size);
                }

                progress?.Report(new SimulationProgress(day, Interlocked.Increment(ref done), days.Length, Interlocked.Read(ref records)));
            });

        return new SimulationRunSummary(
            directory,
            format,
            [.. written.OfType<string>()],
            records,
            DailyTotals.Real.RequestsBetween(options.From, options.To),
            bytes,
            [.. days.Where(DailyTotals.Real.IsMissing)]);
    }

    /// <summary>Writes the whole range into one stream, day after day (sequential; the stream stays open).</summary>
    /// <returns>The number of rows written.</returns>
    public static long WriteStream(SimulatorOptions options, Stream stream, OutputFormat format)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var simulator = new ServiceRequestSimulator(options);
        return Write(simulator.Generate(), stream, format, options.IncludeSystemFields);
    }

    private static (long Rows, long Bytes) WriteDay(IReadOnlyList<SimulatedRequest> records, string path, OutputFormat format, bool systemFields)
    {
        var temporary = path + ".tmp";
        try
        {
            long rows;
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                rows = Write(records, stream, format, systemFields);
            }

            File.Move(temporary, path, overwrite: true);
            return (rows, new FileInfo(path).Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw SimulationException.CannotWrite(path, e);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The original failure is the one worth reporting.
        }
    }

    private static long Write(IEnumerable<SimulatedRequest> records, Stream stream, OutputFormat format, bool systemFields)
    {
        if (format == OutputFormat.Csv)
        {
            using var csv = new CsvExportWriter(stream, leaveOpen: true);
            csv.WriteAll(records);
            return csv.RecordsWritten;
        }

        using var json = new SocrataJsonWriter(stream, format == OutputFormat.Json ? SocrataJsonLayout.Array : SocrataJsonLayout.Ndjson, systemFields, leaveOpen: true);
        json.WriteAll(records);
        return json.RecordsWritten;
    }

    private static string Extension(OutputFormat format) => format switch
    {
        OutputFormat.Csv => "csv",
        OutputFormat.Json => "json",
        OutputFormat.Ndjson => "ndjson",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown output format"),
    };
}

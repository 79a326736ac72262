using DuckDB.NET.Data;
using Microsoft.Extensions.Options;
using Nyc311.Anomalies;
using Nyc311.Forecasting;
using Nyc311.Ingest;
using Nyc311.Lake;
using Nyc311.Pipeline;
using Nyc311.Simulation;

namespace Nyc311.Cli.Hosting;

/// <summary>Renders any failure as a single line that names what was wrong.</summary>
internal static class ErrorRenderer
{
    public static bool IsExpected(Exception e) => e is LakeException or IngestException or PipelineException or ForecastingException or SimulationException or AnomalyException
        or CliUsageException or OptionsValidationException or DuckDBException or IOException or UnauthorizedAccessException or OperationCanceledException;

    public static int ExitCode(Exception e) => e switch
    {
        CliUsageException => ExitCodes.Usage,
        OperationCanceledException => ExitCodes.Cancelled,
        _ => ExitCodes.Failure,
    };

    public static string OneLine(Exception e)
    {
        var message = e switch
        {
            OperationCanceledException => "cancelled",
            OptionsValidationException options => $"invalid configuration: {string.Join("; ", options.Failures)}",
            DuckDBException duck => $"SQL error: {duck.Message}",
            LakeException or IngestException or PipelineException or ForecastingException or SimulationException or AnomalyException or CliUsageException or IOException or UnauthorizedAccessException => e.Message,
            _ => $"unexpected {e.GetType().Name}: {e.Message}",
        };

        // One line, whatever the inner message holds.
        return "error: " + string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}

/// <summary>A command was given arguments it cannot use (beyond what the parser checks).</summary>
internal sealed class CliUsageException(string message) : Exception(message);

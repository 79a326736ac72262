using System.CommandLine;
using System.CommandLine.Help;
using Nyc311.Cli.Commands;
using Nyc311.Cli.Hosting;

namespace Nyc311.Cli;

/// <summary>
/// The <c>nyc311</c> command line: builds the command tree, runs the chosen command, and renders
/// every failure once, as one line on standard error (exit 2 for usage errors, 1 otherwise).
/// </summary>
public sealed class CliApplication(TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?>? environment = null)
{
    /// <summary>Options every command accepts.</summary>
    internal static Option<string?> LakeOption { get; } = new("--lake")
    {
        Description = "Lake root folder (default: configuration Lake:Root, NYC311_LAKE, or ./lake)",
        Recursive = true,
    };

    internal static Option<bool> VerboseOption { get; } = new("--verbose")
    {
        Description = "Log progress details to standard error",
        Recursive = true,
    };

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var context = new CliContext(output, error, environment);
        var root = BuildRoot(context);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            await error.WriteLineAsync($"error: {string.Join("; ", parse.Errors.Select(e => e.Message).Distinct())} (see 'nyc311 --help')");
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = output, Error = error }, cancellationToken);
        }
        catch (Exception e) when (ErrorRenderer.IsExpected(e))
        {
            await error.WriteLineAsync(ErrorRenderer.OneLine(e));
            return ErrorRenderer.ExitCode(e);
        }
        catch (Exception e)
        {
            // Unexpected failures are still one line; --verbose adds the stack for bug reports.
            await error.WriteLineAsync(ErrorRenderer.OneLine(e));
            if (parse.GetValue(VerboseOption))
            {
                await error.WriteLineAsync(e.ToString());
            }

            return ExitCodes.Failure;
        }
    }

    internal static Command BuildRoot(CliContext context)
    {
        // A named root (not RootCommand) so help says "nyc311" whatever the host process is called.
        var root = new Command("nyc311", "NYC 311 Service Request Intelligence Platform: ingest, medallion tables, forecasts and anomalies.");
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        root.Options.Add(LakeOption);
        root.Options.Add(VerboseOption);
        root.Subcommands.Add(RunCommand.Build(context));
        root.Subcommands.Add(SimulateCommand.Build(context));
        root.Subcommands.Add(IngestCommand.Build(context));
        root.Subcommands.Add(TableCommands.Build(context));
        root.Subcommands.Add(QueryCommand.Build(context));
        root.Subcommands.Add(SqlCommand.Build(context));
        root.Subcommands.Add(DetectCommands.Detect(context));
        root.Subcommands.Add(DetectCommands.Incidents(context));
        root.Subcommands.Add(ForecastCommands.Train(context));
        root.Subcommands.Add(ForecastCommands.Forecast(context));
        root.Subcommands.Add(ServeCommand.Build(context));
        return root;
    }
}

/// <summary>Process exit codes.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int Cancelled = 130;
}

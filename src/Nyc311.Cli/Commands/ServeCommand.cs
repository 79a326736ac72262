using System.CommandLine;
using Microsoft.Extensions.Options;
using Nyc311.Cli.Hosting;
using Nyc311.Dashboard;
using Nyc311.Lake;

namespace Nyc311.Cli.Commands;

/// <summary><c>nyc311 serve [--port N]</c>: the dashboard on 127.0.0.1 over the lake, until Ctrl+C.</summary>
internal static class ServeCommand
{
    public static Command Build(CliContext context)
    {
        var port = new Option<int>("--port")
        {
            Description = $"TCP port on 127.0.0.1 (0 picks a free one; default {DashboardOptions.DefaultPort})",
            DefaultValueFactory = _ => DashboardOptions.DefaultPort,
        };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                result.AddError("--port must be between 0 and 65535");
            }
        });
        var command = new Command("serve", "Serve the dashboard on 127.0.0.1 (http://127.0.0.1:PORT/) until Ctrl+C") { port };
        command.SetHandler(context, async (parse, services, cancellationToken) =>
        {
            var lake = services.Get<IOptions<LakeOptions>>().Value;
            var app = DashboardApp.Build(new DashboardOptions
            {
                LakeRoot = lake.Root,
                Lake = lake,
                Port = parse.GetValue(port),
                Time = services.Get<TimeProvider>(),
                ConsoleLogging = parse.GetValue(CliApplication.VerboseOption),
            });
            await using (app)
            {
                await app.StartAsync(cancellationToken);
                await context.Output.WriteLineAsync($"NYC 311 dashboard on {DashboardApp.ListeningUri(app)} (lake {Path.GetFullPath(lake.Root)}); Ctrl+C stops it");
                await context.Output.FlushAsync(cancellationToken);
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // Ctrl+C (or the caller's cancellation) is how serving ends: a normal exit.
                }

                await app.StopAsync(CancellationToken.None);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}

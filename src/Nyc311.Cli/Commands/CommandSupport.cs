using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Nyc311.Cli.Hosting;
using Nyc311.Cli.Output;

namespace Nyc311.Cli.Commands;

/// <summary>Helpers every command uses: shared options and running a handler inside a host.</summary>
internal static class CommandSupport
{
    public static Option<string> FormatOption()
    {
        var option = new Option<string>("--format")
        {
            Description = "Output format",
            DefaultValueFactory = _ => "table",
        };
        option.AcceptOnlyFromAmong("table", "csv", "json");
        return option;
    }

    public static OutputFormat GetFormat(this ParseResult parse, Option<string> option) =>
        Enum.Parse<OutputFormat>(parse.GetValue(option) ?? "table", ignoreCase: true);

    /// <summary>Sets the command's action: build the host, run the handler with its services, dispose.</summary>
    public static void SetHandler(this Command command, CliContext context, Func<ParseResult, IServiceProvider, CancellationToken, Task<int>> handler)
    {
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = context.BuildHost(parse);
            await host.StartAsync(cancellationToken);
            try
            {
                return await handler(parse, host.Services, cancellationToken);
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
            }
        });
    }

    public static void SetHandler(this Command command, CliContext context, Func<ParseResult, IServiceProvider, int> handler) =>
        command.SetHandler(context, (parse, services, _) => Task.FromResult(handler(parse, services)));

    public static T Get<T>(this IServiceProvider services)
        where T : notnull => services.GetRequiredService<T>();
}

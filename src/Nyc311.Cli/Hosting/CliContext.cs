using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nyc311.Lake;
using Nyc311.Ingest;
using Nyc311.Ingest.Bronze;
using Nyc311.Lake.Catalog;
using Nyc311.Pipeline;
using Spectre.Console;

namespace Nyc311.Cli.Hosting;

/// <summary>What a command needs from its process: output streams and the configured services.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?>? environment)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>A console for tables and progress; plain (no colour, fixed width) unless writing to a terminal.</summary>
    public IAnsiConsole Console { get; } = CreateConsole(output);

    /// <summary>Builds the host for one invocation: configuration (appsettings, environment, --lake), options, logging.</summary>
    public IHost BuildHost(ParseResult parse)
    {
        var environmentName = Variable("NYC311_ENVIRONMENT") ?? Variable("DOTNET_ENVIRONMENT") ?? "Production";
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = environmentName,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, $"appsettings.{environmentName}.json"), optional: true)
            .AddInMemoryCollection(EnvironmentSettings())
            .AddInMemoryCollection(CommandLineSettings(parse));

        builder.Logging.ClearProviders();
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        if (parse.GetValue(CliApplication.VerboseOption))
        {
            builder.Logging.SetMinimumLevel(LogLevel.Information);
        }

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<LakeOptions>()
            .Bind(builder.Configuration.GetSection(LakeOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => new LakeCatalog(sp.GetRequiredService<IOptions<LakeOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSocrataClient(builder.Configuration);
        builder.Services.AddSingleton<BronzeIngestion>();
        builder.Services.AddOptions<PipelineOptions>()
            .Bind(builder.Configuration.GetSection(PipelineOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return builder.Build();
    }

    private string? Variable(string name) =>
        environment is not null ? environment.GetValueOrDefault(name) : System.Environment.GetEnvironmentVariable(name);

    // NYC311_LAKE is the documented short form; NYC311_Section__Key sets any setting.
    private Dictionary<string, string?> EnvironmentSettings()
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var variables = environment ?? System.Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value);
        foreach (var (name, value) in variables)
        {
            if (name.StartsWith("NYC311_", StringComparison.OrdinalIgnoreCase) && name.Contains("__", StringComparison.Ordinal))
            {
                settings[name["NYC311_".Length..].Replace("__", ":", StringComparison.Ordinal)] = value;
            }
        }

        if (Variable("NYC311_LAKE") is { Length: > 0 } lake)
        {
            settings["Lake:Root"] = lake;
        }

        return settings;
    }

    private Dictionary<string, string?> CommandLineSettings(ParseResult parse)
    {
        var settings = new Dictionary<string, string?>();
        if (parse.GetValue(CliApplication.LakeOption) is { Length: > 0 } lake)
        {
            settings["Lake:Root"] = lake;
        }

        // Options a command maps onto configuration (for example --endpoint to Socrata:BaseUrl).
        foreach (var (key, option) in ConfigurationOptions)
        {
            if (parse.GetResult(option) is not null && parse.GetValue(option) is { Length: > 0 } value)
            {
                settings[key] = value;
            }
        }

        return settings;
    }

    /// <summary>Command options that override a configuration key, registered by the commands that define them.</summary>
    public List<(string Key, Option<string?> Option)> ConfigurationOptions { get; } = [];

    private static IAnsiConsole CreateConsole(TextWriter output)
    {
        var terminal = ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        if (!terminal)
        {
            console.Profile.Width = 200;
        }

        return console;
    }
}

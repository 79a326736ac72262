using Nyc311.Cli;

// The nyc311 command line: parsing, configuration and error rendering live in CliApplication.
return await new CliApplication(Console.Out, Console.Error).RunAsync(args);

using System.CommandLine;
using Nyc311.Cli.Hosting;
using Nyc311.Simulation;

namespace Nyc311.Cli.Commands;

/// <summary><c>nyc311 simulate</c>: write calibrated 311 records in the portal's own formats.</summary>
internal static class SimulateCommand
{
    public static Command Build(CliContext context)
    {
        var from = new Option<string>("--from") { Description = "First day (YYYY-MM-DD, from 2010-01-01)", Required = true };
        var to = new Option<string>("--to") { Description = "Last day (YYYY-MM-DD, up to 2026-08-05)", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed and days give byte-identical files", DefaultValueFactory = _ => 311 };
        var format = new Option<string>("--format") { Description = "The portal's CSV export, or API JSON (array per file) or NDJSON", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json", "ndjson");
        var output = new Option<string>("--output") { Description = "Folder for the files (one per day)", DefaultValueFactory = _ => "./simulated" };
        var clean = new Option<bool>("--no-quality-problems") { Description = "Leave out the data-quality problems real exports have" };
        var system = new Option<bool>("--system-fields") { Description = "Add Socrata's :id, :created_at, :updated_at to JSON output" };
        var command = new Command("simulate", "Write simulated 311 requests calibrated on the real daily totals and published shares") { from, to, seed, format, output, clean, system };
        command.SetHandler(context, (parse, _) =>
        {
            var options = new SimulatorOptions
            {
                From = IngestCommand.ParseDay(parse.GetValue(from), "--from"),
                To = IngestCommand.ParseDay(parse.GetValue(to), "--to"),
                Seed = parse.GetValue(seed),
                IncludeQualityProblems = !parse.GetValue(clean),
                IncludeSystemFields = parse.GetValue(system),
            };
            var fileFormat = Enum.Parse<OutputFormat>(parse.GetValue(format)!, ignoreCase: true);
            var summary = SimulationRun.WriteFiles(options, parse.GetValue(output)!, fileFormat);
            context.Output.WriteLine($"simulate: {summary.Files.Count:N0} files, {summary.RecordsWritten:N0} records ({summary.RequestsWritten:N0} requests), {summary.BytesWritten / (1024.0 * 1024):N1} MiB in {summary.OutputDirectory}");
            if (summary.MissingDays.Count > 0)
            {
                context.Output.WriteLine($"skipped {summary.MissingDays.Count} day(s) without a real full-day total: {string.Join(", ", summary.MissingDays.Take(10).Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}

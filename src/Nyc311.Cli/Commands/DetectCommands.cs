using System.CommandLine;
using System.Data;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Nyc311.Anomalies;
using Nyc311.Anomalies.Alerts;
using Nyc311.Anomalies.Detection;
using Nyc311.Anomalies.Evaluation;
using Nyc311.Anomalies.Incidents;
using Nyc311.Anomalies.Series;
using Nyc311.Anomalies.Standalone;
using Nyc311.Cli.Hosting;
using Nyc311.Cli.Output;
using Nyc311.Lake.Catalog;
using Spectre.Console;

namespace Nyc311.Cli.Commands;

/// <summary>
/// <c>nyc311 detect</c>: judge the latest days of every gold series and print the open incidents; with
/// <c>--input</c>, judge any daily series from a CSV file. <c>nyc311 incidents list|show|ack|dismiss|new-normal</c>:
/// look at incidents and label them.
/// </summary>
internal static class DetectCommands
{
    public static Command Detect(CliContext context)
    {
        var input = new Option<string?>("--input") { Description = "Stand-alone: a CSV file with columns ds (YYYY-MM-DD), y and optionally series" };
        var from = new Option<string?>("--from") { Description = "Stand-alone: first day to judge (YYYY-MM-DD; default the first day of the file)" };
        var output = new Option<string?>("--output") { Description = "Stand-alone: CSV file to write (default standard output)" };
        var detector = new Option<string?>("--detector") { Description = $"Detector: {string.Join(", ", DetectorNames.Detectors)} (default: configuration Anomalies:Detector, ensemble)" };
        detector.AcceptOnlyFromAmong([.. DetectorNames.Detectors]);
        context.ConfigurationOptions.Add(("Anomalies:Detector", detector));
        var command = new Command("detect", "Detect spikes and drops in the latest days of every gold series and print the open incidents (or judge a CSV series with --input)")
        {
            input, from, output, detector,
        };
        command.SetHandler(context, async (parse, services, cancellationToken) =>
        {
            var options = Options(services);
            if (parse.GetValue(input) is { } file)
            {
                return Standalone(context, options, file, parse.GetValue(from), parse.GetValue(output));
            }

            if (parse.GetValue(from) is not null || parse.GetValue(output) is not null)
            {
                throw new CliUsageException("--from and --output belong to the stand-alone mode: give --input FILE.csv too");
            }

            await RunDetectionAsync(context, services, parse.GetValue(CliApplication.VerboseOption), cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// Detection and alerting on the lake, as <c>nyc311 detect</c> runs it and as the last stage of <c>nyc311 run</c>
    /// (after forecasting, so the day's <c>gold.forecasts</c> are used): reads the <c>Anomalies</c> settings, sends one
    /// alert per new incident to the configured sinks, and prints the summary, data-health findings and open incidents.
    /// </summary>
    /// <param name="context">Where the summary and the console alerts go.</param>
    /// <param name="services">The command's services (configuration, lake, clock).</param>
    /// <param name="verbose">Print each step on standard error.</param>
    /// <param name="cancellationToken">Stops between steps and alerts.</param>
    internal static async Task<DetectionResult> RunDetectionAsync(CliContext context, IServiceProvider services, bool verbose, CancellationToken cancellationToken)
    {
        var options = Options(services);
        var time = services.Get<TimeProvider>();
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var sinks = AlertSinks.Create(options.Alerts, context.Output, http, time, Environment.GetEnvironmentVariable);
        var progress = verbose ? new ProgressLines(context.Error) : null;
        var result = await DetectionStage.RunAsync(services.Get<LakeCatalog>(), options, time, sinks, progress, cancellationToken);
        Summary(context, result);
        return result;
    }

    public static Command Incidents(CliContext context)
    {
        var incidents = new Command("incidents", "List, show and label incidents (acknowledged, false positive, new normal)");
        incidents.Subcommands.Add(List(context));
        incidents.Subcommands.Add(Show(context));
        incidents.Subcommands.Add(Label(context, "ack", IncidentLabel.Acknowledged, "Mark an incident acknowledged: seen and being handled"));
        incidents.Subcommands.Add(Label(context, "dismiss", IncidentLabel.FalsePositive, "Mark an incident a false positive"));
        incidents.Subcommands.Add(Label(context, "new-normal", IncidentLabel.NewNormal, "Mark an incident a new normal: later detection uses the new level"));
        return incidents;
    }

    /// <summary>The <c>Anomalies</c> section of the configuration, validated.</summary>
    internal static AnomalyOptions Options(IServiceProvider services)
    {
        var options = new AnomalyOptions();
        services.Get<IConfiguration>().GetSection(AnomalyOptions.SectionName).Bind(options);
        return options.Validate();
    }

    private static int Standalone(CliContext context, AnomalyOptions options, string file, string? fromText, string? outputPath)
    {
        if (!File.Exists(file))
        {
            throw new CliUsageException($"--input: '{file}' does not exist");
        }

        IReadOnlyList<SeriesRow> rows;
        using (var reader = new StreamReader(file))
        {
            rows = StandaloneCsv.Read(reader, Path.GetFileName(file));
        }

        var from = fromText is null ? rows.Min(r => r.Ds) : IngestCommand.ParseDay(fromText, "--from");
        var days = StandaloneDetection.Run(rows, from, options, Path.GetFileName(file));
        var includeSeries = rows.Select(r => r.Series).Distinct().Skip(1).Any() || rows[0].Series != StandaloneCsv.DefaultSeries;
        if (outputPath is null)
        {
            StandaloneCsv.Write(context.Output, days, includeSeries);
            return ExitCodes.Success;
        }

        using (var writer = new StreamWriter(outputPath))
        {
            StandaloneCsv.Write(writer, days, includeSeries);
        }

        var series = days.Select(d => d.Series).Distinct().Count();
        context.Output.WriteLine($"detect: {days.Count:N0} day(s) of {series} series judged from {from:yyyy-MM-dd} with {options.Detector}: " +
            $"{days.Count(d => d.Kind == "spike")} spike(s), {days.Count(d => d.Kind == "drop")} drop(s), {days.Count(d => d.Kind == "data_problem")} data problem(s); written to {outputPath}");
        return ExitCodes.Success;
    }

    private static void Summary(CliContext context, DetectionResult result)
    {
        if (result.JudgedDays.Count > 0)
        {
            context.Output.WriteLine($"detect: judged {result.JudgedDays[0]:yyyy-MM-dd}..{result.JudgedDays[^1]:yyyy-MM-dd} ({result.JudgedDays.Count} day(s), {result.SeriesDaysJudged:N0} series-days) with {result.Detector}: " +
                $"{result.NewIncidents.Count(i => i.Kind != IncidentKind.DataProblem)} new incident(s), {result.UpdatedIncidents.Count} updated, {result.ResolvedIncidents.Count} resolved; " +
                $"{result.AnomaliesPerJudgedDay:0.#} anomalous series per day; {result.AlertsSent} alert(s)" + (result.ForecastsUsed > 0 ? $"; {result.ForecastsUsed:N0} series-days against gold.forecasts" : ""));
        }

        if (result.WaitingFor is { } waiting)
        {
            context.Output.WriteLine(waiting);
        }

        foreach (var finding in result.DataHealth)
        {
            context.Output.WriteLine($"data health: {finding.Explanation}");
        }

        if (result.Feedback.Labelled > 0)
        {
            context.Output.WriteLine(LabelLine(result.Feedback));
        }

        foreach (var failure in result.Alerts.Failures)
        {
            context.Error.WriteLine($"warning: alert for {failure.IncidentId} not delivered by {failure.Sink}: {failure.Error}");
        }

        if (result.OpenIncidents.Count == 0)
        {
            context.Output.WriteLine("no open incidents");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("incident", "kind", "severity", "days", "explanation");
        foreach (var i in result.OpenIncidents.OrderBy(i => Rank(i.Severity)).ThenByDescending(i => i.StartDate))
        {
            table.AddRow(Markup.Escape(i.IncidentId), IncidentStore.KindText(i.Kind), i.Severity, $"{i.StartDate:yyyy-MM-dd}..{i.EndDate:MM-dd}", Markup.Escape(i.Explanation));
        }

        context.Output.WriteLine($"{result.OpenIncidents.Count} open incident(s):");
        context.Console.Write(table);
    }

    private static Command List(CliContext context)
    {
        var status = new Option<string>("--status") { Description = "Only incidents with this status", DefaultValueFactory = _ => "all" };
        status.AcceptOnlyFromAmong("all", "open", "acknowledged", "false_positive", "new_normal", "resolved");
        var kind = new Option<string>("--kind") { Description = "Only incidents of this kind", DefaultValueFactory = _ => "all" };
        kind.AcceptOnlyFromAmong("all", "spike", "drop", "data_problem");
        var format = CommandSupport.FormatOption();
        var command = new Command("list", "List incidents, newest first") { status, kind, format };
        command.SetHandler(context, (parse, services) =>
        {
            var store = new IncidentStore(services.Get<LakeCatalog>(), services.Get<TimeProvider>());
            var wantedStatus = parse.GetValue(status)!;
            var wantedKind = parse.GetValue(kind)!;
            var incidents = store.List()
                .Where(i => wantedStatus == "all" || IncidentStore.StatusText(i.Status) == wantedStatus)
                .Where(i => wantedKind == "all" || IncidentStore.KindText(i.Kind) == wantedKind)
                .ToList();
            using var rows = Rows(incidents).CreateDataReader();
            ResultWriter.Write(rows, parse.GetFormat(format), context.Console, context.Output);
            var labels = store.Feedback();
            if (parse.GetFormat(format) == OutputFormat.Table && FeedbackSummary.From(labels) is { Labelled: > 0 } feedback)
            {
                context.Output.WriteLine(LabelLine(feedback));
                context.Output.Write(LabelEvaluation.Table(LabelEvaluation.ByDetector(store.List(), labels)));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "Incident id (see nyc311 incidents list)" };
        var command = new Command("show", "Everything about one incident: numbers, explanation, contributors, labels") { id };
        command.SetHandler(context, (parse, services) =>
        {
            var store = new IncidentStore(services.Get<LakeCatalog>(), services.Get<TimeProvider>());
            var incidentId = parse.GetValue(id)!;
            var i = store.Find(incidentId) ?? throw IncidentNotFoundException.For(incidentId);
            var grid = new Grid().AddColumn().AddColumn();
            void Row(string name, string value) => grid.AddRow(name, Markup.Escape(value));
            Row("incident", i.IncidentId);
            Row("series", new SeriesKey(i.ComplaintType, i.Borough).Describe());
            Row("kind", IncidentStore.KindText(i.Kind));
            Row("status", IncidentStore.StatusText(i.Status));
            Row("severity", i.Severity);
            Row("days", $"{i.StartDate:yyyy-MM-dd} to {i.EndDate:yyyy-MM-dd}, peak {i.PeakDate:yyyy-MM-dd}");
            Row("peak day", $"{i.Observed:N0} requests, expected {i.Expected:N1} (range {i.Lower:N0}-{i.Upper:N0}), p-value after FDR correction {i.PValue.ToString("G3", CultureInfo.InvariantCulture)}");
            Row("explanation", i.Explanation);
            Row("detector", $"{i.Detector} (run {i.RunId})");
            Row("detected", $"{i.DetectedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z, updated {i.UpdatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z");
            context.Console.Write(grid);
            var contributors = Contributors.FromJson(i.Contributors);
            if (contributors.Count > 0)
            {
                var table = new Table().Border(TableBorder.Rounded).AddColumns("contributor", "observed", "expected", "excess", "share");
                foreach (var c in contributors)
                {
                    table.AddRow(Markup.Escape(new SeriesKey(c.ComplaintType, c.Borough).Describe()), $"{c.Observed:N0}", $"{c.Expected:N1}", $"{c.Excess:N1}", $"{c.Share:P0}");
                }

                context.Console.Write(table);
            }

            foreach (var label in store.Feedback().Where(f => f.IncidentId == i.IncidentId))
            {
                context.Output.WriteLine($"label: {IncidentStore.LabelText(label.Label)} by {label.Actor} at {label.At.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z{(label.Note is null ? "" : $": {label.Note}")}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Label(CliContext context, string name, IncidentLabel label, string description)
    {
        var id = new Argument<string>("id") { Description = "Incident id (see nyc311 incidents list)" };
        var note = new Option<string?>("--note") { Description = "Why (kept with the label)" };
        var actor = new Option<string?>("--actor") { Description = "Who labels it (default: the user name)" };
        var command = new Command(name, description) { id, note, actor };
        command.SetHandler(context, (parse, services) =>
        {
            var store = new IncidentStore(services.Get<LakeCatalog>(), services.Get<TimeProvider>());
            var incident = store.Label(parse.GetValue(id)!, label, parse.GetValue(note), parse.GetValue(actor) ?? Environment.UserName);
            context.Output.WriteLine($"{incident.IncidentId}: {IncidentStore.StatusText(incident.Status)}" +
                (label == IncidentLabel.NewNormal ? " (later runs judge the series at its new level)" : ""));
            return ExitCodes.Success;
        });
        return command;
    }

    private static string LabelLine(FeedbackSummary feedback) =>
        $"labelled {feedback.Labelled}: {feedback.Acknowledged} acknowledged, {feedback.FalsePositives} false positive(s), {feedback.NewNormals} new normal(s); precision by labels {feedback.Precision.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal)}";

    private static DataTable Rows(IEnumerable<Incident> incidents)
    {
        var table = new DataTable { Locale = CultureInfo.InvariantCulture };
        table.Columns.Add("incident_id", typeof(string));
        table.Columns.Add("kind", typeof(string));
        table.Columns.Add("status", typeof(string));
        table.Columns.Add("severity", typeof(string));
        table.Columns.Add("start_date", typeof(DateOnly));
        table.Columns.Add("end_date", typeof(DateOnly));
        table.Columns.Add("complaint_type", typeof(string));
        table.Columns.Add("borough", typeof(string));
        table.Columns.Add("explanation", typeof(string));
        foreach (var i in incidents)
        {
            table.Rows.Add(i.IncidentId, IncidentStore.KindText(i.Kind), IncidentStore.StatusText(i.Status), i.Severity, i.StartDate, i.EndDate, i.ComplaintType, i.Borough, i.Explanation);
        }

        return table;
    }

    private static int Rank(string severity) => severity switch
    {
        "critical" => 0,
        "high" => 1,
        "medium" => 2,
        _ => 3,
    };

    /// <summary>Prints each detection step on one line (with --verbose).</summary>
    private sealed class ProgressLines(TextWriter writer) : IProgress<DetectionProgress>
    {
        public void Report(DetectionProgress value) => writer.WriteLine($"  {value.Step}: {value.Detail}");
    }
}

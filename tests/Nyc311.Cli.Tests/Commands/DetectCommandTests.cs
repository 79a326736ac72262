using System.Globalization;
using System.Text;
using System.Text.Json;
using Nyc311.Lake;
using Nyc311.Lake.Operations;
using Nyc311.Lake.Schema;
using Nyc311.Lake.Sql;

namespace Nyc311.Cli.Tests.Commands;

public sealed class DetectCommandTests : IDisposable
{
    // 120 days to a Wednesday with no holiday in its last week; Damaged Tree in Queens jumps to 1,000 on the last day.
    private static readonly DateOnly Last = new(2026, 6, 10);
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private void WriteGold()
    {
        var schema = new StructType(
            new StructField("date", DeltaType.Date), new StructField("complaint_type", DeltaType.String),
            new StructField("borough", DeltaType.String), new StructField("requests", DeltaType.Long));
        using var db = LakeDuckDb.Open();
        DeltaTable.Create(Path.Combine(_cli.Lake, "gold", "daily_counts"), schema, new CreateTableOptions { PartitionColumns = ["date"] }).Append(db,
            $"""
            WITH leaves AS (
                SELECT CAST(DATE '{Last:yyyy-MM-dd}' - CAST(r.i AS INTEGER) AS DATE) AS d, t.t AS complaint_type, b.b AS borough,
                       CASE WHEN r.i = 0 AND t.t = 'Damaged Tree' AND b.b = 'QUEENS' THEN 1000
                            ELSE 45 + (hash(r.i, t.t, b.b) % 11) - CASE WHEN dayofweek(DATE '{Last:yyyy-MM-dd}' - CAST(r.i AS INTEGER)) IN (0, 6) THEN 12 ELSE 0 END END AS requests
                FROM range(0, 120) r(i), (VALUES ('Damaged Tree'), ('Rodent'), ('Noise - Residential')) t(t), (VALUES ('QUEENS'), ('BROOKLYN')) b(b)
            )
            SELECT d AS "date", COALESCE(complaint_type, '(all)') AS complaint_type, COALESCE(borough, '(all)') AS borough, CAST(sum(requests) AS BIGINT) AS requests
            FROM leaves GROUP BY GROUPING SETS ((d, complaint_type, borough), (d, complaint_type), (d, borough), (d))
            """);
    }

    [Fact]
    public async Task Detect_alerts_once_prints_the_open_incidents_and_incidents_commands_label_them()
    {
        WriteGold();
        var id = $"{Last:yyyyMMdd}-spike-damaged_tree-queens";

        var jsonLines = Path.Combine(_cli.Folder.Path, "alerts", "alerts.jsonl");
        var sinks = new Dictionary<string, string?> { ["NYC311_Anomalies__Alerts__JsonLinesPath"] = jsonLines };

        var detect = await _cli.RunAsync(sinks, "detect");

        detect.ExitCode.ShouldBe(0, detect.Error);
        detect.Output.ShouldContain("ALERT [critical] spike: Damaged Tree in Queens since 2026-06-10 | Damaged Tree in Queens: 1,000 requests, expected");
        detect.Output.ShouldContain("open incident(s):");
        detect.Output.ShouldContain(id);
        var consoleAlerts = detect.Output.Split('\n').Count(l => l.StartsWith("ALERT [", StringComparison.Ordinal));
        var fileAlerts = (await File.ReadAllLinesAsync(jsonLines, TestContext.Current.CancellationToken))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("incident_id").GetString()!).ToList();
        fileAlerts.Count.ShouldBe(consoleAlerts);

        var list = await _cli.RunAsync("incidents", "list", "--format", "json");
        list.ExitCode.ShouldBe(0, list.Error);
        List<(string Id, string Kind)> incidents;
        using (var json = JsonDocument.Parse(list.Output))
        {
            incidents = [.. json.RootElement.EnumerateArray().Select(e => (e.GetProperty("incident_id").GetString()!, e.GetProperty("kind").GetString()!))];
        }

        // One alert per incident (data problems are never alerted).
        fileAlerts.ShouldBe(incidents.Where(i => i.Kind != "data_problem").Select(i => i.Id), ignoreOrder: true);
        var spikes = incidents.Where(i => i.Kind == "spike").Select(i => i.Id).ToList();
        spikes.ShouldContain(id);

        var show = await _cli.RunAsync("incidents", "show", id);
        show.ExitCode.ShouldBe(0, show.Error);
        show.Output.ShouldContain("Damaged Tree in Queens: 1,000 requests");

        (await _cli.RunAsync("incidents", "ack", id, "--note", "crews sent", "--actor", "ops")).Output.ShouldBe($"{id}: acknowledged{Environment.NewLine}");
        (await _cli.RunAsync("incidents", "dismiss", id, "--actor", "ops")).Output.ShouldContain("false_positive");
        var dismissed = await _cli.RunAsync("incidents", "list", "--status", "false_positive", "--format", "csv");
        dismissed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ShouldHaveSingleItem().ShouldStartWith(id);
        (await _cli.RunAsync("incidents", "show", id)).Output.ShouldContain("label: acknowledged by ops at");

        var rollup = spikes.First(s => s != id);
        (await _cli.RunAsync("incidents", "new-normal", rollup, "--actor", "ops")).Output.ShouldBe($"{rollup}: new_normal (later runs judge the series at its new level){Environment.NewLine}");
        var labelled = await _cli.RunAsync("incidents", "list");
        labelled.Output.ShouldContain("labelled 2: 0 acknowledged, 1 false positive(s), 1 new normal(s); precision by labels 50%");
        labelled.Output.ShouldContain("precision by labels");

        var again = await _cli.RunAsync(sinks, "detect");
        again.ExitCode.ShouldBe(0, again.Error);
        again.Output.ShouldNotContain("ALERT [", Case.Sensitive);
        again.Output.ShouldNotContain(id);
        again.Output.ShouldNotContain(rollup);
        again.Output.ShouldContain("precision by labels 50%");
        (await File.ReadAllLinesAsync(jsonLines, TestContext.Current.CancellationToken)).Length.ShouldBe(fileAlerts.Count);
    }

    [Fact]
    public async Task Adding_later_days_to_the_standalone_input_does_not_change_the_verdicts_of_earlier_days()
    {
        var start = new DateOnly(2025, 1, 6);
        var rows = Enumerable.Range(0, 100).Select(i =>
        {
            var weekend = start.AddDays(i).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var y = i is 70 or 71 ? 400 : i == 95 ? 900 : (weekend ? 70 : 100) + ((i * 7) % 13);
            return $"{start.AddDays(i):yyyy-MM-dd},{y}";
        }).ToList();
        var from = start.AddDays(56).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        async Task<string[]> Judge(int days)
        {
            var input = Path.Combine(_cli.Folder.Path, $"first-{days}.csv");
            var output = Path.Combine(_cli.Folder.Path, $"judged-{days}.csv");
            await File.WriteAllTextAsync(input, "ds,y\n" + string.Join('\n', rows.Take(days)) + "\n", TestContext.Current.CancellationToken);
            var result = await _cli.RunAsync("detect", "--input", input, "--from", from, "--output", output);
            result.ExitCode.ShouldBe(0, result.Error);
            return await File.ReadAllLinesAsync(output, TestContext.Current.CancellationToken);
        }

        var morning = await Judge(75);
        var later = await Judge(100);

        // Header and the 19 days 56..74 are the same whether the file ends on day 74 or on day 99.
        morning.Length.ShouldBe(20);
        later.Take(morning.Length).ShouldBe(morning);
        morning.Single(l => l.StartsWith($"{start.AddDays(70):yyyy-MM-dd},", StringComparison.Ordinal)).ShouldEndWith(",true,spike");
        later.Single(l => l.StartsWith($"{start.AddDays(95):yyyy-MM-dd},", StringComparison.Ordinal)).ShouldEndWith(",true,spike");
    }

    [Fact]
    public async Task The_standalone_mode_writes_every_day_from_the_first_judged_one()
    {
        var start = new DateOnly(2025, 1, 6);
        var input = new StringBuilder("ds,y\n");
        for (var i = 0; i < 90; i++)
        {
            var weekend = start.AddDays(i).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            input.Append(CultureInfo.InvariantCulture, $"{start.AddDays(i):yyyy-MM-dd},{(i == 80 ? 600 : (weekend ? 70 : 100) + ((i * 7) % 13))}\n");
        }

        var inputPath = Path.Combine(_cli.Folder.Path, "series.csv");
        var outputPath = Path.Combine(_cli.Folder.Path, "judged.csv");
        await File.WriteAllTextAsync(inputPath, input.ToString(), TestContext.Current.CancellationToken);

        var result = await _cli.RunAsync("detect", "--input", inputPath, "--from", start.AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "--output", outputPath, "--detector", "count_forecast");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("detect: 30 day(s) of 1 series judged from 2025-03-07 with count_forecast: 1 spike(s)");
        var lines = await File.ReadAllLinesAsync(outputPath, TestContext.Current.CancellationToken);
        lines[0].ShouldBe("ds,y,expected,lower,upper,p_value,anomaly,kind");
        lines.Length.ShouldBe(31);
        lines.Single(l => l.EndsWith(",true,spike", StringComparison.Ordinal)).ShouldStartWith($"{start.AddDays(80):yyyy-MM-dd},600,");
    }

    [Fact]
    public async Task Mistakes_are_one_line_errors()
    {
        var unknown = await _cli.RunAsync("incidents", "show", "nope");
        unknown.ExitCode.ShouldBe(1);
        unknown.Error.ShouldBe($"error: no incident 'nope' (see nyc311 incidents list){Environment.NewLine}");

        var usage = await _cli.RunAsync("detect", "--from", "2025-01-01");
        usage.ExitCode.ShouldBe(2);
        usage.Error.ShouldContain("give --input FILE.csv too");

        var settings = await _cli.RunAsync(new Dictionary<string, string?> { ["NYC311_Anomalies__FdrLevel"] = "3" }, "detect");
        settings.ExitCode.ShouldBe(1);
        settings.Error.ShouldStartWith("error: invalid Anomalies settings: The field FdrLevel must be between");

        var badFile = Path.Combine(_cli.Folder.Path, "bad.csv");
        await File.WriteAllTextAsync(badFile, "ds,y\n2025-01-01,x\n", TestContext.Current.CancellationToken);
        var bad = await _cli.RunAsync("detect", "--input", badFile);
        bad.ExitCode.ShouldBe(1);
        bad.Error.ShouldBe($"error: bad.csv, line 2: y 'x' is not a number{Environment.NewLine}");
    }
}

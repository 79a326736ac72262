using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Nyc311.Lake;
using Nyc311.Lake.Operations;
using Nyc311.Lake.Schema;
using Nyc311.Lake.Sql;

namespace Nyc311.Cli.Tests.Commands;

public sealed class ServeCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Serve_answers_on_loopback_over_the_lake_and_stops_when_cancelled()
    {
        WriteGold();
        var port = FreePort();
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var environment = new Dictionary<string, string?> { ["NYC311_LAKE"] = _cli.Lake };
        var serving = new CliApplication(TextWriter.Synchronized(output), TextWriter.Synchronized(error), environment)
            .RunAsync(["serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], stop.Token);

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromMinutes(1) };
        using (var health = await WaitForAsync(http, "healthz", serving))
        {
            using var json = JsonDocument.Parse(await health.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            json.RootElement.GetProperty("ready").GetBoolean().ShouldBeTrue();
            json.RootElement.GetProperty("versions").GetString()!.ShouldContain("gold.daily_counts@1");
        }

        string script;
        using (var page = await http.GetAsync("trends?borough=QUEENS", TestContext.Current.CancellationToken))
        {
            page.StatusCode.ShouldBe(HttpStatusCode.OK);
            var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            html.ShouldContain("<title>NYC 311 operations</title>");
            script = Regex.Match(html, "<script src=\"([^\"]*blazor\\.web[^\"]*\\.js)\"").Groups[1].Value;
            script.ShouldNotBeEmpty();
        }

        // The page's script and plotly.js are served by the app itself, from the host's static web assets.
        (await http.GetAsync(script, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await http.GetAsync("_content/Plotly.Blazor/plotly-basic-3.7.0.min.js", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await stop.CancelAsync();
        (await serving).ShouldBe(0, error.ToString());
        output.ToString().ShouldContain($"NYC 311 dashboard on http://127.0.0.1:{port}/");
        error.ToString().ShouldBeEmpty();
        await Should.ThrowAsync<HttpRequestException>(() => http.GetAsync("healthz", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Serve_refuses_a_port_outside_the_tcp_range()
    {
        var result = await _cli.RunAsync("serve", "--port", "70000");
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("--port must be between 0 and 65535");
    }

    private static async Task<HttpResponseMessage> WaitForAsync(HttpClient http, string path, Task<int> serving)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (serving.IsCompleted)
            {
                throw new InvalidOperationException($"serve ended before answering, exit code {await serving}");
            }

            try
            {
                var response = await http.GetAsync(path, TestContext.Current.CancellationToken);
                response.EnsureSuccessStatusCode();
                return response;
            }
            catch (HttpRequestException) when (attempt < 600)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void WriteGold()
    {
        var schema = new StructType(
            new StructField("date", DeltaType.Date), new StructField("complaint_type", DeltaType.String),
            new StructField("borough", DeltaType.String), new StructField("requests", DeltaType.Long));
        using var db = LakeDuckDb.Open();
        DeltaTable.Create(Path.Combine(_cli.Lake, "gold", "daily_counts"), schema, new CreateTableOptions { PartitionColumns = ["date"] }).Append(db,
            """
            SELECT CAST(DATE '2026-06-10' - CAST(r.i AS INTEGER) AS DATE) AS "date", t.t AS complaint_type, b.b AS borough, CAST(40 + r.i % 7 AS BIGINT) AS requests
            FROM range(0, 35) r(i), (VALUES ('(all)'), ('Rodent')) t(t), (VALUES ('(all)'), ('QUEENS')) b(b)
            """);
    }
}

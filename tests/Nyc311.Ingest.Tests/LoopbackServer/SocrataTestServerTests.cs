using System.Net;
using System.Text.Json.Nodes;
using Nyc311.Testing.Socrata;

namespace Nyc311.Ingest.Tests.LoopbackServer;

/// <summary>The SoQL subset of the loopback server, spoken to with a plain HTTP client.</summary>
public sealed class SocrataTestServerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Stamp = new(2024, 2, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly HttpClient http = new();
    private SocrataTestServer server = null!;

    public async ValueTask InitializeAsync()
    {
        server = await SocrataTestServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        server.Dataset("erm2-nwe9").Add(new SocrataGeneratedRecords(30) { FirstUniqueKey = 1, Spacing = TimeSpan.FromHours(1) }, Stamp);
        server.Dataset("erm2-nwe9").Update(["3", "4"], Stamp.AddHours(6), new Dictionary<string, string?> { ["status"] = null, ["descriptor"] = "Changed later" });
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Where_understands_and_or_not_parentheses_and_is_null()
    {
        var keys = await KeysAsync("$where=(unique_key < 5 OR unique_key >= 28) AND NOT status IS NULL&$order=unique_key");

        keys.ShouldBe(["1", "2", "28", "29", "30"]);
    }

    [Fact]
    public async Task Timestamps_compare_as_instants_whatever_their_precision()
    {
        var created = await KeysAsync("$where=created_date >= '2024-01-01T02:00:00' AND created_date < '2024-01-01T04:00:00.000'&$order=created_date DESC");
        var updated = await KeysAsync("$where=:updated_at > '2024-02-01T05:59:59.999Z'&$order=unique_key");

        created.ShouldBe(["4", "3"]);
        updated.ShouldBe(["3", "4"]);
    }

    [Fact]
    public async Task Select_returns_system_fields_data_fields_or_named_fields()
    {
        var both = await RowsAsync("$select=:*, *&$where=unique_key = '3'");
        var data = await RowsAsync("$where=unique_key = '3'");
        var named = await RowsAsync("$select=unique_key,descriptor,:updated_at&$where=unique_key = '3'");

        both.Single()!.AsObject().Select(p => p.Key).Take(4).ShouldBe([":id", ":created_at", ":updated_at", "unique_key"]);
        both.Single()![":updated_at"]!.GetValue<string>().ShouldBe("2024-02-01T06:00:00.000Z");
        data.Single()!.AsObject().ShouldNotContain(p => p.Key.StartsWith(':'));
        data.Single()!.AsObject().ShouldNotContain(p => p.Key == "status");
        named.Single()!.ToJsonString().ShouldBe("""{"unique_key":"3","descriptor":"Changed later",":updated_at":"2024-02-01T06:00:00.000Z"}""");
    }

    [Fact]
    public async Task Limit_and_offset_page_through_a_stable_order()
    {
        var pages = new List<string>();
        for (var offset = 0; offset < 40; offset += 7)
        {
            pages.AddRange(await KeysAsync($"$order=:id&$limit=7&$offset={offset}"));
        }

        pages.Count.ShouldBe(30);
        pages.Distinct().Count().ShouldBe(30);
        (await KeysAsync("$limit=1000")).Count.ShouldBe(30);
    }

    [Fact]
    public async Task Queries_outside_the_subset_get_400_and_unknown_datasets_404()
    {
        (await GetAsync("erm2-nwe9", "$where=unique_key LIKE '1%'")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await GetAsync("erm2-nwe9", "$group=agency")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await GetAsync("erm2-nwe9", "$limit=50001")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var missing = await GetAsync("abcd-1234", "");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await missing.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("abcd-1234");
    }

    [Fact]
    public async Task Faults_are_served_in_order_and_logged()
    {
        server.Faults.Enqueue(SocrataFault.TooManyRequests(TimeSpan.FromSeconds(9)), SocrataFault.TruncatedJson());

        var limited = await GetAsync("erm2-nwe9", "");
        var truncated = await GetAsync("erm2-nwe9", "$limit=5");
        var normal = await GetAsync("erm2-nwe9", "$limit=5");

        limited.StatusCode.ShouldBe((HttpStatusCode)429);
        limited.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(9));
        var cut = await truncated.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var whole = await normal.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        cut.Length.ShouldBe(whole.Length / 2);
        whole.ShouldStartWith(cut);
        server.Requests.Select(r => (r.Fault?.Kind, r.StatusCode)).ShouldBe([(SocrataFaultKind.TooManyRequests, 429), (SocrataFaultKind.TruncatedJson, 200), (null, 200)]);
    }

    private async Task<HttpResponseMessage> GetAsync(string dataset, string query) =>
        await http.GetAsync(new Uri(server.BaseUrl, $"resource/{dataset}.json?{query}"), TestContext.Current.CancellationToken);

    private async Task<JsonArray> RowsAsync(string query)
    {
        var response = await GetAsync("erm2-nwe9", query);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsArray();
    }

    private async Task<List<string>> KeysAsync(string query) =>
        [.. (await RowsAsync(query)).Select(r => r!["unique_key"]!.GetValue<string>())];
}

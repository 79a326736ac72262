using Nyc311.Ingest.Files;
using Nyc311.Ingest.Tests.Support;
using Nyc311.Testing.Socrata;

namespace Nyc311.Ingest.Tests.Files;

public sealed class JsonFileSourceTests
{
    [Fact]
    public async Task A_JSON_array_yields_every_element_with_the_line_it_starts_on()
    {
        using var file = TempFile.WithText("page.json", """
            [
              {"unique_key": "1", "created_date": "2024-01-01T00:00:00.000"},
              {
                "unique_key": "2",
                "location": {"latitude": "40.7", "longitude": "-73.9", "human_address": "{\"address\": \"\"}"}
              }, {"unique_key": "3", "x": 4.50, "y": true, "z": null, "w": ["a", {"b": 1}]}
            ]
            """);

        var batch = (await FileSource.ReadAsync(file.Path, cancellationToken: TestContext.Current.CancellationToken).ToListAsync()).ShouldHaveSingleItem();

        batch.Source.ShouldBe(SourceKind.Json);
        batch.Rejected.ShouldBeEmpty();
        batch.Records.Select(r => (r.SourceLine, r.GetValueOrDefault("unique_key"))).ShouldBe([(2L, "1"), (3L, "2"), (6L, "3")]);
        batch.Records[1].GetValueOrDefault("location").ShouldBe("""{"latitude": "40.7", "longitude": "-73.9", "human_address": "{\"address\": \"\"}"}""");
        batch.Records[2].Fields.ShouldBe([new("unique_key", "3"), new("x", "4.50"), new("y", "true"), new("z", null), new("w", """["a", {"b": 1}]""")]);
    }

    [Fact]
    public async Task A_real_pretty_printed_fixture_is_one_record_with_its_GeoJSON_location_verbatim()
    {
        var path = SocrataSampleData.ApiFixturePaths.Single(p => p.EndsWith("normal-with-bbl.json", StringComparison.Ordinal));

        var record = (await FileSource.ReadAsync(path, cancellationToken: TestContext.Current.CancellationToken).ToListAsync()).Records().ShouldHaveSingleItem();

        FileSource.DetectFormat(path).ShouldBe(FileFormat.Json);
        record.SourceLine.ShouldBe(1);
        record.Fields.Count.ShouldBe(20);
        record.GetValueOrDefault("unique_key").ShouldBe("69860415");
        record.GetValueOrDefault("location").ShouldBe("""{ "type": "Point", "coordinates": [-73.86483648294, 40.853400079069] }""");
    }

    [Fact]
    public async Task Every_real_fixture_reads_without_rejections()
    {
        foreach (var path in SocrataSampleData.ApiFixturePaths)
        {
            var batch = (await FileSource.ReadAsync(path, cancellationToken: TestContext.Current.CancellationToken).ToListAsync()).ShouldHaveSingleItem();
            batch.Rejected.ShouldBeEmpty();
            batch.Records.ShouldHaveSingleItem().GetValueOrDefault("created_date").ShouldNotBeNull();
        }
    }

    [Fact]
    public async Task NDJSON_yields_one_record_per_line_and_rejects_bad_lines_with_their_number()
    {
        using var file = TempFile.WithText("changes.ndjson", string.Join('\n',
            """{"unique_key":"1"}""",
            "",
            """{"unique_key":"2",}""",
            "42",
            """{"unique_key":"3","unique_key":"4"}""",
            """{"unique_key":"5"} {"unique_key":"6"}""",
            """{"unique_key":"7"}""") + "\r\n");

        var batch = (await FileSource.ReadAsync(file.Path, cancellationToken: TestContext.Current.CancellationToken).ToListAsync()).ShouldHaveSingleItem();

        batch.Records.Select(r => (r.SourceLine, r.GetValueOrDefault("unique_key"))).ShouldBe([(1L, "1"), (7L, "7")]);
        batch.Rejected.Select(r => (r.Line, r.RawText)).ShouldBe(
        [
            (3L, """{"unique_key":"2",}"""),
            (4L, "42"),
            (5L, """{"unique_key":"3","unique_key":"4"}"""),
            (6L, """{"unique_key":"5"} {"unique_key":"6"}"""),
        ]);
        batch.Rejected.Select(r => r.Reason).ShouldSatisfyAllConditions(
            reasons => reasons.ElementAt(0).ShouldStartWith("invalid JSON: "),
            reasons => reasons.ElementAt(1).ShouldBe("the record is a number, not an object"),
            reasons => reasons.ElementAt(2).ShouldBe("field unique_key appears twice"),
            reasons => reasons.ElementAt(3).ShouldStartWith("invalid JSON: '{' is invalid after a single JSON value"));
    }

    [Fact]
    public async Task An_NDJSON_file_cut_off_mid_line_rejects_only_that_line()
    {
        using var file = TempFile.WithText("cut.jsonl", "{\"unique_key\":\"1\"}\n{\"unique_key\":\"2\"}\n{\"unique_key\":\"3\",\"cre");

        var batch = (await FileSource.ReadAsync(file.Path, cancellationToken: TestContext.Current.CancellationToken).ToListAsync()).ShouldHaveSingleItem();

        batch.Records.Count.ShouldBe(2);
        batch.Rejected.ShouldHaveSingleItem().ShouldSatisfyAllConditions(r => r.Line.ShouldBe(3), r => r.Reason.ShouldStartWith("invalid JSON"));
    }

    [Fact]
    public async Task Elements_that_are_not_objects_or_not_valid_are_rejected_and_the_array_reads_on()
    {
        using var file = TempFile.WithText("mixed.json", "[\n{\"unique_key\":\"1\"},\n\"text\",\n{\"unique_key\": oops},\n[1,2],\n{\"unique_key\":\"5\"}\n]\n");

        var batch = (await FileSource.ReadAsync(file.Path, cancellationToken: TestContext.Current.CancellationToken).ToListAsync()).ShouldHaveSingleItem();

        batch.Records.Select(r => (r.SourceLine, r.GetValueOrDefault("unique_key"))).ShouldBe([(2L, "1"), (6L, "5")]);
        batch.Rejected.Select(r => (r.Line, r.Reason.Split(':')[0], r.RawText)).ShouldBe(
        [
            (3L, "the record is a string, not an object", "\"text\""),
            (4L, "invalid JSON", "{\"unique_key\": oops}"),
            (5L, "the record is an array, not an object", "[1,2]"),
        ]);
    }

    [Fact]
    public async Task An_array_cut_off_inside_a_record_yields_the_records_before_and_rejects_the_tail()
    {
        using var file = TempFile.WithText("cut.json", "[{\"unique_key\":\"1\"},\n {\"unique_key\":\"2\"},\n {\"unique_key\":\"3\", \"location\": {\"lat");

        var batch = (await FileSource.ReadAsync(file.Path, cancellationToken: TestContext.Current.CancellationToken).ToListAsync()).ShouldHaveSingleItem();

        batch.Records.Select(r => r.GetValueOrDefault("unique_key")).ShouldBe(["1", "2"]);
        batch.Rejected.ShouldBe([new RejectedRow("cut.json", 3, "the file ends inside this record (truncated file?)", "{\"unique_key\":\"3\", \"location\": {\"lat")]);
    }

    [Fact]
    public async Task An_array_missing_its_closing_bracket_is_flagged_after_its_last_record()
    {
        using var file = TempFile.WithText("open.json", "[{\"unique_key\":\"1\"},\n{\"unique_key\":\"2\"},\n");

        var batch = (await FileSource.ReadAsync(file.Path, cancellationToken: TestContext.Current.CancellationToken).ToListAsync()).ShouldHaveSingleItem();

        batch.Records.Count.ShouldBe(2);
        batch.Rejected.ShouldBe([new RejectedRow("open.json", 3, "the file ends before the array's closing ']' (truncated file?)", "")]);
    }

    [Fact]
    public async Task A_record_longer_than_the_limit_is_rejected_and_the_next_ones_still_read()
    {
        var big = new string('x', 200);
        using var file = TempFile.WithText("big.json", $"[{{\"unique_key\":\"1\"}},{{\"unique_key\":\"2\",\"note\":\"{big}\"}},{{\"unique_key\":\"3\"}}]");

        var batch = (await FileSource.ReadAsync(file.Path, new FileReadOptions { MaxRecordLength = 64 }, cancellationToken: TestContext.Current.CancellationToken).ToListAsync()).ShouldHaveSingleItem();

        batch.Records.Select(r => r.GetValueOrDefault("unique_key")).ShouldBe(["1", "3"]);
        batch.Rejected.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            r => r.Reason.ShouldBe("the record runs past 64 bytes"),
            r => r.RawText.Length.ShouldBe(64),
            r => r.RawText.ShouldStartWith("{\"unique_key\":\"2\""));
    }

    [Fact]
    public async Task Content_after_the_closing_bracket_is_rejected()
    {
        using var file = TempFile.WithText("tail.json", "[{\"unique_key\":\"1\"}]\ngarbage here\n");

        var batch = (await FileSource.ReadAsync(file.Path, cancellationToken: TestContext.Current.CancellationToken).ToListAsync()).ShouldHaveSingleItem();

        batch.Records.Count.ShouldBe(1);
        batch.Rejected.ShouldBe([new RejectedRow("tail.json", 2, "unexpected content after the array's closing ']'", "garbage here\n")]);
    }
}

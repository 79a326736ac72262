using Nyc311.Domain;
using Nyc311.Ingest.Files;
using Nyc311.Ingest.Tests.Support;
using Nyc311.Testing.Socrata;

namespace Nyc311.Ingest.Tests.Files;

public sealed class CsvFileSourceTests
{
    private const string Header = "Unique Key,Created Date,Location";

    [Fact]
    public async Task The_real_export_yields_924_records_of_41_fields_under_their_API_names()
    {
        var batches = await FileSource.ReadAsync(SocrataSampleData.CsvExportPath, cancellationToken: TestContext.Current.CancellationToken).ToListAsync();

        var batch = batches.ShouldHaveSingleItem();
        batch.ShouldSatisfyAllConditions(
            b => b.Source.ShouldBe(SourceKind.Csv),
            b => b.SourceName.ShouldBe("csv"),
            b => b.SourceFile.ShouldBe(SocrataSampleData.CsvExportFileName),
            b => b.IsFinal.ShouldBeTrue(),
            b => b.Rejected.ShouldBeEmpty(),
            b => b.Records.Count.ShouldBe(924));
        batch.Records.ShouldAllBe(r => r.Fields.Count == 41);
        batch.Records[0].Fields.Select(f => f.Key).ShouldBe(ServiceRequestFields.CsvExport.Select(f => f.ApiName));
        batch.Records.Select(r => r.SourceLine).ShouldBe(Enumerable.Range(2, 924).Select(l => (long?)l));
    }

    [Fact]
    public async Task Values_stay_the_strings_in_the_file_and_quoted_fields_lose_only_their_quotes()
    {
        var records = (await FileSource.ReadAsync(SocrataSampleData.CsvExportPath, cancellationToken: TestContext.Current.CancellationToken).ToListAsync()).Records().ToList();

        var first = records[0];
        first.GetValueOrDefault("unique_key").ShouldBe("54049402");
        first.GetValueOrDefault("created_date").ShouldBe("05/01/2022 12:00:03 AM");
        first.GetValueOrDefault("closed_date").ShouldBeNull();
        first.GetValueOrDefault("cross_street_1").ShouldBe("EAST  164 STREET");
        first.GetValueOrDefault("location").ShouldBe("(40.83065331987539, -73.92308231033165)");
        var taxi = records.Single(r => r.GetValueOrDefault("unique_key") == "54051476");
        taxi.GetValueOrDefault("taxi_pick_up_location").ShouldBe("354 GREENWICH STREET, MANHATTAN (NEW YORK), NY, 10013");
        taxi.SourceFile.ShouldBe(SocrataSampleData.CsvExportFileName);
    }

    [Fact]
    public async Task Batches_split_the_file_in_order_and_only_the_last_is_final()
    {
        var batches = await FileSource.ReadAsync(SocrataSampleData.CsvExportPath, new FileReadOptions { BatchSize = 400, Dataset = "erm2-nwe9" }, cancellationToken: TestContext.Current.CancellationToken).ToListAsync();

        batches.Select(b => (b.Sequence, b.Offset, b.Records.Count, b.IsFinal)).ShouldBe([(0, 0L, 400, false), (1, 400L, 400, false), (2, 800L, 124, true)]);
        batches.ShouldAllBe(b => b.Dataset == "erm2-nwe9");
    }

    [Fact]
    public async Task Quoted_fields_keep_commas_quotes_and_line_breaks_and_later_lines_stay_counted()
    {
        using var file = TempFile.WithText("quoted.csv", $"{Header}\r\n1,\"a, b\",\"say \"\"hi\"\"\"\r\n2,\"line one\r\nline two\nline three\",\"\"\r\n3,x,\r\n");

        var batch = (await FileSource.ReadAsync(file.Path, cancellationToken: TestContext.Current.CancellationToken).ToListAsync()).ShouldHaveSingleItem();

        batch.Rejected.ShouldBeEmpty();
        batch.Records.Select(r => r.SourceLine).ShouldBe([2L, 3L, 6L]);
        batch.Records[0].Fields.Select(f => f.Value).ShouldBe(["1", "a, b", "say \"hi\""]);
        batch.Records[1].Fields.Select(f => f.Value).ShouldBe(["2", "line one\r\nline two\nline three", ""]);
        batch.Records[2].Fields.Select(f => f.Value).ShouldBe(["3", "x", null]);
    }

    [Fact]
    public async Task Malformed_rows_are_rejected_with_their_line_and_reason_and_the_rest_still_yields()
    {
        using var file = TempFile.WithText("bad.csv", string.Join('\n',
            Header,
            "1,a,b",
            "2,too,many,fields",
            "3,fine\"quote,b",
            "4,\"closed\"then,b",
            "",
            "5,\"multi",
            "line\",b",
            "6,a",
            "7,z,z") + "\n");

        var batch = (await FileSource.ReadAsync(file.Path, cancellationToken: TestContext.Current.CancellationToken).ToListAsync()).ShouldHaveSingleItem();

        batch.Records.Select(r => (r.SourceLine, r.GetValueOrDefault("unique_key"))).ShouldBe([(2L, "1"), (7L, "5"), (10L, "7")]);
        batch.Records[1].GetValueOrDefault("created_date").ShouldBe("multi\nline");
        batch.Rejected.ShouldBe(
        [
            new RejectedRow("bad.csv", 3, "expected 3 fields, found 4", "2,too,many,fields"),
            new RejectedRow("bad.csv", 4, "field 2 contains a quote but is not quoted", "3,fine\"quote,b"),
            new RejectedRow("bad.csv", 5, "unexpected character 't' after the closing quote of field 2", "4,\"closed\"then,b"),
            new RejectedRow("bad.csv", 9, "expected 3 fields, found 2", "6,a"),
        ]);
    }

    [Fact]
    public async Task A_file_cut_off_inside_a_quoted_field_yields_what_parsed_and_rejects_the_tail()
    {
        using var file = TempFile.WithText("cut.csv", $"{Header}\n1,a,b\n2,\"never closed,\nstill open");

        var batch = (await FileSource.ReadAsync(file.Path, cancellationToken: TestContext.Current.CancellationToken).ToListAsync()).ShouldHaveSingleItem();

        batch.Records.ShouldHaveSingleItem().GetValueOrDefault("unique_key").ShouldBe("1");
        batch.Rejected.ShouldBe([new RejectedRow("cut.csv", 3, "the file ends inside a quoted field (truncated file or unterminated quote)", "2,\"never closed,\nstill open")]);
    }

    [Fact]
    public async Task A_stray_opening_quote_costs_only_its_own_line()
    {
        var good = Enumerable.Range(10, 12).Select(i => $"{i},2022-05-01,here");
        using var file = TempFile.WithText("stray.csv", string.Join('\n', [Header, "1,a,b", "2,\"stray,b", .. good]) + "\n");

        var batch = (await FileSource.ReadAsync(file.Path, new FileReadOptions { MaxRecordLength = 64 }, cancellationToken: TestContext.Current.CancellationToken).ToListAsync()).ShouldHaveSingleItem();

        batch.Rejected.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            r => r.Line.ShouldBe(3),
            r => r.RawText.ShouldBe("2,\"stray,b"),
            r => r.Reason.ShouldStartWith("the record runs past 64 characters"));
        batch.Records.Select(r => r.GetValueOrDefault("unique_key")).ShouldBe(["1", .. Enumerable.Range(10, 12).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        batch.Records.Select(r => r.SourceLine).ShouldBe([2L, .. Enumerable.Range(4, 12).Select(i => (long)i)]);
    }

    [Fact]
    public async Task Unknown_headers_get_a_snake_case_name_and_duplicate_ones_are_refused()
    {
        using var extra = TempFile.WithText("extra.csv", "Unique Key,Some New Column\n1,x\n");
        using var twice = TempFile.WithText("twice.csv", "Unique Key,unique_key\n1,2\n");

        var record = (await FileSource.ReadAsync(extra.Path, cancellationToken: TestContext.Current.CancellationToken).ToListAsync()).Records().Single();
        var error = await Should.ThrowAsync<SourceFileException>(FileSource.ReadAsync(twice.Path, cancellationToken: TestContext.Current.CancellationToken).ToListAsync());

        record.Fields.ShouldBe([new("unique_key", "1"), new("some_new_column", "x")]);
        error.Message.ShouldBe($"CSV file twice.csv has an unusable header: two columns map to the field unique_key");
    }

    [Fact]
    public async Task A_header_only_or_empty_file_yields_one_empty_final_batch()
    {
        using var headerOnly = TempFile.WithText("header.csv", Header + "\r\n");
        using var empty = TempFile.WithText("empty.csv", "");

        foreach (var path in new[] { headerOnly.Path, empty.Path })
        {
            var batch = (await FileSource.ReadAsync(path, cancellationToken: TestContext.Current.CancellationToken).ToListAsync()).ShouldHaveSingleItem();
            batch.Records.ShouldBeEmpty();
            batch.IsFinal.ShouldBeTrue();
        }
    }

    [Fact]
    public async Task Progress_reports_bytes_read_of_the_file_size()
    {
        var progress = new RecordingProgress();
        var size = new FileInfo(SocrataSampleData.CsvExportPath).Length;

        await FileSource.ReadAsync(SocrataSampleData.CsvExportPath, new FileReadOptions { BatchSize = 500 }, progress, TestContext.Current.CancellationToken).ToListAsync();

        progress.Reports.Select(p => (p.Pages, p.Rows)).ShouldBe([(1L, 500L), (2L, 924L)]);
        progress.Reports.ShouldAllBe(p => p.TotalBytes == size && p.BytesRead <= size && p.Source == SocrataSampleData.CsvExportFileName);
        progress.Reports[^1].BytesRead.ShouldBe(size);
    }
}

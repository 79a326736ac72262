using Nyc311.Ingest.Files;
using Nyc311.Ingest.Tests.Support;
using Nyc311.Testing.Socrata;

namespace Nyc311.Ingest.Tests.Files;

public sealed class FileFormatTests
{
    [Theory]
    [InlineData("a.csv", "anything", FileFormat.Csv)]
    [InlineData("a.ndjson", "{\n", FileFormat.JsonLines)]
    [InlineData("a.JSONL", "", FileFormat.JsonLines)]
    [InlineData("a.json", "\uFEFF  [ {\"a\":1} ]", FileFormat.Json)]
    [InlineData("a.json", "{\n  \"a\": 1\n}\n", FileFormat.Json)]
    [InlineData("a.json", "{\"a\":1}\n{\"a\":2}\n", FileFormat.JsonLines)]
    [InlineData("a.json", "", FileFormat.Json)]
    [InlineData("export.txt", "Unique Key,Created Date\n1,x\n", FileFormat.Csv)]
    [InlineData("export", "[]", FileFormat.Json)]
    public void The_format_comes_from_the_extension_then_the_first_bytes(string name, string content, FileFormat expected)
    {
        using var file = TempFile.WithText(name, content);

        FileSource.DetectFormat(file.Path).ShouldBe(expected);
    }

    [Fact]
    public void The_real_files_are_recognised()
    {
        FileSource.DetectFormat(SocrataSampleData.CsvExportPath).ShouldBe(FileFormat.Csv);
        SocrataSampleData.ApiFixturePaths.ShouldAllBe(p => FileSource.DetectFormat(p) == FileFormat.Json);
    }

    [Fact]
    public void A_file_that_is_neither_JSON_nor_CSV_is_refused_by_name()
    {
        using var file = TempFile.WithText("notes.dat", "just some words\n");

        Should.Throw<SourceFileException>(() => FileSource.DetectFormat(file.Path)).Message.ShouldStartWith($"Cannot tell the format of {file.Path}");
    }

    [Fact]
    public async Task A_missing_file_is_a_source_file_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), "nyc311-no-such-file.csv");

        var error = await Should.ThrowAsync<SourceFileException>(FileSource.ReadAsync(missing, cancellationToken: TestContext.Current.CancellationToken).ToListAsync());

        error.File.ShouldBe(missing);
        error.Message.ShouldStartWith($"Source file {missing} cannot be opened");
    }
}

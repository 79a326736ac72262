using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using Nyc311.Domain;
using Nyc311.Simulation.Output;
using Nyc311.Simulation.Tests.Support;

namespace Nyc311.Simulation.Tests.Output;

public partial class CsvExportWriterTests
{
    private static readonly string RealFile = Path.Combine(AppContext.BaseDirectory, "Data", "nyc311_rows_2022-05-01_first90__fedhere_PyBOOT.csv");

    [GeneratedRegex(@"^\d{2}/\d{2}/\d{4} (0[1-9]|1[0-2]):[0-5]\d:[0-5]\d [AP]M$")]
    private static partial Regex CsvTimestamp();

    [GeneratedRegex(@"^\(-?\d+\.\d+, -?\d+\.\d+\)$")]
    private static partial Regex CsvLocation();

    [Fact]
    public void The_header_is_the_real_export_header()
    {
        var realHeader = File.ReadLines(RealFile).First();
        var ours = Encoding.UTF8.GetString(Simulate.Csv([])).TrimEnd('\n');
        ours.ShouldBe(realHeader);
        ours.Split(',').Length.ShouldBe(41);
        ours.Split(',').ShouldBe(ServiceRequestFields.CsvExport.Select(f => f.CsvHeader));
    }

    [Fact]
    public void Output_parses_back_into_41_columns_with_the_real_formats()
    {
        var records = Simulate.Day(new DateOnly(2022, 5, 1)).Records;
        var bytes = Simulate.Csv(records);
        bytes.Take(3).ShouldNotBe(new byte[] { 0xEF, 0xBB, 0xBF }, "no byte order mark");
        var rows = Rfc4180.Parse(Encoding.UTF8.GetString(bytes));

        rows.Count.ShouldBe(records.Count + 1);
        rows.ShouldAllBe(r => r.Length == 41);
        for (var i = 0; i < records.Count; i++)
        {
            var row = rows[i + 1];
            var record = records[i];
            row[0].ShouldBe(record["unique_key"] ?? string.Empty);
            row[5].ShouldBe(record["complaint_type"]);
            row[21].ShouldBe(record["resolution_description"] ?? string.Empty);
            foreach (var column in new[] { 1, 2, 20, 22 })
            {
                if (row[column].Length > 0 && !record.Problems.HasFlag(QualityProblems.UnparseableCreatedDate))
                {
                    CsvTimestamp().IsMatch(row[column]).ShouldBeTrue(row[column]);
                }
            }

            if (row[38].Length > 0)
            {
                row[40].ShouldBe($"({row[38]}, {row[39]})");
                CsvLocation().IsMatch(row[40]).ShouldBeTrue();
            }
        }
    }

    [Fact]
    public void The_real_rows_have_the_same_shape_as_ours()
    {
        var real = Rfc4180.Parse(File.ReadAllText(RealFile));
        real.Count.ShouldBe(91);
        real.ShouldAllBe(r => r.Length == 41);
        foreach (var row in real.Skip(1))
        {
            CsvTimestamp().IsMatch(row[1]).ShouldBeTrue();
            if (row[40].Length > 0)
            {
                CsvLocation().IsMatch(row[40]).ShouldBeTrue();
            }
        }

        real.ShouldContain(r => r[33].Contains(", MANHATTAN (NEW YORK), NY, ", StringComparison.Ordinal));
    }

    [Fact]
    public void Timestamps_convert_exactly_like_the_runtime_formats_them()
    {
        Gen.Long[0, 100L * 365 * 24 * 3600].Select(s => new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified).AddSeconds(s))
            .Sample(t =>
            {
                Span<char> csv = stackalloc char[Timestamps.CsvLength];
                Timestamps.TryWriteCsv(Timestamps.Api(t), csv).ShouldBeTrue();
                csv.ToString().ShouldBe(t.ToString("MM/dd/yyyy hh:mm:ss tt", CultureInfo.InvariantCulture));
                Timestamps.Api(t).ShouldBe(t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture));
            });
    }

    [Fact]
    public void Any_text_survives_the_quoting_rules()
    {
        var template = Simulate.Day(new DateOnly(2022, 5, 1), quality: false).Records.First(r => r["resolution_description"] is not null);
        Gen.String[Gen.Char["ab ,\"\n\r'é"], 0, 30].Sample(text =>
        {
            var record = template.Clone();
            record.Resolution = text;
            var rows = Rfc4180.Parse(Encoding.UTF8.GetString(Simulate.Csv([record])));
            rows.Count.ShouldBe(2);
            rows[1].Length.ShouldBe(41);
            rows[1][21].ShouldBe(text);
        });
    }

    [Fact]
    public void Fields_with_commas_quotes_or_line_breaks_are_quoted_and_others_are_not()
    {
        var template = Simulate.Day(new DateOnly(2022, 5, 1), quality: false).Records.First(r => r["resolution_description"] is not null);
        var record = template.Clone();
        record.Resolution = "He said \"no\", then\nleft";
        var line = Encoding.UTF8.GetString(Simulate.Csv([record])).Split('\n', 2)[1];
        line.ShouldContain(",\"He said \"\"no\"\", then\nleft\",");
        line.ShouldStartWith(template["unique_key"] + ",");
    }
}

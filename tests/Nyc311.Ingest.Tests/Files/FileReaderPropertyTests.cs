using System.Text;
using CsCheck;
using Nyc311.Ingest.Files;
using Nyc311.Ingest.Files.Csv;
using Nyc311.Ingest.Files.Json;

namespace Nyc311.Ingest.Tests.Files;

/// <summary>Round trips through the readers at every buffer size, so chunk boundaries fall everywhere.</summary>
public sealed class FileReaderPropertyTests
{
    private static readonly Gen<string> Text = Gen.String[Gen.Char["ab ,\"\r\n\té"], 0, 12];
    private static readonly Gen<int> BufferSize = Gen.Int[1, 40];

    [Fact]
    public void CSV_written_with_RFC_4180_quoting_reads_back_field_for_field()
    {
        Gen.Int[1, 5].SelectMany(columns => Gen.Select(BufferSize, Text.Array[columns].Array[0, 6]).Select(t => (Columns: columns, Buffer: t.Item1, Rows: t.Item2)))
            .Sample(t =>
            {
                var header = string.Join(',', Enumerable.Range(0, t.Columns).Select(i => $"c{i}"));
                var csv = header + "\r\n" + string.Concat(t.Rows.Select(row => string.Join(',', row.Select(Quote)) + "\n"));

                var read = ReadCsv(csv, t.Buffer);

                // Empty values are written quoted, so they read back as "" rather than null.
                return read.Count == t.Rows.Length
                    && read.Zip(t.Rows).All(p => p.First.Record is { } record && record.Fields.Select(f => f.Value).SequenceEqual(p.Second));
            });
    }

    [Fact]
    public void JSON_arrays_and_NDJSON_read_back_value_for_value()
    {
        var field = Gen.String[Gen.Char["ab \"\\/é\n"], 0, 8];
        Gen.Select(field.Array[1, 4].Array[0, 6], BufferSize, Gen.Bool)
            .Sample((records, buffer, pretty) =>
            {
                var objects = records.Select(r => "{" + string.Join(",", r.Select((f, i) => $"\"f{i}\":{System.Text.Json.JsonSerializer.Serialize(f)}")) + "}").ToList();
                var array = "[" + string.Join(pretty ? ",\n  " : ",", objects) + "]";
                var lines = string.Join("\n", objects);

                var fromArray = ReadJson(array, buffer, lines: false);
                var fromLines = ReadJson(lines, buffer, lines: true);

                return Matches(fromArray, records) && Matches(fromLines, records);
            });
    }

    private static bool Matches(List<SourceRow> rows, string[][] records) =>
        rows.Count == records.Length
        && rows.Zip(records).All(p => p.First.Record is { } record && record.Fields.Select(f => f.Value).SequenceEqual(p.Second));

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || value.Length == 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static List<SourceRow> ReadCsv(string csv, int bufferSize) =>
        Collect(CsvRowReader.ReadAsync(new StringReader(csv), "p.csv", 1 << 16, bufferSize, CancellationToken.None));

    private static List<SourceRow> ReadJson(string json, int bufferSize, bool lines)
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return Collect(lines
            ? JsonRowReader.ReadLinesAsync(stream, "p.ndjson", 1 << 16, bufferSize, CancellationToken.None)
            : JsonRowReader.ReadDocumentAsync(stream, "p.json", 1 << 16, bufferSize, CancellationToken.None));
    }

    private static List<SourceRow> Collect(IAsyncEnumerable<SourceRow> rows) => rows.ToBlockingEnumerable().ToList();
}

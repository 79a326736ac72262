using System.Text.Json;
using Nyc311.Domain;
using Nyc311.Pipeline.Reference;
using Nyc311.Pipeline.Sql;

namespace Nyc311.Pipeline.Tests.Support;

/// <summary>Writes bronze-shaped rows (every field a string as received, plus ingest metadata) into DuckDB.</summary>
public static class Bronze
{
    public const string Table = PipelineRelations.Bronze;

    public static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);

    public static string RealCsv => DataFile("nyc311_rows_2022-05-01_0000-0206__fedhere_PyBOOT.csv");

    public static void CreateTable(TestDuckDb db, string table = Table)
    {
        var d = SqlDialects.DuckDb;
        db.Execute($"CREATE TABLE {table} ({string.Join(", ", SilverSql.BronzeColumns.Select(c => $"{c.Name} {d.TypeName(c.Type)}"))})");
    }

    /// <summary>Appends a CSV export the way ingestion does: headers renamed to API names, all values as strings.</summary>
    public static void LoadCsv(TestDuckDb db, string path, BronzeBatch batch, string table = Table)
    {
        var d = SqlDialects.DuckDb;
        var headers = EmbeddedCsv.Fields(File.ReadLines(path).First());
        var renamed = headers.Select(h => $"{d.QuoteIdentifier(h)} AS {ServiceRequestFields.ApiNameForCsvHeader(h)}");
        db.Execute($"""
            INSERT INTO {table} BY NAME
            SELECT {string.Join(", ", renamed)}, {Metadata(batch)},
                   row_number() OVER () + 1 AS _source_line, row_number() OVER () - 1 AS _record_number
            FROM read_csv({d.StringLiteral(path)}, all_varchar = true, header = true)
            """);
    }

    /// <summary>Appends records (field name to received text) in order; missing fields are null.</summary>
    public static void Insert(TestDuckDb db, BronzeBatch batch, IEnumerable<IReadOnlyDictionary<string, string?>> records, string table = Table)
    {
        var d = SqlDialects.DuckDb;
        var number = 0;
        foreach (var record in records)
        {
            var names = record.Keys.ToList();
            var values = names.Select(n => record[n] is { } v ? d.StringLiteral(v) : "NULL");
            var line = batch.SourceFile is null ? "NULL" : (number + 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
            db.Execute($"""
                INSERT INTO {table} BY NAME
                SELECT {string.Join(", ", values.Zip(names, (v, n) => $"{v} AS {n}").Append(Metadata(batch)))},
                       {line} AS _source_line, {number} AS _record_number
                """);
            number++;
        }
    }

    /// <summary>A Socrata JSON record as bronze keeps it: scalars as their text, nested values as JSON text.</summary>
    public static Dictionary<string, string?> ReadApiFixture(string fileName)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(DataFile(Path.Combine("api_fixtures", fileName))));
        return document.RootElement.EnumerateObject().ToDictionary(
            p => p.Name.StartsWith(':') ? "socrata_" + p.Name[1..] : p.Name,
            p => p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.Null => null,
                _ => p.Value.GetRawText(),
            });
    }

    private static string Metadata(BronzeBatch batch)
    {
        var d = SqlDialects.DuckDb;
        string Text(string? value) => value is null ? "NULL" : d.StringLiteral(value);
        return $"{Text(batch.BatchId)} AS _batch_id, {Text(batch.Source)} AS _source, {Text(batch.Dataset)} AS _dataset, "
            + $"{Text(batch.SourceFile)} AS _source_file, TIMESTAMPTZ '{batch.IngestedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}+00' AS _ingested_at, "
            + $"DATE '{batch.IngestedAt.UtcDateTime:yyyy-MM-dd}' AS _ingest_date";
    }
}

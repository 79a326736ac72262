using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nyc311.Testing.Socrata;

/// <summary>
/// Real and generated 311 records for the loopback server: the real API fixtures and the real
/// 924-row CSV export (copies under <c>Socrata/Data</c>, see its README), the conversion of a CSV
/// export row to the API's JSON shape, and a generator.
/// </summary>
public static class SocrataSampleData
{
    /// <summary>The real CSV export's file name.</summary>
    public const string CsvExportFileName = "nyc311_rows_2022-05-01_0000-0206__fedhere_PyBOOT.csv";

    private static readonly string[] TimestampFields = ["created_date", "closed_date", "due_date", "resolution_action_updated_date"];
    private static readonly string[] Agencies = ["NYPD", "HPD", "DSNY", "DOT", "DEP", "DOB", "DPR", "DOHMH"];
    private static readonly string[] ComplaintTypes = ["Noise - Residential", "Illegal Parking", "HEAT/HOT WATER", "Blocked Driveway", "Street Condition", "Noise - Street/Sidewalk", "Water System", "UNSANITARY CONDITION"];
    private static readonly string[] Boroughs = ["BRONX", "BROOKLYN", "MANHATTAN", "QUEENS", "STATEN ISLAND"];
    private static readonly string[] Statuses = ["Open", "In Progress", "Closed"];

    private static readonly Lazy<string> LazyDataDirectory = new(FindDataDirectory);

    /// <summary>
    /// The folder with the copied real data: <c>Socrata/Data</c> beside the test assembly (test
    /// projects copy it there), else the source folder found by walking up from it.
    /// </summary>
    public static string DataDirectory => LazyDataDirectory.Value;

    /// <summary>Path of the real 924-row CSV export.</summary>
    public static string CsvExportPath => Path.Combine(DataDirectory, CsvExportFileName);

    /// <summary>Paths of the four real single-record API fixtures (pretty-printed JSON objects).</summary>
    public static IReadOnlyList<string> ApiFixturePaths =>
        [.. Directory.GetFiles(Path.Combine(DataDirectory, "api_fixtures"), "*.json").Order(StringComparer.Ordinal)];

    /// <summary>
    /// A CSV export row (fields under their API names, as a CSV reader yields them) in the API's
    /// JSON shape: empty fields left out (the API omits nulls), timestamps from
    /// <c>MM/DD/YYYY hh:mm:ss AM</c> to <c>yyyy-MM-ddTHH:mm:ss.000</c>, and <c>location</c> from
    /// <c>(lat, lon)</c> to the API's latitude/longitude object with a <c>human_address</c>.
    /// </summary>
    public static JsonObject FromCsvExport(IEnumerable<KeyValuePair<string, string?>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var record = new JsonObject();
        foreach (var (name, value) in fields)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            record[name] = name switch
            {
                _ when TimestampFields.Contains(name) => ApiTimestamp(value),
                "location" => ApiLocation(value),
                _ => JsonValue.Create(value),
            };
        }

        return record;
    }

    /// <summary>The generated records as JSON objects (for small sets; the dataset's <c>Add(SocrataGeneratedRecords)</c> is faster).</summary>
    public static IEnumerable<JsonObject> Generate(SocrataGeneratedRecords generated)
    {
        ArgumentNullException.ThrowIfNull(generated);
        var buffer = new ArrayBufferWriter<byte>(1024);
        foreach (var _ in WriteGenerated(generated, buffer))
        {
            yield return JsonNode.Parse(buffer.WrittenSpan)!.AsObject();
        }
    }

    /// <summary>Writes one generated record after another into <paramref name="buffer"/> (cleared before each).</summary>
    internal static IEnumerable<int> WriteGenerated(SocrataGeneratedRecords generated, ArrayBufferWriter<byte> buffer)
    {
        var random = new Random(generated.Seed);
        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        for (var i = 0; i < generated.Count; i++)
        {
            buffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(buffer, options))
            {
                WriteRecord(writer, generated, i, random);
            }

            yield return i;
        }
    }

    private static void WriteRecord(Utf8JsonWriter writer, SocrataGeneratedRecords generated, int index, Random random)
    {
        var created = generated.FirstCreated + (generated.Spacing * index);
        var status = Statuses[random.Next(Statuses.Length)];
        var latitude = (40.5 + (random.NextDouble() * 0.4)).ToString("0.000000000", CultureInfo.InvariantCulture);
        var longitude = (-74.2 + (random.NextDouble() * 0.5)).ToString("0.000000000", CultureInfo.InvariantCulture);
        writer.WriteStartObject();
        writer.WriteString("unique_key", (generated.FirstUniqueKey + index).ToString(CultureInfo.InvariantCulture));
        writer.WriteString("created_date", created.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture));
        if (status == "Closed")
        {
            writer.WriteString("closed_date", created.AddMinutes(random.Next(5, 5000)).ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture));
        }

        writer.WriteString("agency", Agencies[random.Next(Agencies.Length)]);
        writer.WriteString("complaint_type", ComplaintTypes[random.Next(ComplaintTypes.Length)]);
        writer.WriteString("descriptor", "Generated");
        writer.WriteString("incident_zip", (10001 + random.Next(400)).ToString(CultureInfo.InvariantCulture));
        writer.WriteString("status", status);
        writer.WriteString("borough", Boroughs[random.Next(Boroughs.Length)]);
        writer.WriteString("latitude", latitude);
        writer.WriteString("longitude", longitude);
        writer.WritePropertyName("location");
        if (index % 2 == 0)
        {
            writer.WriteStartObject();
            writer.WriteString("latitude", latitude);
            writer.WriteString("longitude", longitude);
            writer.WriteString("human_address", """{"address": "", "city": "", "state": "", "zip": ""}""");
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteStartObject();
            writer.WriteString("type", "Point");
            writer.WriteStartArray("coordinates");
            writer.WriteRawValue(longitude);
            writer.WriteRawValue(latitude);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static JsonValue ApiTimestamp(string csvValue) =>
        DateTime.TryParseExact(csvValue, "MM/dd/yyyy hh:mm:ss tt", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? JsonValue.Create(value.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture))
            : JsonValue.Create(csvValue);

    private static JsonNode ApiLocation(string csvValue)
    {
        var parts = csvValue.Trim('(', ')', ' ').Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            return JsonValue.Create(csvValue);
        }

        return new JsonObject
        {
            ["latitude"] = parts[0],
            ["longitude"] = parts[1],
            ["human_address"] = """{"address": "", "city": "", "state": "", "zip": ""}""",
        };
    }

    private static string FindDataDirectory() => FindDataDirectory(SourceFolder());

    private static string FindDataDirectory(string? sourceFolder)
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "Socrata", "Data");
        if (Directory.Exists(beside))
        {
            return beside;
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var source = Path.Combine(folder.FullName, "tests", "Nyc311.Testing", "Socrata", "Data");
            if (Directory.Exists(source))
            {
                return source;
            }
        }

        // Builds whose output lives outside the checkout still know where this file was compiled.
        if (sourceFolder is not null && Directory.Exists(Path.Combine(sourceFolder, "Data")))
        {
            return Path.Combine(sourceFolder, "Data");
        }

        throw new DirectoryNotFoundException(
            "Socrata sample data not found: copy tests/Nyc311.Testing/Socrata/Data to the test output under Socrata/Data.");
    }

    private static string? SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "") =>
        Path.GetDirectoryName(sourceFile);
}

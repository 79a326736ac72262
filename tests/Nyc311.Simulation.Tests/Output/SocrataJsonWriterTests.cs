using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Nyc311.Simulation.Output;
using Nyc311.Simulation.Tests.Support;

namespace Nyc311.Simulation.Tests.Output;

public partial class SocrataJsonWriterTests
{
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$")]
    private static partial Regex ApiTimestamp();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    private static partial Regex Instant();

    [Fact]
    public void The_array_holds_every_record_with_string_values_and_no_nulls()
    {
        var records = Simulate.Day(new DateOnly(2026, 7, 27)).Records.Take(2000).ToList();
        using var document = JsonDocument.Parse(Simulate.Json(records, SocrataJsonLayout.Array));
        document.RootElement.GetArrayLength().ShouldBe(records.Count);
        var shapes = new HashSet<string>();
        foreach (var element in document.RootElement.EnumerateArray())
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "location")
                {
                    property.Value.ValueKind.ShouldBe(JsonValueKind.Object);
                    shapes.Add(property.Value.TryGetProperty("type", out _) ? "point" : "legacy");
                    continue;
                }

                property.Value.ValueKind.ShouldBe(JsonValueKind.String, property.Name);
            }

            element.EnumerateObject().First().Name.ShouldBe(":id");
            Instant().IsMatch(element.GetProperty(":updated_at").GetString()!).ShouldBeTrue();
            if (element.TryGetProperty("closed_date", out var closed))
            {
                ApiTimestamp().IsMatch(closed.GetString()!).ShouldBeTrue();
            }
        }

        shapes.ShouldBe(["point", "legacy"], ignoreOrder: true);
    }

    [Fact]
    public void Each_value_equals_the_record_value()
    {
        var records = Simulate.Day(new DateOnly(2015, 2, 2)).Records.Take(500).ToList();
        var lines = Encoding.UTF8.GetString(Simulate.Json(records, SocrataJsonLayout.Ndjson, systemFields: false)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(records.Count);
        for (var i = 0; i < lines.Length; i++)
        {
            using var document = JsonDocument.Parse(lines[i]);
            var expected = records[i].Fields.ToDictionary(f => f.Key, f => f.Value);
            var actual = document.RootElement.EnumerateObject().ToDictionary(
                p => p.Name,
                p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText());
            actual.ShouldBe(expected);
            actual.Keys.ShouldNotContain(":id");
        }
    }

    [Fact]
    public void The_point_shape_matches_the_portal_fixture()
    {
        // The real fixture (seththeeke/nyc-311): latitude "40.8534000790689", coordinates [-73.86483648294, 40.853400079069].
        var options = Simulate.Options(new DateOnly(2026, 7, 27), new DateOnly(2026, 7, 27)) with { LocationShape = LocationShape.GeoJsonPoint };
        var record = new ServiceRequestSimulator(options).GenerateDay(options.From).Records.First(r => r["latitude"] is not null);
        using var location = JsonDocument.Parse(record["location"]!);
        location.RootElement.GetProperty("type").GetString().ShouldBe("Point");
        location.RootElement.GetProperty("coordinates").GetArrayLength().ShouldBe(2);
        (-73.86483648294009).ToString("G14", System.Globalization.CultureInfo.InvariantCulture).ShouldBe("-73.86483648294");
    }

    [Fact]
    public void An_empty_array_is_valid_json()
    {
        Encoding.UTF8.GetString(Simulate.Json([], SocrataJsonLayout.Array)).ShouldBe("[]\n");
        Simulate.Json([], SocrataJsonLayout.Ndjson).ShouldBeEmpty();
    }
}

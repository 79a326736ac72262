using Nyc311.Ingest.Files;
using Nyc311.Ingest.Tests.Support;
using Nyc311.Testing.Socrata;

namespace Nyc311.Ingest.Tests.Socrata;

/// <summary>Real records (the API fixtures and the 924-row CSV export in API shape) served and read back.</summary>
public sealed class SocrataRealRecordTests
{
    [Fact]
    public async Task A_GeoJSON_point_location_comes_back_as_the_exact_JSON_text_served()
    {
        await using var harness = await SocrataHarness.StartAsync();
        var dataset = harness.Server.Dataset("erm2-nwe9");
        foreach (var path in SocrataSampleData.ApiFixturePaths)
        {
            dataset.AddJsonFile(path, new DateTimeOffset(2026, 8, 11, 0, 0, 0, TimeSpan.Zero));
        }

        var batches = await harness.Client().ReadBackfillAsync(new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 1), cancellationToken: TestContext.Current.CancellationToken).ToListAsync();

        var records = batches.Records().ToDictionary(r => r.GetValueOrDefault("unique_key")!);
        records.Keys.ShouldBe(["69860415", "69860394", "70011999", "70013777"], ignoreOrder: true);
        var normal = records["69860415"];
        normal.GetValueOrDefault("location").ShouldBe("""{ "type": "Point", "coordinates": [-73.86483648294, 40.853400079069] }""");
        normal.GetValueOrDefault("created_date").ShouldBe("2026-07-27T21:03:35.000");
        normal.GetValueOrDefault("latitude").ShouldBe("40.8534000790689");
        var boundary = records["70013777"];
        boundary.GetValueOrDefault("created_date").ShouldBe("2026-08-10T00:00:00.000");
        boundary.Contains("closed_date").ShouldBeFalse();
        boundary.Contains("location").ShouldBeFalse();
    }

    [Fact]
    public async Task The_real_CSV_export_served_in_API_shape_comes_back_whole_with_its_latitude_longitude_locations()
    {
        var csvRecords = (await FileSource.ReadAsync(SocrataSampleData.CsvExportPath, cancellationToken: TestContext.Current.CancellationToken).ToListAsync()).Records().ToList();
        await using var harness = await SocrataHarness.StartAsync();
        harness.Server.Dataset("erm2-nwe9").Add(csvRecords.Select(r => SocrataSampleData.FromCsvExport(r.Fields)), new DateTimeOffset(2022, 5, 2, 0, 0, 0, TimeSpan.Zero));

        var batches = await harness.Client(o => o.PageSize = 100).ReadBackfillAsync(new DateOnly(2022, 5, 1), new DateOnly(2022, 5, 2), cancellationToken: TestContext.Current.CancellationToken).ToListAsync();

        batches.Count.ShouldBe(10);
        batches.UniqueKeys().ShouldBe(csvRecords.Select(r => r.GetValueOrDefault("unique_key")), ignoreOrder: true);
        var first = batches.Records().Single(r => r.GetValueOrDefault("unique_key") == "54049402");
        first.GetValueOrDefault("created_date").ShouldBe("2022-05-01T00:00:03.000");
        first.GetValueOrDefault("location").ShouldBe("""{"latitude":"40.83065331987539","longitude":"-73.92308231033165","human_address":"{\"address\": \"\", \"city\": \"\", \"state\": \"\", \"zip\": \"\"}"}""");
        first.Contains("closed_date").ShouldBeFalse();
        batches[^1].NewestUpdatedAt.ShouldBe(new DateTimeOffset(2022, 5, 2, 0, 0, 0, TimeSpan.Zero));
    }
}

using System.Globalization;
using System.Text.Json;
using Nyc311.Simulation.Geography;
using Nyc311.Simulation.Tests.Support;

namespace Nyc311.Simulation.Tests.Geography;

public class GeographyTests
{
    private static readonly NycMap Map = NycMap.Instance;

    [Fact]
    public void Every_point_lies_in_its_borough_and_its_zip_belongs_to_that_borough()
    {
        var records = Simulate.Day(new DateOnly(2024, 6, 1)).Records
            .Where(r => (r.Problems & (QualityProblems.CoordinatesOutsideCity | QualityProblems.StaleVersion)) == 0)
            .ToList();
        var checkedPoints = 0;
        foreach (var r in records)
        {
            if (r["latitude"] is { } latText)
            {
                var lat = double.Parse(latText, CultureInfo.InvariantCulture);
                var lon = double.Parse(r["longitude"]!, CultureInfo.InvariantCulture);
                Map.BoroughAt(lat, lon).ShouldBe(r.Borough, $"{r["unique_key"]} at {lat},{lon}");
                checkedPoints++;
            }

            if (r["incident_zip"] is { } zip)
            {
                Map.ZipBorough[zip].ShouldBe(r.Borough, zip);
            }

            if (r["borough"] != "Unspecified")
            {
                r["borough"].ShouldBe(Nyc311.Domain.Boroughs.All[r.Borough]);
                r["community_board"]!.ShouldEndWith(Nyc311.Domain.Boroughs.All[r.Borough]);
            }
        }

        checkedPoints.ShouldBeGreaterThan(records.Count * 9 / 10);
    }

    [Fact]
    public void Pool_points_agree_on_borough_zip_and_district()
    {
        var pool = LocationPool.Instance;
        for (var b = 0; b < 5; b++)
        {
            pool.StreetPoints[b].Length.ShouldBe(LocationPool.StreetPointsPerBorough);
            foreach (var p in pool.StreetPoints[b].Concat(pool.ParkPoints[b]))
            {
                Map.BoroughAt(p.Latitude, p.Longitude).ShouldBe(b);
                if (p.Zip is not null)
                {
                    Map.ZipBorough[p.Zip].ShouldBe(b);
                }

                p.CommunityBoard.ShouldEndWith(Nyc311.Domain.Boroughs.All[b]);
                p.Bbl?.ShouldStartWith((b + 1).ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    [Fact]
    public void Latitude_longitude_location_and_state_plane_are_consistent()
    {
        var records = Simulate.Day(new DateOnly(2024, 6, 1)).Records.Where(r => r["latitude"] is not null).Take(2000).ToList();
        records.Select(r => r["location"]!).ShouldContain(l => l.Contains("\"type\":\"Point\"", StringComparison.Ordinal));
        records.Select(r => r["location"]!).ShouldContain(l => l.Contains("human_address", StringComparison.Ordinal));
        foreach (var r in records)
        {
            var lat = double.Parse(r["latitude"]!, CultureInfo.InvariantCulture);
            var lon = double.Parse(r["longitude"]!, CultureInfo.InvariantCulture);
            using var location = JsonDocument.Parse(r["location"]!);
            if (location.RootElement.TryGetProperty("coordinates", out var coordinates))
            {
                coordinates[0].GetDouble().ShouldBe(lon, 1e-9);
                coordinates[1].GetDouble().ShouldBe(lat, 1e-9);
            }
            else
            {
                location.RootElement.GetProperty("latitude").GetString().ShouldBe(r["latitude"]);
                location.RootElement.GetProperty("longitude").GetString().ShouldBe(r["longitude"]);
                using var human = JsonDocument.Parse(location.RootElement.GetProperty("human_address").GetString()!);
                human.RootElement.GetProperty("state").GetString().ShouldBe("NY");
            }

            var (x, y) = StatePlane.Project(lat, lon);
            r["x_coordinate_state_plane"].ShouldBe(x.ToString(CultureInfo.InvariantCulture));
            r["y_coordinate_state_plane"].ShouldBe(y.ToString(CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    // Real rows of 2022-05-01 (fedhere/PyBOOT sample): latitude, longitude, published X and Y.
    [InlineData(40.83065331987539, -73.92308231033165, 1005536, 241916)]
    [InlineData(40.81237834836466, -73.95240115039357, 997426, 235252)]
    [InlineData(40.611331690801165, -74.00202773560115, 983687, 162001)]
    [InlineData(40.605613964168455, -74.09099181031843, 958984, 159931)]
    [InlineData(40.76426566610473, -73.77132860459679, 1047595, 217802)]
    public void State_plane_matches_the_portal(double latitude, double longitude, int x, int y)
    {
        StatePlane.Project(latitude, longitude).ShouldBe((x, y));
    }

    [Fact]
    public void Coordinates_outside_the_city_really_are_outside_every_borough()
    {
        var options = Simulate.Options(new DateOnly(2024, 6, 1), new DateOnly(2024, 6, 1)) with
        {
            QualityRates = new QualityProblemRates { CoordinatesOutsideCity = 0.05 },
        };
        var outside = new ServiceRequestSimulator(options).GenerateDay(options.From).Records
            .Where(r => r.Problems.HasFlag(QualityProblems.CoordinatesOutsideCity)).ToList();
        outside.Count.ShouldBeGreaterThan(200);
        foreach (var r in outside)
        {
            Map.BoroughAt(double.Parse(r["latitude"]!, CultureInfo.InvariantCulture), double.Parse(r["longitude"]!, CultureInfo.InvariantCulture)).ShouldBe(-1);
        }
    }

    [Theory]
    [InlineData(40.7580, -73.9855, 0)] // Times Square
    [InlineData(40.8506, -73.8769, 1)] // Bronx Zoo
    [InlineData(40.6602, -73.9690, 2)] // Prospect Park
    [InlineData(40.7590, -73.8303, 3)] // Flushing
    [InlineData(40.6437, -74.0736, 4)] // St. George
    [InlineData(40.7357, -74.1724, -1)] // Newark
    public void The_bundled_borough_polygons_place_landmarks_correctly(double latitude, double longitude, int borough)
    {
        Map.BoroughAt(latitude, longitude).ShouldBe(borough);
    }
}

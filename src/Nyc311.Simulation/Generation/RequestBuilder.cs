using Nyc311.Domain;
using Nyc311.Simulation.Geography;
using Nyc311.Simulation.Model;

namespace Nyc311.Simulation.Generation;

/// <summary>
/// Draws the fields of one request of a given type on a given day: borough, place, time of
/// creation, descriptor, closure and the portal's secondary fields. Per-type hour tables and the
/// day's borough tables are built once and reused.
/// </summary>
internal sealed partial class RequestBuilder
{
    private static readonly DateOnly EndOfDueDates = new(2020, 1, 1);
    private static readonly DateOnly StartOfLandmarkStreets = new(2021, 1, 1);

    private readonly MixModel _mix;
    private readonly LocationPool _pool;
    private readonly DateTime _publishedAsOf;
    private readonly DateTime _publishedAsOfUtc;
    private readonly LocationShape _locationShape;
    private readonly AliasTable[] _hours;
    private readonly AliasTable?[] _boroughs;
    private DateOnly _boroughDay;

    public RequestBuilder(MixModel mix, LocationPool pool, DateTime publishedAsOf, LocationShape locationShape)
    {
        _mix = mix;
        _pool = pool;
        _publishedAsOf = publishedAsOf;
        _publishedAsOfUtc = EasternTime.ToUtc(publishedAsOf);
        _locationShape = locationShape;
        _hours = [.. mix.Parameters.HourTables.Select(h => new AliasTable(h))];
        _boroughs = new AliasTable?[mix.Tables.Types.Count];
    }

    public SimulatedRequest Build(ComplaintType type, int sequence, DateOnly date, SimulationRandom random)
    {
        var borough = DrawBorough(type, date, random);
        var created = DrawCreated(type, date, random);
        var (point, layout, hasCoordinates, parkName) = DrawPlace(type, borough, random);
        // Drawn whatever the option, so the shape never shifts the other values of the day.
        var pointShape = random.Chance(0.5);
        var request = new SimulatedRequest(type, sequence, date, borough, point, layout)
        {
            HasCoordinates = hasCoordinates,
            Descriptor = type.Descriptors.Next(random),
            LocationType = type.LocationTypes.Next(random) is { Length: > 0 } locationType ? locationType : null,
            Created = created,
            Status = type.Agency.OpenStatus,
            Channel = DrawChannel(type, date, random),
            ParkFacility = parkName ?? Boroughs.Unspecified,
            Landmark = layout == AddressLayout.Address && date >= StartOfLandmarkStreets ? point.Street : null,
            FacilityType = FacilityTypeFor(type, date),
            GeoJsonLocation = _locationShape switch
            {
                LocationShape.GeoJsonPoint => true,
                LocationShape.LatitudeLongitude => false,
                _ => pointShape,
            },
        };

        FillVehicleFields(request, type, point, borough, layout, random);
        FillTransportFields(request, type, borough, random);
        DrawClosure(request, random);
        if (date < EndOfDueDates)
        {
            request.Due = created.AddHours(type.Agency.DueHours);
        }

        request.CreatedAtUtc = NextRefresh(created, random);
        request.UpdatedAtUtc = request.Closed is { } closed
            ? Max(request.CreatedAtUtc, Min(NextRefresh(Max(closed, request.ResolutionUpdated ?? closed), random), _publishedAsOfUtc))
            : request.CreatedAtUtc;
        return request;
    }

    private int DrawBorough(ComplaintType type, DateOnly date, SimulationRandom random)
    {
        if (date != _boroughDay)
        {
            Array.Clear(_boroughs);
            _boroughDay = date;
        }

        var table = _boroughs[type.Index];
        if (table is null)
        {
            Span<double> weights = stackalloc double[5];
            _mix.BoroughWeights(type.Index, date, weights);
            _boroughs[type.Index] = table = new AliasTable(weights);
        }

        return table.Sample(random);
    }

    private DateTime DrawCreated(ComplaintType type, DateOnly date, SimulationRandom random)
    {
        var hour = _hours[type.Index].Sample(random);
        if (hour == 2 && EasternTime.IsSkipped(date, hour))
        {
            hour = 3;
        }

        return date.ToDateTime(new TimeOnly(hour, random.NextInt(60), random.NextInt(60)));
    }

    private (PoolPoint Point, AddressLayout Layout, bool HasCoordinates, string? ParkName) DrawPlace(ComplaintType type, int borough, SimulationRandom random)
    {
        var streets = _pool.StreetPoints[borough];
        var street = streets[random.NextInt(streets.Length)];
        var u = random.NextDouble();
        switch (type.Address)
        {
            case AddressKind.Building:
                return u < 0.97 ? (street, AddressLayout.Address, random.Chance(0.995), null)
                    : u < 0.99 ? (street, AddressLayout.Intersection, true, null)
                    : (street, AddressLayout.Unrecognized, true, null);
            case AddressKind.Street:
            case AddressKind.Taxi:
                return u < 0.75 ? (street, AddressLayout.Address, random.Chance(0.995), null)
                    : u < 0.95 ? (street, AddressLayout.Intersection, true, null)
                    : (street, AddressLayout.Blockface, false, null);
            case AddressKind.Park:
                var parks = _pool.ParkPoints[borough];
                var park = parks[random.NextInt(parks.Length)];
                if (park.ParkName is not null && u < 0.5)
                {
                    return (park, AddressLayout.Unrecognized, true, park.ParkName);
                }

                var names = PlaceNames.Parks[borough];
                return (street, AddressLayout.Address, true, names[random.NextInt(names.Length)]);
            case AddressKind.Subway:
                return (street, AddressLayout.None, true, null);
            case AddressKind.Bridge:
                return (street, AddressLayout.None, false, null);
            case AddressKind.Highway:
            default:
                return (street, AddressLayout.None, true, null);
        }
    }

    private void DrawClosure(SimulatedRequest draft, SimulationRandom random)
    {
        var type = draft.Type;
        var neverClosed = random.Chance(type.NeverClosedShare);
        var hours = Math.Exp(Math.Log(type.MedianHoursToClose) + (type.CloseSigma * random.NextGaussian()));
        var closed = draft.Created.AddSeconds(Math.Max(60, Math.Round(hours * 3600)));
        if (!neverClosed && closed <= _publishedAsOf)
        {
            draft.Closed = closed;
            draft.Status = "Closed";
            draft.Resolution = type.Agency.ClosedResolutions?.Next(random);
            // NYPD stamps the resolution a few seconds after closing; other agencies within the hour.
            var lag = type.Agency.Code == "NYPD" ? random.NextInt(2, 8) : random.NextInt(0, 3600);
            draft.ResolutionUpdated = draft.Resolution is null ? null : Min(closed.AddSeconds(lag), _publishedAsOf);
            return;
        }

        draft.Status = random.Chance(0.75) ? type.Agency.OpenStatus : OpenStatuses.Next(random);
        if (type.Agency.OpenResolutions is { } open && random.Chance(0.6))
        {
            draft.Resolution = open.Next(random);
            draft.ResolutionUpdated = Min(draft.Created.AddSeconds(random.NextInt(0, 600)), _publishedAsOf);
        }
    }

    /// <summary>The nightly refresh that first publishes a change: the next day between 06:00 and 10:00 UTC.</summary>
    private static DateTime NextRefresh(DateTime local, SimulationRandom random) =>
        DateTime.SpecifyKind(local.Date.AddDays(1).AddHours(6).AddMilliseconds(random.NextInt(4 * 3600 * 1000)), DateTimeKind.Utc);

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}

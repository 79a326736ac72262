using System.Text;

namespace Nyc311.Simulation.Generation;

internal sealed partial class QualityInjector
{
    // Where geocoders put NYC addresses by mistake: New Jersey, Westchester, Nassau, and 0,0.
    private static readonly (double Lat, double Lon)[] OutsideAnchors =
    [
        (40.7357, -74.1724), (40.7282, -74.0776), (40.9312, -73.8988), (41.0340, -73.7629),
        (40.7259, -73.5143), (40.6584, -73.6437), (40.5187, -74.4121),
    ];

    private const string UnspecifiedBoard = "0 Unspecified";

    private void MoveOutsideCity(SimulatedRequest draft, SimulationRandom random)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var (lat, lon) = random.Chance(0.02)
                ? (0.0, 0.0)
                : OutsideAnchors[random.NextInt(OutsideAnchors.Length)] is var a
                    ? (a.Lat + ((random.NextDouble() - 0.5) * 0.04), a.Lon + ((random.NextDouble() - 0.5) * 0.04))
                    : default;
            if (map.BoroughAt(lat, lon) < 0)
            {
                draft.Point = draft.Point.MovedTo(lat, lon);
                draft.Problems |= QualityProblems.CoordinatesOutsideCity;
                return;
            }
        }
    }

    private static void HideBorough(SimulatedRequest draft, SimulationRandom random)
    {
        draft.BoroughUnspecified = true;
        draft.CommunityBoard = UnspecifiedBoard;
        var u = random.NextDouble();
        if (u < 0.60 && draft.Point.Zip is not null)
        {
            draft.ParkBoroughUnspecified = true;
            draft.Problems |= QualityProblems.UnspecifiedBoroughRecoverableFromZip;
        }
        else if (u < 0.75)
        {
            draft.ZipRemoved = true;
            draft.Problems |= QualityProblems.UnspecifiedBoroughRecoverableFromParkBorough;
        }
        else
        {
            draft.ZipRemoved = true;
            draft.ParkBoroughUnspecified = true;
            draft.HasCoordinates = false;
            draft.Problems |= QualityProblems.UnspecifiedBoroughUnrecoverable;
        }
    }

    private static string OddFormatting(string name, SimulationRandom random)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var odd = random.NextInt(5) switch
            {
                0 => name.ToLowerInvariant(),
                1 => name.ToUpperInvariant(),
                2 => name + " ",
                3 => "  " + name,
                _ => DoubleASpace(name, random),
            };
            if (odd != name)
            {
                return odd;
            }
        }

        return name + " ";
    }

    private static string DoubleASpace(string name, SimulationRandom random)
    {
        var spaces = name.Select((c, i) => (c, i)).Where(x => x.c == ' ').Select(x => x.i).ToArray();
        return spaces.Length == 0 ? name + "  " : name.Insert(spaces[random.NextInt(spaces.Length)], " ");
    }

    private static string Unparseable(DateTime created, SimulationRandom random) => random.NextInt(4) switch
    {
        0 => "N/A",
        1 => "0000-00-00T00:00:00.000",
        2 => new StringBuilder(Output.Timestamps.Api(created)).Remove(5, 2).Insert(5, "13").ToString(),
        _ => created.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T99:99:99",
    };
}

using Nyc311.Simulation.Calibration;
using Nyc311.Simulation.Generation;

namespace Nyc311.Simulation.Model;

/// <summary>A fixed set of values drawn with fixed weights.</summary>
internal sealed class WeightedChoice<T>
{
    private readonly T[] _values;
    private readonly AliasTable _table;

    public WeightedChoice(IReadOnlyList<(T Value, double Weight)> items)
    {
        _values = [.. items.Select(i => i.Value)];
        _table = new AliasTable([.. items.Select(i => i.Weight)]);
    }

    public T Next(SimulationRandom random) => _values.Length == 1 ? _values[0] : _values[_table.Sample(random)];
}

internal static class WeightedChoice
{
    /// <summary>Parses "name:weight|name:weight" (the weight after the last colon; an empty name is allowed).</summary>
    public static WeightedChoice<string> Parse(string text, TableRow row)
    {
        var items = new List<(string, double)>();
        foreach (var part in text.Split('|'))
        {
            var colon = part.LastIndexOf(':');
            if (colon < 0 || !double.TryParse(part.AsSpan(colon + 1), System.Globalization.CultureInfo.InvariantCulture, out var weight))
            {
                throw row.Fail($"'{part}' is not name:weight");
            }

            items.Add((part[..colon], weight));
        }

        return new WeightedChoice<string>(items);
    }
}

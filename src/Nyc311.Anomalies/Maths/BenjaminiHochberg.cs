namespace Nyc311.Anomalies.Maths;

/// <summary>
/// The Benjamini-Hochberg step-up procedure, which bounds the false discovery rate (the expected share
/// of false alarms among the alarms) across many tests of one day.
/// </summary>
public static class BenjaminiHochberg
{
    /// <summary>
    /// Adjusted p-values (q-values): q₍ᵢ₎ = min over j ≥ i of min(1, m·p₍ⱼ₎ / j) for the m tested values
    /// sorted ascending. Rejecting every test with q ≤ α is the procedure at level α. NaN marks a value
    /// that was not tested: it stays NaN and does not count in m.
    /// </summary>
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var tested = Enumerable.Range(0, pValues.Count).Where(i => !double.IsNaN(pValues[i])).ToArray();
        var adjusted = new double[pValues.Count];
        Array.Fill(adjusted, double.NaN);
        var m = tested.Length;
        if (m == 0)
        {
            return adjusted;
        }

        Array.Sort(tested, (a, b) => pValues[a].CompareTo(pValues[b]));
        var running = 1.0;
        for (var rank = m; rank >= 1; rank--)
        {
            var index = tested[rank - 1];
            var p = Math.Clamp(pValues[index], 0, 1);
            running = Math.Min(running, p * m / rank);
            adjusted[index] = running;
        }

        return adjusted;
    }

    /// <summary>Which tests the procedure rejects at level <paramref name="level"/> (NaN values never).</summary>
    public static bool[] Reject(IReadOnlyList<double> pValues, double level) =>
        [.. Adjust(pValues).Select(q => q <= level)];
}

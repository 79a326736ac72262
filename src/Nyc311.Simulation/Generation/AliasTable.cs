namespace Nyc311.Simulation.Generation;

/// <summary>Walker/Vose alias table: draws an index with probability proportional to its weight in O(1).</summary>
internal sealed class AliasTable
{
    private readonly double[] _probability;
    private readonly int[] _alias;

    public AliasTable(ReadOnlySpan<double> weights)
    {
        var n = weights.Length;
        if (n == 0)
        {
            throw new ArgumentException("An alias table needs at least one weight.", nameof(weights));
        }

        var total = 0.0;
        foreach (var w in weights)
        {
            total += Math.Max(0, w);
        }

        _probability = new double[n];
        _alias = new int[n];
        if (total <= 0)
        {
            // No weight anywhere: fall back to uniform rather than fail mid-generation.
            Array.Fill(_probability, 1.0);
            return;
        }

        var scaled = new double[n];
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (var i = 0; i < n; i++)
        {
            scaled[i] = Math.Max(0, weights[i]) * n / total;
            (scaled[i] < 1.0 ? small : large).Push(i);
        }

        while (small.Count > 0 && large.Count > 0)
        {
            var s = small.Pop();
            var l = large.Pop();
            _probability[s] = scaled[s];
            _alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1.0;
            (scaled[l] < 1.0 ? small : large).Push(l);
        }

        while (large.Count > 0)
        {
            _probability[large.Pop()] = 1.0;
        }

        while (small.Count > 0)
        {
            _probability[small.Pop()] = 1.0;
        }
    }

    public int Sample(SimulationRandom random)
    {
        var u = random.NextDouble() * _probability.Length;
        var i = (int)u;
        return u - i < _probability[i] ? i : _alias[i];
    }
}

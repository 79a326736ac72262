namespace Nyc311.Forecasting.Tuning;

/// <summary>
/// The Tree-structured Parzen Estimator (Bergstra et al., 2011), per parameter as Hyperopt and Optuna do by
/// default: the completed trials are split into the best <c>gamma</c> share and the rest, each side becomes a
/// Parzen density (a Gaussian per observation, with a width set by its neighbours, plus a broad prior
/// component), candidates are drawn from the good density, and the one with the largest ratio good/bad wins.
/// </summary>
internal sealed class TpeSampler(SearchSpace space, TuningOptions options)
{
    /// <summary>A random point of the space (for the start-up trials).</summary>
    public Dictionary<string, string> Random(Random random)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var range in space.Ranges)
        {
            var (low, high) = range.InternalBounds;
            values[range.Name] = range.IsCategorical
                ? range.Choices[random.Next(range.Choices.Count)]
                : range.FromInternal(low + (random.NextDouble() * (high - low)));
        }

        return values;
    }

    /// <summary>The next point to try given the successful trials so far (random while there are fewer than two).</summary>
    public Dictionary<string, string> Propose(IReadOnlyList<Trial> completed, Random random)
    {
        var scored = completed.Where(t => t.Succeeded).OrderBy(t => t.Score).ThenBy(t => t.Number).ToList();
        if (scored.Count < 2)
        {
            return Random(random);
        }

        var goodCount = Math.Max(1, (int)Math.Ceiling(options.Gamma * scored.Count));
        var good = scored.Take(goodCount).ToList();
        var bad = scored.Skip(goodCount).ToList();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var range in space.Ranges)
        {
            var goodValues = good.Select(t => range.ToInternal(t.Parameters[range.Name])).ToArray();
            var badValues = bad.Select(t => range.ToInternal(t.Parameters[range.Name])).ToArray();
            values[range.Name] = range.IsCategorical
                ? range.Choices[ChooseCategory(range.Choices.Count, goodValues, badValues, random)]
                : range.FromInternal(ChooseNumber(range.InternalBounds, goodValues, badValues, random));
        }

        return values;
    }

    private int ChooseCategory(int count, double[] good, double[] bad, Random random)
    {
        // Counts with a uniform prior of one observation per choice.
        var l = new double[count];
        var g = new double[count];
        Array.Fill(l, 1.0);
        Array.Fill(g, 1.0);
        foreach (var v in good)
        {
            l[(int)v]++;
        }

        foreach (var v in bad)
        {
            g[(int)v]++;
        }

        var lTotal = l.Sum();
        var gTotal = g.Sum();
        var best = 0;
        var bestRatio = double.NegativeInfinity;
        for (var c = 0; c < options.Candidates; c++)
        {
            var u = random.NextDouble() * lTotal;
            var choice = 0;
            while (choice < count - 1 && u >= l[choice])
            {
                u -= l[choice];
                choice++;
            }

            var ratio = Math.Log(l[choice] / lTotal) - Math.Log(g[choice] / gTotal);
            if (ratio > bestRatio)
            {
                bestRatio = ratio;
                best = choice;
            }
        }

        return best;
    }

    private double ChooseNumber((double Low, double High) bounds, double[] good, double[] bad, Random random)
    {
        var l = ParzenDensity.Of(good, bounds);
        var g = ParzenDensity.Of(bad, bounds);
        var best = l.Sample(random);
        var bestRatio = double.NegativeInfinity;
        for (var c = 0; c < options.Candidates; c++)
        {
            var x = l.Sample(random);
            var ratio = l.LogDensity(x) - g.LogDensity(x);
            if (ratio > bestRatio)
            {
                bestRatio = ratio;
                best = x;
            }
        }

        return best;
    }
}

/// <summary>An equally weighted mixture of Gaussians on a bounded axis: one per observation and a broad prior.</summary>
internal sealed class ParzenDensity
{
    private readonly double[] _means;
    private readonly double[] _sigmas;
    private readonly (double Low, double High) _bounds;

    private ParzenDensity(double[] means, double[] sigmas, (double Low, double High) bounds)
    {
        _means = means;
        _sigmas = sigmas;
        _bounds = bounds;
    }

    public static ParzenDensity Of(double[] observations, (double Low, double High) bounds)
    {
        var (low, high) = bounds;
        var width = high - low;
        var sorted = observations.Order().ToArray();
        var n = sorted.Length;
        var means = new double[n + 1];
        var sigmas = new double[n + 1];
        var minimum = width / Math.Min(100.0, n + 1);
        for (var i = 0; i < n; i++)
        {
            // Hyperopt's adaptive width: the larger gap to a neighbour (the bounds count as neighbours).
            var left = i == 0 ? low : sorted[i - 1];
            var right = i == n - 1 ? high : sorted[i + 1];
            means[i] = sorted[i];
            sigmas[i] = Math.Clamp(Math.Max(sorted[i] - left, right - sorted[i]), minimum, width);
        }

        means[n] = (low + high) / 2;
        sigmas[n] = width;
        return new ParzenDensity(means, sigmas, bounds);
    }

    public double Sample(Random random)
    {
        var k = random.Next(_means.Length);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var x = _means[k] + (_sigmas[k] * StandardNormal(random));
            if (x >= _bounds.Low && x <= _bounds.High)
            {
                return x;
            }
        }

        return Math.Clamp(_means[k], _bounds.Low, _bounds.High);
    }

    public double LogDensity(double x)
    {
        var sum = 0.0;
        for (var k = 0; k < _means.Length; k++)
        {
            var z = (x - _means[k]) / _sigmas[k];
            sum += Math.Exp(-0.5 * z * z) / (_sigmas[k] * Math.Sqrt(2 * Math.PI));
        }

        return Math.Log(sum / _means.Length + 1e-300);
    }

    private static double StandardNormal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}

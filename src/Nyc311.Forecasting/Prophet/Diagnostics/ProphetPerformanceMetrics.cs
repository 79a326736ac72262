namespace Nyc311.Forecasting.Prophet.Diagnostics;

/// <summary>The metrics of one horizon of <see cref="ProphetPerformanceMetrics.Compute"/>.</summary>
/// <param name="Horizon">The horizon (<c>ds - cutoff</c>): the largest one of the window.</param>
/// <param name="Metrics">Each metric's value over the window, by name.</param>
public sealed record PerformanceRow(TimeSpan Horizon, IReadOnlyDictionary<string, double> Metrics)
{
    /// <summary>The metric named <paramref name="name"/>.</summary>
    public double this[string name] => Metrics[name];
}

/// <summary>
/// Prophet's <c>diagnostics.performance_metrics</c>: the cross-validation rows sorted by horizon, each metric
/// averaged (or, for <c>mdape</c>, the median taken) over a rolling window of <c>rolling_window</c> x rows,
/// reported at the largest horizon of each window (<c>rolling_mean_by_h</c>, <c>rolling_median_by_h</c>).
/// </summary>
public static class ProphetPerformanceMetrics
{
    /// <summary>Prophet's metrics in its column order: mse, rmse, mae, mape, mdape, smape, coverage.</summary>
    public static IReadOnlyList<string> Default { get; } = ["mse", "rmse", "mae", "mape", "mdape", "smape", "coverage"];

    /// <summary>
    /// The metrics of <paramref name="rows"/> by horizon. Besides Prophet's metrics, <c>mase</c> is the custom
    /// metric of Prophet's diagnostics guide: |y - yhat| over the mean absolute difference of consecutive y of
    /// the horizon-sorted rows (its expectation over the order within a horizon, which pandas leaves unspecified). As in Prophet, <c>mape</c> is dropped when some |y| is below 1e-8, and a
    /// negative <paramref name="rollingWindow"/> returns one row per forecast without averaging.
    /// </summary>
    /// <param name="rows">Cross-validation output.</param>
    /// <param name="metrics">Metric names; null for <see cref="Default"/>.</param>
    /// <param name="rollingWindow">Share of the rows in each window (0.1 by default; 1 gives one row over everything).</param>
    public static IReadOnlyList<PerformanceRow> Compute(IReadOnlyList<CrossValidationRow> rows, IReadOnlyList<string>? metrics = null, double rollingWindow = 0.1)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var names = (metrics ?? Default).ToList();
        foreach (var name in names)
        {
            if (!Default.Contains(name) && name != "mase")
            {
                throw ForecastOptionsException.Unrecognized("metric", name, string.Join(", ", Default) + " or mase");
            }
        }

        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
        {
            throw ForecastOptionsException.Inconsistent("metrics", "a metric is listed twice");
        }

        // A stable sort: rows of one horizon keep the cut-off order of cross_validation's output.
        var sorted = rows.OrderBy(r => r.Horizon).ToArray();
        if (sorted.Length == 0)
        {
            return [];
        }

        if (names.Contains("mape") && sorted.Min(r => Math.Abs(r.Y)) < 1e-8)
        {
            names.Remove("mape");
        }

        var horizons = sorted.Select(r => r.Horizon).ToArray();
        var w = (int)(rollingWindow * sorted.Length);
        if (w >= 0)
        {
            w = Math.Clamp(w, 1, sorted.Length);
        }

        var columns = new Dictionary<string, (TimeSpan[] Horizons, double[] Values)>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var x = PointValues(name, sorted);
            var isMedian = name == "mdape";
            var (h, v) = w < 0 ? (horizons, x) : isMedian ? RollingMedianByHorizon(x, horizons, w) : RollingMeanByHorizon(x, horizons, w);
            if (name == "rmse")
            {
                v = [.. v.Select(Math.Sqrt)];
            }

            columns[name] = (h, v);
        }

        var reference = columns[names[0]].Horizons;
        return [.. reference.Select((h, i) => new PerformanceRow(h, names.ToDictionary(n => n, n => columns[n].Values[i], StringComparer.Ordinal)))];
    }

    /// <summary>The per-row quantity each metric averages (squared error for both mse and rmse).</summary>
    private static double[] PointValues(string metric, CrossValidationRow[] rows)
    {
        switch (metric)
        {
            case "mse" or "rmse":
                return [.. rows.Select(r => (r.Y - r.Yhat) * (r.Y - r.Yhat))];
            case "mae":
                return [.. rows.Select(r => Math.Abs(r.Y - r.Yhat))];
            case "mape" or "mdape":
                return [.. rows.Select(r => Math.Abs((r.Y - r.Yhat) / r.Y))];
            case "smape":
                return [.. rows.Select(r =>
                {
                    var value = Math.Abs(r.Y - r.Yhat) / ((Math.Abs(r.Y) + Math.Abs(r.Yhat)) / 2);
                    return double.IsNaN(value) ? 0 : value;
                })];
            case "coverage":
                return [.. rows.Select(r => r.Y >= r.YhatLower && r.Y <= r.YhatUpper ? 1.0 : 0.0)];
            default:
                var d = ExpectedMeanAbsoluteDifference(rows);
                return [.. rows.Select(r => Math.Abs((r.Y - r.Yhat) / d))];
        }
    }

    /// <summary>
    /// The guide's MASE denominator, <c>mean(|diff(y)|)</c> of the horizon-sorted rows, taken as its expectation
    /// over the order of rows within a horizon. pandas sorts with numpy's unstable quicksort, which leaves rows of
    /// one horizon (one per cut-off) in an unspecified order, and the denominator depends on it (on Peyton,
    /// cut-off order gives 1.14 and random orders 0.95 to 0.98). Under a random order, a neighbour pair inside a
    /// group of k rows is a random pair of distinct rows, and the pair across two groups a random pair of one of each.
    /// </summary>
    private static double ExpectedMeanAbsoluteDifference(CrossValidationRow[] sorted)
    {
        var groups = sorted.GroupBy(r => r.Horizon).Select(g => g.Select(r => r.Y).ToArray()).ToArray();
        var total = 0.0;
        for (var g = 0; g < groups.Length; g++)
        {
            // k - 1 neighbour pairs, each |a - b| of a random pair: (k - 1) x S / (k (k - 1)) = S / k.
            total += PairSum(groups[g], groups[g]) / groups[g].Length;
            if (g > 0)
            {
                total += PairSum(groups[g - 1], groups[g]) / (groups[g - 1].Length * (double)groups[g].Length);
            }
        }

        return total / (sorted.Length - 1);
    }

    private static double PairSum(double[] first, double[] second)
    {
        var sum = 0.0;
        foreach (var a in first)
        {
            foreach (var b in second)
            {
                sum += Math.Abs(a - b);
            }
        }

        return sum;
    }

    /// <summary>Prophet's <c>rolling_mean_by_h</c>: from the longest horizon back, the mean of the last <paramref name="w"/> points.</summary>
    internal static (TimeSpan[] Horizons, double[] Values) RollingMeanByHorizon(double[] x, TimeSpan[] h, int w)
    {
        var (hs, sums, counts) = Groups(x, h);
        var result = new double[hs.Length];
        var trailing = hs.Length - 1;
        var xSum = 0.0;
        var nSum = 0;
        for (var i = hs.Length - 1; i >= 0; i--)
        {
            xSum += sums[i];
            nSum += counts[i];
            while (nSum >= w)
            {
                // Points of the horizon i count in full while under w, otherwise weighted to make exactly w.
                var excessN = nSum - w;
                var excessX = excessN * sums[i] / counts[i];
                result[trailing] = (xSum - excessX) / w;
                xSum -= sums[trailing];
                nSum -= counts[trailing];
                trailing--;
            }
        }

        return (hs[(trailing + 1)..], result[(trailing + 1)..]);
    }

    /// <summary>Prophet's <c>rolling_median_by_h</c>: each horizon's points, topped up from shorter horizons to <paramref name="w"/>.</summary>
    internal static (TimeSpan[] Horizons, double[] Values) RollingMedianByHorizon(double[] x, TimeSpan[] h, int w)
    {
        var (hs, _, _) = Groups(x, h);
        var resultH = new List<TimeSpan>();
        var resultX = new List<double>();
        for (var i = hs.Length - 1; i >= 0; i--)
        {
            var first = Array.IndexOf(h, hs[i]);
            var points = new List<double>();
            for (var k = first; k < h.Length && h[k] == hs[i]; k++)
            {
                points.Add(x[k]);
            }

            for (var next = first - 1; points.Count < w && next >= 0; next--)
            {
                points.Add(x[next]);
            }

            if (points.Count < w)
            {
                break;
            }

            resultH.Add(hs[i]);
            resultX.Add(Median(points));
        }

        resultH.Reverse();
        resultX.Reverse();
        return ([.. resultH], [.. resultX]);
    }

    private static (TimeSpan[] Horizons, double[] Sums, int[] Counts) Groups(double[] x, TimeSpan[] h)
    {
        var hs = new List<TimeSpan>();
        var sums = new List<double>();
        var counts = new List<int>();
        for (var i = 0; i < h.Length; i++)
        {
            if (hs.Count == 0 || hs[^1] != h[i])
            {
                hs.Add(h[i]);
                sums.Add(0);
                counts.Add(0);
            }

            sums[^1] += x[i];
            counts[^1]++;
        }

        return ([.. hs], [.. sums], [.. counts]);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var n = values.Count;
        return n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2;
    }
}

namespace Nyc311.Simulation.Model;

internal static partial class MixCalibration
{
    /// <summary>Expected counts over a set of days, with the parameter-free part of each day computed once.</summary>
    private sealed class ExpectedWindow(MixModel model, DateOnly[] days)
    {
        private readonly StaticDay[] _days = [.. days.Select(d => model.StaticPart(d, model.Totals.RequestsOn(d)!.Value))];
        private readonly (double W15, double W17)[] _trend = [.. days.Select(MixModel.TrendWeights)];

        /// <summary>Expected requests per day and type under the current parameters.</summary>
        public double[][] ExpectedCounts()
        {
            var result = new double[_days.Length][];
            var weights = new double[model.Tables.Types.Count];
            for (var d = 0; d < _days.Length; d++)
            {
                var day = _days[d];
                var (w15, w17) = _trend[d];
                var weightSum = 0.0;
                for (var t = 0; t < weights.Length; t++)
                {
                    weights[t] = day.Factors[t] == 0 ? 0 : model.Parameters.Base[t] * Math.Exp(model.LogTrend(t, w15, w17)) * day.Factors[t];
                    weightSum += weights[t];
                }

                var remaining = day.Total - day.FixedCounts.Sum();
                var expected = new double[weights.Length];
                for (var t = 0; t < weights.Length; t++)
                {
                    expected[t] = day.FixedCounts[t] + (remaining * weights[t] / weightSum);
                }

                result[d] = expected;
            }

            return result;
        }

        /// <summary>Expected type shares over all the days.</summary>
        public double[] Shares()
        {
            var totals = new double[model.Tables.Types.Count];
            foreach (var expected in ExpectedCounts())
            {
                for (var t = 0; t < totals.Length; t++)
                {
                    totals[t] += expected[t];
                }
            }

            return Normalised(totals);
        }
    }
}

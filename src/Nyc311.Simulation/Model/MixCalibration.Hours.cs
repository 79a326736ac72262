using Nyc311.Simulation.Calibration;

namespace Nyc311.Simulation.Model;

internal static partial class MixCalibration
{
    private static void FitHours(MixModel model, PublishedMix mix, PublishedQualityRates stamps)
    {
        var types = model.Tables.Types;
        var shares = new ExpectedWindow(model, Days(model.Totals, new DateOnly(2018, 1, 1), new DateOnly(2023, 12, 31))).Shares();
        var target = Normalised(mix.CreatedByHour2018To2023);

        // Stamped requests land on 00:00:00 or 12:00:00 whatever their natural hour; the natural
        // profiles must leave room for them.
        var naturalShare = new double[types.Count];
        for (var t = 0; t < types.Count; t++)
        {
            var agency = types[t].Agency.Code;
            var noon = stamps.CreatedAtNoon.GetValueOrDefault(agency);
            var midnight = stamps.CreatedAtMidnight.GetValueOrDefault(agency);
            target[12] -= shares[t] * noon;
            target[0] -= shares[t] * midnight;
            naturalShare[t] = shares[t] * (1 - noon - midnight);
        }

        var factors = Enumerable.Repeat(1.0, 24).ToArray();
        for (var round = 0; round < MaxRounds; round++)
        {
            SetHourTables(model, factors);
            var achieved = new double[24];
            for (var t = 0; t < types.Count; t++)
            {
                for (var h = 0; h < 24; h++)
                {
                    achieved[h] += naturalShare[t] * model.Parameters.HourTables[t][h];
                }
            }

            var worst = 0.0;
            for (var h = 0; h < 24; h++)
            {
                var ratio = target[h] / achieved[h];
                factors[h] *= ratio;
                worst = Math.Max(worst, Math.Abs(Math.Log(ratio)));
            }

            if (worst < Tolerance)
            {
                break;
            }
        }

        SetHourTables(model, factors);
    }

    private static void SetHourTables(MixModel model, double[] factors)
    {
        foreach (var type in model.Tables.Types)
        {
            var table = new double[24];
            for (var h = 0; h < 24; h++)
            {
                table[h] = type.Hour.Hours[h] * factors[h];
            }

            var sum = table.Sum();
            for (var h = 0; h < 24; h++)
            {
                table[h] /= sum;
            }

            model.Parameters.HourTables[type.Index] = table;
        }
    }
}

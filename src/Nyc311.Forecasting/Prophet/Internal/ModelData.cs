namespace Nyc311.Forecasting.Prophet.Internal;

/// <summary>The data block of Prophet's Stan model (<c>prophet.stan</c>), on the scaled axes.</summary>
internal sealed class ModelData
{
    public ModelData(
        double[] t,
        double[] y,
        double[] cap,
        double[] changepoints,
        double[] features,
        double[] priorScales,
        double tau,
        ProphetGrowth growth,
        double[] additive,
        double[] multiplicative)
    {
        T = t.Length;
        K = priorScales.Length;
        S = changepoints.Length;
        Time = t;
        Y = y;
        Cap = cap;
        Changepoints = changepoints;
        Features = features;
        PriorScales = priorScales;
        Tau = tau;
        Growth = growth;
        Additive = additive;
        Multiplicative = multiplicative;
        HasMultiplicative = Array.IndexOf(multiplicative, 1.0) >= 0;
        FirstActiveRow = new int[S];
        var row = 0;
        for (var j = 0; j < S; j++)
        {
            while (row < T && t[row] < changepoints[j])
            {
                row++;
            }

            FirstActiveRow[j] = row;
        }
    }

    /// <summary>Number of observations.</summary>
    public int T { get; }

    /// <summary>Number of feature columns.</summary>
    public int K { get; }

    /// <summary>Number of changepoints.</summary>
    public int S { get; }

    /// <summary>Scaled time, ascending, history in [0, 1].</summary>
    public double[] Time { get; }

    /// <summary>Scaled observations.</summary>
    public double[] Y { get; }

    /// <summary>Scaled capacities (logistic growth only; zeros otherwise).</summary>
    public double[] Cap { get; }

    /// <summary>Scaled changepoint times, ascending.</summary>
    public double[] Changepoints { get; }

    /// <summary>Row-major T x K feature matrix.</summary>
    public double[] Features { get; }

    public double[] PriorScales { get; }

    /// <summary>Scale of the Laplace prior on the rate changes.</summary>
    public double Tau { get; }

    public ProphetGrowth Growth { get; }

    public double[] Additive { get; }

    public double[] Multiplicative { get; }

    public bool HasMultiplicative { get; }

    /// <summary>For each changepoint, the first row with <c>t &gt;= t_change</c> (Stan's changepoint matrix A in compact form).</summary>
    public int[] FirstActiveRow { get; }

    /// <summary>Length of the parameter vector: k, m, delta[S], log sigma_obs, beta[K] (Stan's unconstrained order).</summary>
    public int Dimension => 3 + S + K;

    public int SigmaIndex => 2 + S;

    public int BetaIndex => 3 + S;
}

namespace Nyc311.Forecasting.Prophet.Internal;

/// <summary>
/// Everything Prophet computes before optimising (<c>m.preprocess(df)</c> and
/// <c>m.calculate_initial_params</c>): scales, the Stan data and the initial parameters.
/// </summary>
internal sealed class PreparedFit
{
    public required ModelScales Scales { get; init; }

    public required FeatureLayout Layout { get; init; }

    public required ModelData Data { get; init; }

    /// <summary>History dates sorted, only rows with a value.</summary>
    public required DateTime[] HistoryDs { get; init; }

    /// <summary>All distinct input dates, sorted (Prophet's <c>history_dates</c>).</summary>
    public required DateTime[] HistoryDates { get; init; }

    public required DateTime[] ChangepointDates { get; init; }

    /// <summary>True when no changepoint exists and a dummy one at t = 0 is in <see cref="ModelData.Changepoints"/>.</summary>
    public required bool HasDummyChangepoint { get; init; }

    public required double InitialK { get; init; }

    public required double InitialM { get; init; }

    /// <summary>The raw history y (unscaled), sorted by date.</summary>
    public required double[] HistoryY { get; init; }

    /// <summary>Initial parameter vector in Stan's order: k, m, delta = 0, log sigma_obs = 0, beta = 0.</summary>
    public double[] InitialVector()
    {
        var x = new double[Data.Dimension];
        x[0] = InitialK;
        x[1] = InitialM;
        return x;
    }
}

namespace Nyc311.Forecasting.Prophet;

/// <summary>The trend model (Prophet's <c>growth</c>).</summary>
public enum ProphetGrowth
{
    /// <summary>Piecewise-linear trend with changepoints (the default).</summary>
    Linear,

    /// <summary>Piecewise-logistic trend saturating at the per-row capacity <c>cap</c> (and optional <c>floor</c>).</summary>
    Logistic,

    /// <summary>A constant trend.</summary>
    Flat,
}

/// <summary>How a seasonality, holiday or regressor combines with the trend.</summary>
public enum SeasonalityMode
{
    /// <summary>Added to the trend: <c>yhat = trend + s</c>.</summary>
    Additive,

    /// <summary>Multiplies the trend: <c>yhat = trend * (1 + s)</c>.</summary>
    Multiplicative,
}

/// <summary>How <c>y</c> is scaled before fitting (Prophet's <c>scaling</c>).</summary>
public enum ProphetScaling
{
    /// <summary><c>y / max|y|</c> (the default).</summary>
    AbsMax,

    /// <summary><c>(y - min y) / (max y - min y)</c>.</summary>
    MinMax,
}

/// <summary>Which optimiser finds the MAP estimate.</summary>
public enum ProphetAlgorithm
{
    /// <summary>As Prophet does: Newton for fewer than 100 rows, otherwise L-BFGS, falling back to Newton if L-BFGS fails.</summary>
    Auto,

    /// <summary>Stan's L-BFGS (history 5, Wolfe line search, cmdstan's default tolerances).</summary>
    Lbfgs,

    /// <summary>Stan's Newton method (finite-difference Hessian, step halving).</summary>
    Newton,
}

namespace Nyc311.Forecasting.Prophet;

/// <summary>
/// The MAP estimate of Prophet's parameters, on the scaled axes (y divided by the y scale, time in [0, 1]
/// over the history), exactly as Prophet's <c>m.params</c>.
/// </summary>
/// <param name="K">Base growth rate.</param>
/// <param name="M">Offset.</param>
/// <param name="Delta">Rate change at each changepoint.</param>
/// <param name="SigmaObs">Observation noise standard deviation.</param>
/// <param name="Beta">Coefficient of each feature column (see <see cref="ProphetModel.FeatureNames"/>).</param>
public sealed record ProphetParameters(double K, double M, IReadOnlyList<double> Delta, double SigmaObs, IReadOnlyList<double> Beta);

/// <summary>How the fit went.</summary>
/// <param name="Algorithm">The optimiser that produced the parameters (Newton after a fallback).</param>
/// <param name="Iterations">Optimiser iterations.</param>
/// <param name="Evaluations">Evaluations of the log posterior and its gradient.</param>
/// <param name="Termination">Why the optimiser stopped, in Stan's words.</param>
/// <param name="NegativeLogPosterior">The objective at the optimum (Stan's <c>-lp__</c> without constants).</param>
/// <param name="FellBackToNewton">True when L-BFGS failed and Newton was used, as Prophet does.</param>
public sealed record ProphetFitInfo(ProphetAlgorithm Algorithm, int Iterations, int Evaluations, string Termination, double NegativeLogPosterior, bool FellBackToNewton);

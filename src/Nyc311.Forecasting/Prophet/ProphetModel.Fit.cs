using Nyc311.Forecasting.Prophet.Internal;
using Nyc311.Forecasting.Prophet.Optimization;

namespace Nyc311.Forecasting.Prophet;

/// <summary>MAP optimisation, choosing the algorithm as Prophet's cmdstanpy backend does.</summary>
public sealed partial class ProphetModel
{
    private const int NewtonRowThreshold = 100;

    private static (double[] X, ProphetFitInfo Info) Optimize(PreparedFit prepared, ProphetOptions options)
    {
        var data = prepared.Data;
        var start = prepared.InitialVector();
        var y = prepared.HistoryY;
        if (y.Min() == y.Max() && options.Growth != ProphetGrowth.Logistic)
        {
            // Prophet skips Stan for a constant series and keeps the initial values with sigma_obs = 1e-9.
            start[data.SigmaIndex] = Math.Log(1e-9);
            return (start, new ProphetFitInfo(ProphetAlgorithm.Auto, 0, 0, "constant series: initial values kept", double.NaN, false));
        }

        var objective = new ProphetObjective(data);
        var probe = new double[data.Dimension];
        if (!double.IsFinite(objective.Evaluate(start, probe)))
        {
            throw ForecastFitException.NonFiniteStart();
        }

        var algorithm = options.Algorithm;
        if (algorithm == ProphetAlgorithm.Auto)
        {
            algorithm = data.T < NewtonRowThreshold ? ProphetAlgorithm.Newton : ProphetAlgorithm.Lbfgs;
        }

        if (algorithm == ProphetAlgorithm.Lbfgs)
        {
            var lbfgs = new StanLbfgs(objective).Minimize(start);
            if (lbfgs.Succeeded)
            {
                return (lbfgs.Parameters, Info(ProphetAlgorithm.Lbfgs, lbfgs, fellBack: false));
            }
        }

        var newton = new StanNewton(objective).Minimize(start);
        if (!newton.Succeeded || !Array.TrueForAll(newton.Parameters, double.IsFinite))
        {
            throw ForecastFitException.OptimizationFailed("Newton", "the log posterior could not be evaluated");
        }

        return (newton.Parameters, Info(ProphetAlgorithm.Newton, newton, fellBack: algorithm == ProphetAlgorithm.Lbfgs));
    }

    private static ProphetFitInfo Info(ProphetAlgorithm algorithm, OptimizationResult result, bool fellBack) =>
        new(algorithm, result.Iterations, result.Evaluations, Describe(result.Termination), result.Objective, fellBack);

    private static string Describe(Termination termination) => termination switch
    {
        Termination.AbsoluteObjective => "absolute change in objective function was below tolerance",
        Termination.RelativeObjective => "relative change in objective function was below tolerance",
        Termination.AbsoluteGradient => "gradient norm is below tolerance",
        Termination.RelativeGradient => "relative gradient magnitude is below tolerance",
        Termination.AbsoluteParameter => "absolute parameter change was below tolerance",
        Termination.MaxIterations => "maximum number of iterations hit, may not be at an optimum",
        Termination.NoImprovement => "log density changed by at most 1e-8",
        _ => "line search failed to achieve a sufficient decrease",
    };
}

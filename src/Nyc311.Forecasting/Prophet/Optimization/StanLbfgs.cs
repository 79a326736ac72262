namespace Nyc311.Forecasting.Prophet.Optimization;

/// <summary>
/// Stan's L-BFGS optimiser (<c>stan/optimization/bfgs.hpp</c> with <c>LBFGSUpdate</c>) with cmdstan's
/// defaults: history 5, first step 1e-3, tolerances tol_obj 1e-12, tol_rel_obj 1e4, tol_grad 1e-8,
/// tol_rel_grad 1e7, tol_param 1e-8, and Prophet's 10000 iterations. Minimises the objective.
/// </summary>
internal sealed class StanLbfgs
{
    private const double InitialAlpha = 1e-3;
    private const double MinAlpha = 1e-12;
    private const double TolObjective = 1e-12;
    private const double TolRelativeObjective = 1e4;
    private const double TolGradient = 1e-8;
    private const double TolRelativeGradient = 1e7;
    private const double TolParameter = 1e-8;
    private const int HistorySize = 5;

    // C++'s numeric_limits<double>::epsilon() (2^-52), not .NET's double.Epsilon (the smallest subnormal).
    private const double MachineEpsilon = 2.220446049250313e-16;

    private readonly IObjective _objective;
    private readonly int _maxIterations;
    private int _evaluations;

    public StanLbfgs(IObjective objective, int maxIterations = 10000)
    {
        _objective = objective;
        _maxIterations = maxIterations;
    }

    public OptimizationResult Minimize(double[] start)
    {
        var n = start.Length;
        var xk = (double[])start.Clone();
        var gk = new double[n];
        var fk = Evaluate(xk, gk);
        if (!double.IsFinite(fk) || Array.Exists(gk, g => !double.IsFinite(g)))
        {
            return new OptimizationResult(xk, fk, 0, _evaluations, Termination.LineSearchFailed);
        }

        var pk = new double[n];
        var xk1 = new double[n];
        var gk1 = new double[n];
        var pk1 = new double[n];
        var sk = new double[n];
        var yk = new double[n];
        double fk1 = 0;
        double alphak1 = 0;
        for (var i = 0; i < n; i++)
        {
            pk[i] = -gk[i];
        }

        var history = new LbfgsHistory(HistorySize, n);
        var search = new WolfeLineSearch(Evaluate);
        var iteration = 0;
        while (true)
        {
            iteration++;
            var reset = iteration == 1 ? 1 : 0;
            double alpha;
            while (true)
            {
                if (reset != 0)
                {
                    for (var i = 0; i < n; i++)
                    {
                        pk[i] = -gk[i];
                    }
                }

                if (iteration > 1 && reset != 2)
                {
                    alpha = Math.Min(
                        1.0,
                        1.01 * WolfeLineSearch.CubicInterpolate(
                            WolfeLineSearch.Dot(gk1, pk1), alphak1, fk - fk1, WolfeLineSearch.Dot(gk, pk1), MinAlpha, 1.0));
                }
                else
                {
                    alpha = InitialAlpha;
                }

                // The search writes the new point into the "previous" buffers, which are swapped below.
                if (search.Search(ref alpha, xk1, out fk1, gk1, pk, xk, fk, gk, MinAlpha))
                {
                    break;
                }

                if (reset != 0)
                {
                    return new OptimizationResult(xk, fk, iteration, _evaluations, Termination.LineSearchFailed);
                }

                reset = 2;
            }

            (fk, fk1) = (fk1, fk);
            (xk, xk1) = (xk1, xk);
            (gk, gk1) = (gk1, gk);
            (pk, pk1) = (pk1, pk);

            var gradientNorm = 0.0;
            var stepNorm = 0.0;
            for (var i = 0; i < n; i++)
            {
                sk[i] = xk[i] - xk1[i];
                yk[i] = gk[i] - gk1[i];
                gradientNorm += gk[i] * gk[i];
                stepNorm += sk[i] * sk[i];
            }

            gradientNorm = Math.Sqrt(gradientNorm);
            stepNorm = Math.Sqrt(stepNorm);
            if (reset != 0)
            {
                var scale = history.Update(yk, sk, reset: true);
                for (var i = 0; i < n; i++)
                {
                    pk1[i] /= scale;
                }

                alphak1 = alpha * scale;
            }
            else
            {
                history.Update(yk, sk, reset: false);
                alphak1 = alpha;
            }

            history.SearchDirection(pk, gk);

            Termination? stop = null;
            if (Math.Abs(fk1 - fk) < TolObjective)
            {
                stop = Termination.AbsoluteObjective;
            }
            else if (gradientNorm < TolGradient)
            {
                stop = Termination.AbsoluteGradient;
            }
            else if (stepNorm < TolParameter)
            {
                stop = Termination.AbsoluteParameter;
            }
            else if (iteration >= _maxIterations)
            {
                stop = Termination.MaxIterations;
            }
            else if (Math.Abs(fk1 - fk) / Math.Max(Math.Abs(fk1), Math.Max(Math.Abs(fk), 1.0)) < TolRelativeObjective * MachineEpsilon)
            {
                stop = Termination.RelativeObjective;
            }
            else if (-WolfeLineSearch.Dot(pk, gk) / Math.Max(Math.Abs(fk), 1.0) < TolRelativeGradient * MachineEpsilon)
            {
                stop = Termination.RelativeGradient;
            }

            if (stop is { } termination)
            {
                return new OptimizationResult(xk, fk, iteration, _evaluations, termination);
            }
        }
    }

    private double Evaluate(double[] x, double[] gradient)
    {
        _evaluations++;
        return _objective.Evaluate(x, gradient);
    }
}


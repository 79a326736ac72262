using MathNet.Numerics.LinearAlgebra;

namespace Nyc311.Forecasting.Prophet.Optimization;

/// <summary>
/// Stan's Newton optimiser (<c>stan/optimization/newton.hpp</c> and <c>services/optimize/newton.hpp</c>),
/// which Prophet uses for fewer than 100 rows and as the fallback when L-BFGS fails. Each step builds the
/// Hessian by finite differences of the gradient exactly as <c>stan::model::grad_hess_log_prob</c> does
/// (including its scaling by epsilon/2, which makes the raw Newton step far too long), flips negative
/// curvature, and halves the step from 1 until the log density does not decrease. It stops when the log
/// density changes by at most 1e-8.
/// </summary>
internal sealed class StanNewton
{
    private const double Epsilon = 1e-3;
    private const double HalfEpsilon = 0.5 * Epsilon;
    private static readonly double[] Perturbations = [-2 * Epsilon, -1 * Epsilon, Epsilon, 2 * Epsilon];
    private static readonly double[] Coefficients = [1.0 / 12.0, -2.0 / 3.0, 2.0 / 3.0, -1.0 / 12.0];

    private readonly IObjective _objective;
    private readonly int _maxIterations;
    private readonly double[] _scratchGradient;
    private int _evaluations;

    public StanNewton(IObjective objective, int maxIterations = 10000)
    {
        _objective = objective;
        _maxIterations = maxIterations;
        _scratchGradient = new double[objective.Dimension];
    }

    public OptimizationResult Minimize(double[] start)
    {
        var x = (double[])start.Clone();
        var logDensity = LogDensity(x, _scratchGradient);
        if (!double.IsFinite(logDensity))
        {
            return new OptimizationResult(x, -logDensity, 0, _evaluations, Termination.LineSearchFailed);
        }

        var iterations = 0;
        for (var m = 0; m < _maxIterations; m++)
        {
            iterations++;
            var last = logDensity;
            logDensity = Step(x);

            // Stan compares the first step against the full log density (with constants), so it never stops there.
            if (m > 0 && Math.Abs(logDensity - last) <= 1e-8)
            {
                return new OptimizationResult(x, -logDensity, iterations, _evaluations, Termination.NoImprovement);
            }
        }

        return new OptimizationResult(x, -logDensity, iterations, _evaluations, Termination.MaxIterations);
    }

    private double Step(double[] x)
    {
        var n = x.Length;
        var gradient = new double[n];
        var f0 = LogDensity(x, gradient);
        var hessian = FiniteDifferenceHessian(x);
        var direction = SolveNegativeDefinite(hessian, gradient);

        var candidate = new double[n];
        var stepSize = 2.0;
        var f1 = -1e100;
        while (f1 < f0)
        {
            stepSize *= 0.5;
            if (stepSize < 1e-50)
            {
                return f0;
            }

            for (var i = 0; i < n; i++)
            {
                candidate[i] = x[i] - (stepSize * direction[i]);
            }

            f1 = LogDensity(candidate, _scratchGradient);
            if (!double.IsFinite(f1))
            {
                f1 = -1e100;
            }
        }

        Array.Copy(candidate, x, n);
        return f1;
    }

    private Matrix<double> FiniteDifferenceHessian(double[] x)
    {
        var n = x.Length;
        var hessian = Matrix<double>.Build.Dense(n, n);
        var perturbed = (double[])x.Clone();
        var gradients = new double[Perturbations.Length][];
        for (var i = 0; i < gradients.Length; i++)
        {
            gradients[i] = new double[n];
        }

        for (var d = 0; d < n; d++)
        {
            for (var i = 0; i < Perturbations.Length; i++)
            {
                perturbed[d] = x[d] + Perturbations[i];
                LogDensity(perturbed, gradients[i]);
            }

            perturbed[d] = x[d];
            for (var dd = 0; dd < n; dd++)
            {
                // Stan adds the four terms in order; pairing the opposite perturbations instead makes a gradient
                // that does not depend on x[d] cancel exactly (Stan's order leaves a rounding residue).
                var outer = (Coefficients[0] * gradients[0][dd]) + (Coefficients[3] * gradients[3][dd]);
                var inner = (Coefficients[1] * gradients[1][dd]) + (Coefficients[2] * gradients[2][dd]);
                var increment = HalfEpsilon * (outer + inner);
                hessian[d, dd] += increment;
                hessian[dd, d] += increment;
            }
        }

        return hessian;
    }

    /// <summary>
    /// Stan's <c>make_negative_definite_and_solve</c>: <c>-V diag(1/|lambda|) V' g</c>. Coordinates whose Hessian
    /// row has no off-diagonal entry are their own eigenvectors; they are solved apart so that a parameter
    /// the likelihood ignores (k under flat growth) stays exactly where it is, as Eigen's solver keeps it.
    /// </summary>
    private static double[] SolveNegativeDefinite(Matrix<double> hessian, double[] gradient)
    {
        var n = gradient.Length;
        var coupled = new List<int>(n);
        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            var alone = true;
            for (var j = 0; j < n && alone; j++)
            {
                alone = i == j || (hessian[i, j] == 0 && hessian[j, i] == 0);
            }

            if (alone)
            {
                result[i] = -gradient[i] / Math.Abs(hessian[i, i]);
            }
            else
            {
                coupled.Add(i);
            }
        }

        if (coupled.Count == 0)
        {
            return result;
        }

        var block = Matrix<double>.Build.Dense(coupled.Count, coupled.Count, (r, c) => hessian[coupled[r], coupled[c]]);
        var evd = block.Evd(Symmetricity.Symmetric);
        var vectors = evd.EigenVectors;
        var values = evd.EigenValues;
        var projections = vectors.TransposeThisAndMultiply(Vector<double>.Build.Dense(coupled.Count, r => gradient[coupled[r]]));
        for (var i = 0; i < projections.Count; i++)
        {
            projections[i] = -projections[i] / Math.Abs(values[i].Real);
        }

        var solved = vectors * projections;
        for (var r = 0; r < coupled.Count; r++)
        {
            result[coupled[r]] = solved[r];
        }

        return result;
    }

    /// <summary>The log density (the negated objective) and its gradient.</summary>
    private double LogDensity(double[] x, double[] gradient)
    {
        _evaluations++;
        var f = _objective.Evaluate(x, gradient);
        for (var i = 0; i < gradient.Length; i++)
        {
            gradient[i] = -gradient[i];
        }

        return -f;
    }
}

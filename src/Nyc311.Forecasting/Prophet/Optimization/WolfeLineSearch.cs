namespace Nyc311.Forecasting.Prophet.Optimization;

/// <summary>
/// Stan's strong-Wolfe line search (<c>stan/optimization/bfgs_linesearch.hpp</c>): expand by 10x until the
/// interval brackets a point, then zoom with cubic interpolation (bisecting every fifth try).
/// </summary>
internal sealed class WolfeLineSearch
{
    private const double C1 = 1e-4;
    private const double C2 = 0.9;
    private const int MaxIterations = 20;
    private const int MaxRestarts = 10;
    private const double MinRange = 1e-16;

    private readonly Func<double[], double[], double> _evaluate;

    public WolfeLineSearch(Func<double[], double[], double> evaluate)
    {
        _evaluate = evaluate;
    }

    /// <summary>
    /// Searches along <paramref name="p"/> from <paramref name="x0"/>. On success returns true and leaves the
    /// new point, value and gradient in <paramref name="x1"/>, <paramref name="f1"/>, <paramref name="g1"/>
    /// and the step in <paramref name="alpha"/> (which holds the first step to try on entry).
    /// </summary>
    public bool Search(
        ref double alpha,
        double[] x1,
        out double f1,
        double[] g1,
        double[] p,
        double[] x0,
        double f0,
        double[] g0,
        double minAlpha)
    {
        var dfp = Dot(g0, p);
        var c1dfp = C1 * dfp;
        var c2dfp = C2 * dfp;
        var alpha0 = minAlpha;
        var alpha1 = alpha;
        var prevF = f0;
        var prevDfp = dfp;
        var iterations = 0;
        var restarts = 0;
        f1 = double.NaN;

        while (true)
        {
            if (iterations >= MaxIterations)
            {
                return false;
            }

            Step(x0, alpha1, p, x1);
            f1 = _evaluate(x1, g1);
            if (!IsFinite(f1, g1))
            {
                if (restarts >= MaxRestarts)
                {
                    return false;
                }

                alpha1 = 0.5 * (alpha0 + alpha1);
                restarts++;
                continue;
            }

            restarts = 0;
            var newDfp = Dot(g1, p);
            if (f1 > f0 + (alpha * c1dfp) || (f1 >= prevF && iterations > 0))
            {
                return Zoom(ref alpha, x1, ref f1, g1, x0, f0, c1dfp, c2dfp, p, alpha0, prevF, prevDfp, alpha1, f1, newDfp);
            }

            if (Math.Abs(newDfp) <= -c2dfp)
            {
                alpha = alpha1;
                return true;
            }

            if (newDfp >= 0)
            {
                return Zoom(ref alpha, x1, ref f1, g1, x0, f0, c1dfp, c2dfp, p, alpha1, f1, newDfp, alpha0, prevF, prevDfp);
            }

            alpha0 = alpha1;
            prevF = f1;
            prevDfp = newDfp;
            alpha1 *= 10.0;
            iterations++;
        }
    }

    private bool Zoom(
        ref double alpha,
        double[] x1,
        ref double f1,
        double[] g1,
        double[] x0,
        double f0,
        double c1dfp,
        double c2dfp,
        double[] p,
        double alo,
        double aloF,
        double aloDfp,
        double ahi,
        double ahiF,
        double ahiDfp)
    {
        var iteration = 0;
        while (true)
        {
            iteration++;
            if (Math.Abs(alo - ahi) < MinRange)
            {
                return false;
            }

            if (iteration % 5 == 0)
            {
                alpha = 0.5 * (alo + ahi);
            }
            else
            {
                var d1 = aloDfp + ahiDfp - (3 * (aloF - ahiF) / (alo - ahi));
                var d2 = Math.Sqrt((d1 * d1) - (aloDfp * ahiDfp));
                if (ahi < alo)
                {
                    d2 = -d2;
                }

                alpha = ahi - ((ahi - alo) * (ahiDfp + d2 - d1) / (ahiDfp - aloDfp + (2 * d2)));
                var low = Math.Min(alo, ahi);
                var high = Math.Max(alo, ahi);
                var margin = 0.01 * Math.Abs(alo - ahi);
                if (!double.IsFinite(alpha) || alpha < low + margin || alpha > high - margin)
                {
                    alpha = 0.5 * (alo + ahi);
                }
            }

            Step(x0, alpha, p, x1);
            f1 = _evaluate(x1, g1);
            while (!IsFinite(f1, g1))
            {
                alpha = 0.5 * (alpha + Math.Min(alo, ahi));
                if (Math.Abs(Math.Min(alo, ahi) - alpha) < MinRange)
                {
                    return false;
                }

                Step(x0, alpha, p, x1);
                f1 = _evaluate(x1, g1);
            }

            var newDfp = Dot(g1, p);
            if (f1 > f0 + (alpha * c1dfp) || f1 >= aloF)
            {
                ahi = alpha;
                ahiF = f1;
                ahiDfp = newDfp;
            }
            else
            {
                if (Math.Abs(newDfp) <= -c2dfp)
                {
                    return true;
                }

                if (newDfp * (ahi - alo) >= 0)
                {
                    ahi = alo;
                    ahiF = aloF;
                    ahiDfp = aloDfp;
                }

                alo = alpha;
                aloF = f1;
                aloDfp = newDfp;
            }
        }
    }

    /// <summary>
    /// Minimiser on [loX, hiX] of the cubic through (0, 0) and (x1, f1) with slopes df0 and df1
    /// (Stan's <c>CubicInterp</c>), used to guess the first step of the next line search.
    /// </summary>
    public static double CubicInterpolate(double df0, double x1, double f1, double df1, double loX, double hiX)
    {
        var c3 = ((-12 * f1) + (6 * x1 * (df0 + df1))) / (x1 * x1 * x1);
        var c2 = (-((4 * df0) + (2 * df1)) / x1) + (6 * f1 / (x1 * x1));
        var c1 = df0;
        var ts = Math.Sqrt((c2 * c2) - (2.0 * c1 * c3));
        var s1 = -(c2 + ts) / c3;
        var s2 = -(c2 - ts) / c3;

        static double Cubic(double x, double c1, double c2, double c3) => x * ((x * ((x * c3 / 3.0) + c2) / 2.0) + c1);

        var minF = Cubic(loX, c1, c2, c3);
        var minX = loX;
        var value = Cubic(hiX, c1, c2, c3);
        if (value < minF)
        {
            minF = value;
            minX = hiX;
        }

        if (loX < s1 && s1 < hiX)
        {
            value = Cubic(s1, c1, c2, c3);
            if (value < minF)
            {
                minF = value;
                minX = s1;
            }
        }

        if (loX < s2 && s2 < hiX)
        {
            value = Cubic(s2, c1, c2, c3);
            if (value < minF)
            {
                minX = s2;
            }
        }

        return minX;
    }

    internal static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static void Step(double[] x0, double alpha, double[] p, double[] target)
    {
        for (var i = 0; i < x0.Length; i++)
        {
            target[i] = x0[i] + (alpha * p[i]);
        }
    }

    private static bool IsFinite(double f, double[] gradient)
    {
        if (!double.IsFinite(f))
        {
            return false;
        }

        foreach (var g in gradient)
        {
            if (!double.IsFinite(g))
            {
                return false;
            }
        }

        return true;
    }
}

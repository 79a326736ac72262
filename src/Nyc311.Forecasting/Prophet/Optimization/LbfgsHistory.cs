namespace Nyc311.Forecasting.Prophet.Optimization;

/// <summary>
/// The limited-memory inverse Hessian of Stan's <c>LBFGSUpdate</c>: a ring of the last few (s, y) pairs and
/// the two-loop recursion, with the initial scaling s'y / y'y of the newest pair.
/// </summary>
internal sealed class LbfgsHistory
{
    private readonly double[][] _s;
    private readonly double[][] _y;
    private readonly double[] _rho;
    private readonly double[] _alphas;
    private int _count;
    private int _newest = -1;
    private double _gamma = 1;

    public LbfgsHistory(int size, int dimension)
    {
        _s = new double[size][];
        _y = new double[size][];
        for (var i = 0; i < size; i++)
        {
            _s[i] = new double[dimension];
            _y[i] = new double[dimension];
        }

        _rho = new double[size];
        _alphas = new double[size];
    }

    /// <summary>Adds a pair; with <paramref name="reset"/> forgets the others and returns y'y / s'y (else 1).</summary>
    public double Update(double[] y, double[] s, bool reset)
    {
        var sy = WolfeLineSearch.Dot(y, s);
        var yy = WolfeLineSearch.Dot(y, y);
        var scale = 1.0;
        if (reset)
        {
            scale = yy / sy;
            _count = 0;
            _newest = -1;
        }

        _newest = (_newest + 1) % _s.Length;
        Array.Copy(s, _s[_newest], s.Length);
        Array.Copy(y, _y[_newest], y.Length);
        _rho[_newest] = 1.0 / sy;
        _gamma = sy / yy;
        _count = Math.Min(_count + 1, _s.Length);
        return scale;
    }

    /// <summary>Writes <c>-H g</c> into <paramref name="direction"/>.</summary>
    public void SearchDirection(double[] direction, double[] gradient)
    {
        for (var i = 0; i < gradient.Length; i++)
        {
            direction[i] = -gradient[i];
        }

        var size = _s.Length;
        for (var n = 0; n < _count; n++)
        {
            var slot = ((_newest - n) % size + size) % size;
            var alpha = _rho[slot] * WolfeLineSearch.Dot(_s[slot], direction);
            var y = _y[slot];
            for (var i = 0; i < direction.Length; i++)
            {
                direction[i] -= alpha * y[i];
            }

            _alphas[slot] = alpha;
        }

        for (var i = 0; i < direction.Length; i++)
        {
            direction[i] *= _gamma;
        }

        for (var n = _count - 1; n >= 0; n--)
        {
            var slot = ((_newest - n) % size + size) % size;
            var beta = _rho[slot] * WolfeLineSearch.Dot(_y[slot], direction);
            var s = _s[slot];
            var step = _alphas[slot] - beta;
            for (var i = 0; i < direction.Length; i++)
            {
                direction[i] += step * s[i];
            }
        }
    }
}

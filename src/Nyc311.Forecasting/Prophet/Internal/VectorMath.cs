using System.Numerics;
using System.Runtime.InteropServices;

namespace Nyc311.Forecasting.Prophet.Internal;

/// <summary>SIMD dot product and axpy for the objective's row loops.</summary>
internal static class VectorMath
{
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        var i = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<double>.Count)
        {
            var va = MemoryMarshal.Cast<double, Vector<double>>(a);
            var vb = MemoryMarshal.Cast<double, Vector<double>>(b);
            var acc = Vector<double>.Zero;
            for (var v = 0; v < va.Length; v++)
            {
                acc += va[v] * vb[v];
            }

            sum = Vector.Sum(acc);
            i = va.Length * Vector<double>.Count;
        }

        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    /// <summary><c>target += scale * x</c>.</summary>
    public static void Axpy(double scale, ReadOnlySpan<double> x, Span<double> target)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<double>.Count)
        {
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
            var vt = MemoryMarshal.Cast<double, Vector<double>>(target);
            var s = new Vector<double>(scale);
            for (var v = 0; v < vx.Length; v++)
            {
                vt[v] += s * vx[v];
            }

            i = vx.Length * Vector<double>.Count;
        }

        for (; i < x.Length; i++)
        {
            target[i] += scale * x[i];
        }
    }
}

namespace Nyc311.Forecasting.Prophet.Internal;

/// <summary>
/// Seeded draws for the interval simulation: xoshiro256** (seeded by SplitMix64) for uniforms, Marsaglia's
/// polar method for normals, and numpy's inverse CDF for the Laplace distribution. The sequence depends only
/// on the seed, never on the runtime version.
/// </summary>
internal sealed class SamplingRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;
    private double _spareNormal;
    private bool _hasSpare;

    public SamplingRandom(int seed)
    {
        var state = unchecked((ulong)seed);
        _s0 = SplitMix(ref state);
        _s1 = SplitMix(ref state);
        _s2 = SplitMix(ref state);
        _s3 = SplitMix(ref state);
    }

    /// <summary>A uniform draw in [0, 1) with 53 random bits.</summary>
    public double NextUniform()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return (result >> 11) * (1.0 / (1UL << 53));
    }

    public double NextNormal()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spareNormal;
        }

        double u;
        double v;
        double s;
        do
        {
            u = (2 * NextUniform()) - 1;
            v = (2 * NextUniform()) - 1;
            s = (u * u) + (v * v);
        }
        while (s >= 1 || s == 0);

        var factor = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareNormal = v * factor;
        _hasSpare = true;
        return u * factor;
    }

    public double NextLaplace(double scale)
    {
        while (true)
        {
            var u = NextUniform();
            if (u >= 0.5)
            {
                return -scale * Math.Log(2.0 - u - u);
            }

            if (u > 0)
            {
                return scale * Math.Log(u + u);
            }
        }
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

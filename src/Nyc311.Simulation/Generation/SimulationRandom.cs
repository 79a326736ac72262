namespace Nyc311.Simulation.Generation;

/// <summary>
/// xoshiro256** (Blackman and Vigna), seeded through SplitMix64. Written out here rather than using
/// <see cref="System.Random"/> so the stream for a seed can never change with the runtime.
/// </summary>
internal sealed class SimulationRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;
    private double _spareGaussian = double.NaN;

    public SimulationRandom(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>A generator for one purpose on one day: the same inputs give the same stream.</summary>
    public static SimulationRandom For(int seed, DateOnly date, RandomStream stream) =>
        new(Mix((ulong)(uint)seed, (ulong)date.DayNumber, (ulong)stream));

    /// <summary>A well-mixed 64-bit hash of three values (SplitMix64 finaliser chained).</summary>
    public static ulong Mix(ulong a, ulong b, ulong c)
    {
        var x = a * 0x9E3779B97F4A7C15UL;
        x = Finalise(x ^ b);
        x = Finalise(x ^ (c * 0xD1B54A32D192ED03UL));
        return x;
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, n) for n &gt; 0 (multiply-shift; the bias is below 2^-32).</summary>
    public int NextInt(int n) => (int)(((NextUInt64() >> 32) * (ulong)n) >> 32);

    /// <summary>Uniform integer in [min, max].</summary>
    public int NextInt(int min, int max) => min + NextInt(max - min + 1);

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>A standard normal deviate (Box-Muller; the second of each pair is kept for the next call).</summary>
    public double NextGaussian()
    {
        if (!double.IsNaN(_spareGaussian))
        {
            var spare = _spareGaussian;
            _spareGaussian = double.NaN;
            return spare;
        }

        var radius = Math.Sqrt(-2.0 * Math.Log(1.0 - NextDouble()));
        var (sin, cos) = Math.SinCos(2.0 * Math.PI * NextDouble());
        _spareGaussian = radius * sin;
        return radius * cos;
    }

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        return Finalise(x);
    }

    private static ulong Finalise(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}

/// <summary>Independent random streams of one day, so switching one feature off leaves the others unchanged.</summary>
internal enum RandomStream
{
    Records = 1,
    Keys = 2,
    Quality = 3,
}

namespace MLPerfDotnet.Unet3d.Data.Loading;

/// <summary>
/// A small deterministic generator (xoshiro256** seeded through SplitMix64) for one sample's crop and
/// augmentation choices. Each sample gets its own, derived from (worker seed, rank, epoch, position), so that
/// batches do not depend on thread timing.
/// </summary>
public sealed class SampleRandom
{
    private ulong _s0, _s1, _s2, _s3;
    private double? _spareNormal;

    public SampleRandom(params long[] seeds)
    {
        ulong x = 0x9E3779B97F4A7C15ul;
        foreach (long s in seeds) x = SplitMix(x ^ unchecked((ulong)s));
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1), like random.random().</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1ul << 53));

    /// <summary>Uniform in [low, high).</summary>
    public double Uniform(double low, double high) => low + (high - low) * NextDouble();

    /// <summary>randrange(n): uniform in [0, n), unbiased; n must be positive.</summary>
    public int NextInt(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ulong bound = (ulong)n;
        ulong limit = ulong.MaxValue - ulong.MaxValue % bound;
        ulong v;
        do v = NextUInt64(); while (v >= limit);
        return (int)(v % bound);
    }

    /// <summary>Standard normal (Box-Muller, pairs cached).</summary>
    public double NextNormal()
    {
        if (_spareNormal is double spare)
        {
            _spareNormal = null;
            return spare;
        }
        double u1 = 1.0 - NextDouble(), u2 = NextDouble();
        double r = Math.Sqrt(-2.0 * Math.Log(u1));
        _spareNormal = r * Math.Sin(2 * Math.PI * u2);
        return r * Math.Cos(2 * Math.PI * u2);
    }

    private static ulong SplitMix(ulong x) => SplitMix(ref x);

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15ul;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ul;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBul;
        return z ^ (z >> 31);
    }
}
